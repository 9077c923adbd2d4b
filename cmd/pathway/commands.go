package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"

	"pathway/crypt"
	"pathway/plan"
)

func (a *app) importCommand() *cobra.Command {
	var replace bool
	c := &cobra.Command{
		Use:   "import FILE",
		Short: a.loc.T("cmd.import.short"),
		Long:  a.loc.T("cmd.import.long"),
		Args:  a.exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			b, err := plan.Decode(data)
			if err != nil {
				return a.describe(err, "", args[0])
			}
			// The person must be able to open what is there before anything
			// replaces it.
			v, o, fresh, err := a.writable(false)
			if err != nil {
				return err
			}
			defer v.Unlock()
			if !fresh && (len(o.binder.Plans) > 0 || len(o.binder.Contacts) > 0) && !replace {
				return a.fail("error.vault-exists")
			}
			k := o.key
			if err := a.save(v, b, k); err != nil {
				return err
			}
			fmt.Fprintln(a.stderr, a.loc.T("msg.saved", "Dir", v.Dir))
			return nil
		},
	}
	c.Flags().BoolVar(&replace, "replace", false, a.loc.T("flag.replace"))
	return c
}

// readInput reads a file, or standard input for "-", refusing anything
// over the binder size limit before it is all in memory.
func (a *app) readInput(path string) ([]byte, error) {
	var r io.Reader = a.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, a.fail("error.input-file", "Path", path)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, plan.MaxBinder+1))
	if err != nil {
		return nil, a.fail("error.input-file", "Path", path)
	}
	if len(data) > plan.MaxBinder {
		return nil, a.describe(&plan.Error{Code: plan.CodeTooBig, Limit: plan.MaxBinder}, "", path)
	}
	return data, nil
}

func (a *app) exportCommand() *cobra.Command {
	var backup bool
	c := &cobra.Command{
		Use:   "export",
		Short: a.loc.T("cmd.export.short"),
		Long:  a.loc.T("cmd.export.long"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := a.vault()
			if err != nil {
				return err
			}
			which := ""
			if backup {
				which = "backup"
			}
			o, err := a.open(v, which, "prompt.passphrase")
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stderr, a.loc.T("msg.export-warning"))
			_, err = a.stdout.Write(o.plain)
			return err
		},
	}
	c.Flags().BoolVar(&backup, "backup", false, a.loc.T("flag.backup"))
	return c
}

func (a *app) showCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: a.loc.T("cmd.show.short"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, o, err := a.readable()
			if err != nil {
				return err
			}
			a.printSummary(a.stdout, o.binder)
			return nil
		},
	}
}

func (a *app) passphraseCommand() *cobra.Command {
	var newFile string
	c := &cobra.Command{
		Use:   "passphrase",
		Short: a.loc.T("cmd.passphrase.short"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, o, err := a.locked("prompt.old-passphrase")
			if err != nil {
				return err
			}
			defer v.Unlock()
			k, err := a.newPassphrase(newFile, "prompt.new-passphrase")
			if err != nil {
				return err
			}
			current, err := crypt.Seal(o.plain, k)
			if err != nil {
				return a.describe(err, v.Dir, "")
			}
			// The backup is sealed again with the new passphrase: a copy
			// left under the old one would still open with it. A backup the
			// old key cannot open is replaced by the current plans.
			backupPlain := o.plain
			if old, err := v.Read(true); err == nil {
				if p, err := crypt.Open(old, o.key); err == nil {
					backupPlain = p
				}
			}
			backup, err := crypt.Seal(backupPlain, k)
			if err != nil {
				return a.describe(err, v.Dir, "")
			}
			// The other files of the vault (the organisations' lists, the
			// sharing key) are sealed again first, their backups with them,
			// and the binder last: a change cut short (a full or pulled-out
			// USB stick) can be run again and finishes the job, since a file
			// already under the new passphrase is left as it is.
			for _, name := range []string{crypt.DirectoryName, IdentityName} {
				old, err := v.ReadFile(name)
				if err != nil {
					continue
				}
				if _, err := crypt.Open(old, k); err == nil {
					continue
				}
				p, err := crypt.Open(old, o.key)
				if err != nil {
					return a.describe(err, v.Dir, v.Path(name))
				}
				sealed, err := crypt.Seal(p, k)
				if err != nil {
					return a.describe(err, v.Dir, "")
				}
				if err := v.SaveFile(name, sealed, sealed); err != nil {
					return a.describe(err, v.Dir, "")
				}
			}
			if err := v.Save(current, backup); err != nil {
				return a.describe(err, v.Dir, "")
			}
			fmt.Fprintln(a.stderr, a.loc.T("msg.passphrase-changed"))
			return nil
		},
	}
	c.Flags().StringVar(&newFile, "new-passphrase-file", "", a.loc.T("flag.new-passphrase-file"))
	return c
}

