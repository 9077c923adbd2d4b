package cli

import (
	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
)

// ShowOptions are the choices of pathway show.
type ShowOptions struct {
	E     *env.Env
	Vault *session.Options
}

func newCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	o := &ShowOptions{E: f.E, Vault: f.Vault}
	return &cobra.Command{
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
}

func showRun(o *ShowOptions) error {
	s, err := session.Open(o.E, o.Vault, session.TTY{E: o.E}, false)
	if err != nil {
		return err
	}
	show.Summary(o.E, o.E.Stdout, s.Binder)
	return nil
}
