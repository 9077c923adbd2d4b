package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/pocket"
)

// PocketOptions are the choices of pathway pocket.
type PocketOptions struct {
	E           *env.Env
	Vault       *session.Options
	Sections    string // as for share; empty: pocket.DefaultSelection
	PassFile    string // the file's own passphrase, for scripts
	NoCallLinks bool
	Out         output.File
}

func newCmdPocket(f *Factory, runF func(*PocketOptions) error) *cobra.Command {
	o := &PocketOptions{E: f.E, Vault: f.Vault}
	T := f.E.T
	c := &cobra.Command{
		Use:   "pocket",
		Short: T("cmd.pocket.short"),
		Long:  T("cmd.pocket.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return pocketRun(o)
		},
	}
	c.Flags().StringVar(&o.Sections, "sections", "", T("flag.pocket-sections"))
	c.Flags().BoolVar(&o.NoCallLinks, "no-call-links", false, T("flag.no-call-links"))
	c.Flags().StringVar(&o.PassFile, "pocket-passphrase-file", "", T("flag.pocket-passphrase-file"))
	c.Flags().StringVarP(&o.Out.Path, "output", "o", pocket.FileName, T("flag.pocket-output"))
	c.Flags().BoolVar(&o.Out.Force, "force", false, T("flag.force"))
	return c
}

// pocketRun checks every choice before it opens anything, then writes the
// pocket file and shows its passphrase once.
func pocketRun(o *PocketOptions) error {
	e := o.E
	T := e.T
	if err := o.Out.Check(e); err != nil {
		return err
	}
	generated := o.PassFile == ""
	var pass string
	if generated {
		var err error
		if pass, err = flows.NewPocketPassphrase(); err != nil {
			return err
		}
	} else {
		var err error
		if pass, err = session.FirstLine(e, o.PassFile); err != nil {
			return err
		}
		if err := session.Policy(e)(pass); err != nil {
			return &env.Error{Msg: err.Error(), Code: env.ExitFailure}
		}
		// Never the vault's: the phone file is opened where the vault's
		// passphrase must not be typed.
		if o.Vault.PassphraseFile != "" {
			words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
			if vp, err := session.FirstLine(e, o.Vault.PassphraseFile); err == nil && words(vp) == words(pass) {
				return e.Fail("pocket.same-passphrase")
			}
		}
	}
	s, err := session.Open(e, o.Vault, session.TTY{E: e}, false)
	if err != nil {
		return err
	}
	b := s.Binder
	sel := pocket.DefaultSelection(b)
	if o.Sections != "" {
		var bad string
		if sel, bad = b.SelectSections(strings.Split(o.Sections, ",")); bad != "" {
			return e.Fail("error.share-section", "Section", bad, "Sections", show.Parts(b))
		}
	}
	page, sub, err := flows.BuildPocket(e, b, sel, pass, !o.NoCallLinks)
	if err != nil {
		return err
	}
	// What goes in, before it is written; on standard error, so that a
	// file written to standard output stays clean.
	fmt.Fprintln(e.Stderr, T("pocket.preview"))
	for _, l := range strings.Split(strings.TrimRight(show.SharedText(e, sub), "\n"), "\n") {
		fmt.Fprintln(e.Stderr, "  "+l)
	}
	if err := o.Out.Write(e, page); err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr)
	fmt.Fprintln(e.Stderr, T("pocket.written", "Path", o.Out.Path))
	if generated {
		fmt.Fprintln(e.Stderr)
		fmt.Fprintln(e.Stderr, flows.PocketPassphraseText(e, pass))
	}
	return nil
}