// allVaults returns every folder pathway may have written on this
// computer: the default vault, and the ones named by PATHWAY_VAULT and
// --vault.
func (a *app) allVaults() []string {
	var dirs []string
	if base, err := os.UserConfigDir(); err == nil {
		dirs = append(dirs, filepath.Join(base, "pathway"))
	}
	for _, d := range []string{a.getenv("PATHWAY_VAULT"), a.vaultDir} {
		if d != "" && !slices.Contains(dirs, filepath.Clean(d)) {
			dirs = append(dirs, filepath.Clean(d))
		}
	}
	return dirs
}

// foldWord makes the same word typed on any keyboard compare equal: any
// case, with or without its accents ("sí", "si"; "có" composed or not).
func foldWord(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.TrimSpace(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func (a *app) wipeCommand() *cobra.Command {
	var yes, all bool
	c := &cobra.Command{
		Use:   "wipe",
		Short: a.loc.T("cmd.wipe.short"),
		Long:  a.loc.T("cmd.wipe.long"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var dirs []string
			if all {
				dirs = a.allVaults()
			} else {
				v, err := a.vault()
				if err != nil {
					return err
				}
				dirs = []string{v.Dir}
			}
			var existing []string
			for _, d := range dirs {
				if _, err := os.Stat(d); err == nil {
					existing = append(existing, d)
				}
			}
			if len(existing) == 0 {
				if all {
					fmt.Fprintln(a.stderr, a.loc.T("wipe.all-none"))
				} else {
					fmt.Fprintln(a.stderr, a.loc.T("msg.wipe-nothing"))
				}
				return nil
			}
			if !yes {
				answer, err := a.readLine(a.loc.T("prompt.wipe"))
				if err != nil {
					return a.fail("error.wipe-needs-yes")
				}
				answer = foldWord(answer)
				if answer != "yes" && answer != "y" && answer != foldWord(a.loc.T("word.yes")) {
					return &userError{msg: a.loc.T("msg.wipe-cancelled"), code: 1}
				}
			}
			fmt.Fprintln(a.stdout, a.loc.T("msg.wiped"))
			for _, d := range existing {
				v, err := crypt.At(d)
				if errors.Is(err, crypt.ErrUnsafe) {
					v = &crypt.Vault{Dir: d} // wiping is the point: the mode does not matter
				} else if err != nil {
					return a.describe(err, d, "")
				}
				if err := v.Lock(); err != nil {
					return a.describe(err, v.Dir, "")
				}
				removed, err := v.Wipe()
				for _, p := range removed {
					fmt.Fprintln(a.stdout, "  "+p)
				}
				if err != nil {
					return a.describe(err, v.Dir, "")
				}
			}
			fmt.Fprintln(a.stderr, a.loc.T("msg.wipe-ssd"))
			return nil
		},
	}
	c.Flags().BoolVar(&yes, "yes", false, a.loc.T("flag.yes"))
	c.Flags().BoolVar(&all, "all", false, a.loc.T("flag.all"))
	return c
}
