package cli

import (
	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
)

// ShowOptions are the choices of pathway show.
type ShowOptions struct {
	E        *env.Env
	Vault    *session.Options
	Settings flows.Settings
}

func newCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	o := &ShowOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "show",
		Short: f.E.T("cmd.show.short"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return showRun(o)
		},
	}
	interactiveFlags(f.E, c, &o.Settings)
	return c
}

func showRun(o *ShowOptions) error {
	s, err := session.Open(o.E, o.Vault, session.TTY{E: o.E}, false)
	if err != nil {
		return err
	}
	if o.Settings.LockAfter > 0 && flows.FullScreen(o.E, o.Settings) {
		// On a screen that closes after the time without a key.
		return flows.Page(o.E, o.Settings, o.E.T("cmd.show.short"), show.SummaryText(o.E, s.Binder))
	}
	show.Summary(o.E, o.E.Stdout, s.Binder)
	return nil
}
