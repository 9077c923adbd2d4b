package main

import (
	"errors"
	"fmt"
	"io"
	"os"
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
			v, err := a.vault()
			if err != nil {
				return err
			}
			if err := v.Lock(); err != nil {
				return a.describe(err, v.Dir, "")
			}
			defer v.Unlock()
			var k *crypt.Key
			if v.Exists() {
				// The person must be able to open what is there before
				// anything replaces it.
				o, err := a.open(v, "", "prompt.passphrase")
				if err != nil {
					return err
				}
				if (len(o.binder.Plans) > 0 || len(o.binder.Contacts) > 0) && !replace {
					return a.fail("error.vault-exists")
				}
				k = o.key
			} else if k, err = a.newKey(); err != nil {
				return err
			}
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
			v, err := a.vault()
			if err != nil {
				return err
			}
			o, err := a.open(v, "", "prompt.passphrase")
			if err != nil {
				return err
			}
			a.useSavedLanguage(o.binder)
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
			v, err := a.vault()
			if err != nil {
				return err
			}
			if err := v.Lock(); err != nil {
				return a.describe(err, v.Dir, "")
			}
			defer v.Unlock()
			o, err := a.open(v, "", "prompt.old-passphrase")
			if err != nil {
				return err
			}
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
	var yes bool
	c := &cobra.Command{
		Use:   "wipe",
		Short: a.loc.T("cmd.wipe.short"),
		Long:  a.loc.T("cmd.wipe.long"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := a.vault()
			if err != nil {
				return err
			}
			if _, err := os.Stat(v.Dir); errors.Is(err, os.ErrNotExist) {
				fmt.Fprintln(a.stderr, a.loc.T("msg.wipe-nothing"))
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
			if err := v.Lock(); err != nil {
				return a.describe(err, v.Dir, "")
			}
			removed, err := v.Wipe()
			if err != nil {
				return a.describe(err, v.Dir, "")
			}
			fmt.Fprintln(a.stdout, a.loc.T("msg.wiped"))
			for _, p := range removed {
				fmt.Fprintln(a.stdout, "  "+p)
			}
			fmt.Fprintln(a.stderr, a.loc.T("msg.wipe-ssd"))
			return nil
		},
	}
	c.Flags().BoolVar(&yes, "yes", false, a.loc.T("flag.yes"))
	return c
}
