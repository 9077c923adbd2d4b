package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/plan"
)

// readInput reads a file, or standard input for "-", refusing anything
// over the binder size limit before it is all in memory.
func readInput(e *env.Env, path string) ([]byte, error) {
	var r io.Reader = e.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, e.Fail("error.input-file", "Path", path)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, plan.MaxBinder+1))
	if err != nil {
		return nil, e.Fail("error.input-file", "Path", path)
	}
	if len(data) > plan.MaxBinder {
		return nil, e.Describe(&plan.Error{Code: plan.CodeTooBig, Limit: plan.MaxBinder}, "", path)
	}
	return data, nil
}

// ImportOptions are the choices of pathway import.
type ImportOptions struct {
	E       *env.Env
	Vault   *session.Options
	File    string
	Replace bool
}

func newCmdImport(f *Factory, runF func(*ImportOptions) error) *cobra.Command {
	o := &ImportOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "import FILE",
		Short: f.E.T("cmd.import.short"),
		Long:  f.E.T("cmd.import.long"),
		Args:  exactArgs(f.E, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			if runF != nil {
				return runF(o)
			}
			return importRun(o)
		},
	}
	c.Flags().BoolVar(&o.Replace, "replace", false, f.E.T("flag.replace"))
	return c
}

func importRun(o *ImportOptions) error {
	e := o.E
	data, err := readInput(e, o.File)
	if err != nil {
		return err
	}
	b, err := plan.Decode(data)
	if err != nil {
		return e.Describe(err, "", o.File)
	}
	// The person must be able to open what is there before anything
	// replaces it. With --replace, plans can be put back into a vault
	// whose plans file is missing (from its backup, say).
	o.Vault.Restore = o.Replace
	s, err := session.Write(e, o.Vault, session.TTY{E: e}, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if !s.Fresh && (len(s.Binder.Plans) > 0 || len(s.Binder.Contacts) > 0) && !o.Replace {
		return e.Fail("error.vault-exists")
	}
	if err := s.SaveBinder(b); err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, e.T("msg.saved", "Dir", s.Vault.Dir))
	return nil
}

// ExportOptions are the choices of pathway export.
type ExportOptions struct {
	E      *env.Env
	Vault  *session.Options
	Backup bool
}

func newCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	o := &ExportOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "export",
		Short: f.E.T("cmd.export.short"),
		Long:  f.E.T("cmd.export.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return exportRun(o)
		},
	}
	c.Flags().BoolVar(&o.Backup, "backup", false, f.E.T("flag.backup"))
	return c
}

func exportRun(o *ExportOptions) error {
	e := o.E
	s, err := session.Open(e, o.Vault, session.TTY{E: e}, o.Backup)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, e.T("msg.export-warning"))
	if _, err := e.Stdout.Write(s.Plain); err != nil {
		return e.Fail("error.stdout", "Detail", err.Error())
	}
	return nil
}

// PassphraseOptions are the choices of pathway passphrase.
type PassphraseOptions struct {
	E       *env.Env
	Vault   *session.Options
	NewFile string // --new-passphrase-file
}

func newCmdPassphrase(f *Factory, runF func(*PassphraseOptions) error) *cobra.Command {
	o := &PassphraseOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "passphrase",
		Short: f.E.T("cmd.passphrase.short"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return passphraseRun(o)
		},
	}
	c.Flags().StringVar(&o.NewFile, "new-passphrase-file", "", f.E.T("flag.new-passphrase-file"))
	return c
}

func passphraseRun(o *PassphraseOptions) error {
	e := o.E
	tty := session.TTY{E: e}
	s, err := session.Lock(e, o.Vault, tty, "prompt.old-passphrase")
	if err != nil {
		return err
	}
	defer s.Close()
	k, err := session.NewPassphrase(e, tty, o.NewFile, "pathway", "prompt.new-passphrase")
	if err != nil {
		return err
	}
	if err := s.ChangeKey(k); err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, e.T("msg.passphrase-changed"))
	return nil
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

// WipeOptions are the choices of pathway wipe.
type WipeOptions struct {
	E     *env.Env
	Vault *session.Options
	Yes   bool // do not ask
	All   bool // every vault pathway may have made here
}

func newCmdWipe(f *Factory, runF func(*WipeOptions) error) *cobra.Command {
	o := &WipeOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "wipe",
		Short: f.E.T("cmd.wipe.short"),
		Long:  f.E.T("cmd.wipe.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return wipeRun(o)
		},
	}
	c.Flags().BoolVar(&o.Yes, "yes", false, f.E.T("flag.yes"))
	c.Flags().BoolVar(&o.All, "all", false, f.E.T("flag.all"))
	return c
}

func wipeRun(o *WipeOptions) error {
	e := o.E
	var dirs []string
	if o.All {
		dirs = session.AllDirs(e, o.Vault)
	} else {
		v, err := session.Find(e, o.Vault)
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
		if o.All {
			fmt.Fprintln(e.Stderr, e.T("wipe.all-none"))
		} else {
			fmt.Fprintln(e.Stderr, e.T("msg.wipe-nothing"))
		}
		return nil
	}
	if !o.Yes {
		answer, err := session.TTY{E: e}.ReadLine(e.T("prompt.wipe"))
		if err != nil {
			return e.Fail("error.wipe-needs-yes")
		}
		answer = foldWord(answer)
		if answer != "yes" && answer != "y" && answer != foldWord(e.T("word.yes")) {
			return e.Fail("msg.wipe-cancelled")
		}
	}
	fmt.Fprintln(e.Stdout, e.T("msg.wiped"))
	for _, d := range existing {
		removed, err := session.WipeDir(e, d)
		for _, p := range removed {
			fmt.Fprintln(e.Stdout, "  "+p)
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintln(e.Stderr, e.T("msg.wipe-ssd"))
	return nil
}
