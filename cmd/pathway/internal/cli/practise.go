package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
)

// PractiseOptions are the choices of pathway practise.
type PractiseOptions struct {
	E        *env.Env
	Vault    *session.Options
	Settings flows.Settings
	Hint     bool
}

func newCmdPractise(f *Factory, runF func(*PractiseOptions) error) *cobra.Command {
	o := &PractiseOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "practise",
		Short: f.E.T("cmd.practise.short"),
		Long:  f.E.T("cmd.practise.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return practiseRun(o)
		},
	}
	interactiveFlags(f.E, c, &o.Settings)
	c.Flags().BoolVar(&o.Hint, "hint", false, f.E.T("flag.hint"))
	return c
}

func practiseRun(o *PractiseOptions) error {
	o.Settings.NeedsPlans = true
	return flows.Interactive(o.E, o.Vault, o.Settings, func(s *session.Session, u ui.UI) error {
		return flows.Practise(s, u, o.Hint)
	})
}

// CheckOptions are the choices of pathway check.
type CheckOptions struct {
	E        *env.Env
	Vault    *session.Options
	Settings flows.Settings
	JSON     bool
}

func newCmdCheck(f *Factory, runF func(*CheckOptions) error) *cobra.Command {
	o := &CheckOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "check",
		Short: f.E.T("cmd.check.short"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return checkRun(o)
		},
	}
	c.Flags().BoolVar(&o.JSON, "json", false, f.E.T("flag.json"))
	interactiveFlags(f.E, c, &o.Settings)
	return c
}

func checkRun(o *CheckOptions) error {
	e := o.E
	s, err := session.Open(e, o.Vault, session.TTY{E: e}, false)
	if err != nil {
		return err
	}
	r := s.CheckUp()
	if o.JSON {
		return show.CheckJSON(e, e.Stdout, s.Binder, r)
	}
	text := show.Check(e, s.Binder, r, "")
	if o.Settings.LockAfter > 0 && flows.FullScreen(e, o.Settings) {
		return flows.Page(e, o.Settings, e.T("check.title"), text)
	}
	fmt.Fprintln(e.Stdout, e.T("check.title"))
	fmt.Fprintln(e.Stdout)
	fmt.Fprintln(e.Stdout, text)
	return nil
}
