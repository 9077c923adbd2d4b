package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/session"
)

// SharesOptions are the choices of pathway shares.
type SharesOptions struct {
	E        *env.Env
	Vault    *session.Options
	Withdraw string // the number of a consent the person takes back
}

func newCmdShares(f *Factory, runF func(*SharesOptions) error) *cobra.Command {
	o := &SharesOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "shares",
		Short: f.E.T("shares.cmd-short"),
		Long:  f.E.T("shares.cmd-long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return sharesRun(o)
		},
	}
	c.Flags().StringVar(&o.Withdraw, "withdraw", "", f.E.T("shares.flag-withdraw"))
	return c
}

// sharesRun lists the consent ledger, or records that the person took one
// consent back and prints the words to send.
func sharesRun(o *SharesOptions) error {
	e := o.E
	if o.Withdraw == "" {
		s, err := session.Open(e, o.Vault, session.TTY{E: e}, false)
		if err != nil {
			return err
		}
		l, err := s.Ledger()
		if err != nil {
			return err
		}
		fmt.Fprintln(e.Stdout, flows.SharesText(e, s.Binder, l))
		return nil
	}
	s, err := session.Lock(e, o.Vault, session.TTY{E: e}, "prompt.passphrase")
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.Withdraw(o.Withdraw)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, flows.WithdrawnText(e, s.Binder, c))
	return nil
}
