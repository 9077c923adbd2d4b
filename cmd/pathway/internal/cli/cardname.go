package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/plan"
)

// CardNameOptions are the choices of pathway card-name.
type CardNameOptions struct {
	E       *env.Env
	Vault   *session.Options
	Contact string // an id or a name
	Name    string // the name on the card; empty goes back to the name
}

func newCmdCardName(f *Factory, runF func(*CardNameOptions) error) *cobra.Command {
	o := &CardNameOptions{E: f.E, Vault: f.Vault}
	return &cobra.Command{
		Use:   "card-name CONTACT NAME",
		Short: f.E.T("cmd.card-name.short"),
		Long:  f.E.T("cmd.card-name.long"),
		Args:  exactArgs(f.E, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Contact, o.Name = args[0], args[1]
			if runF != nil {
				return runF(o)
			}
			return cardNameRun(o)
		},
	}
}

func cardNameRun(o *CardNameOptions) error {
	e := o.E
	// Checked before the vault is opened: a refused name changes nothing.
	if r, pos, ok := plan.NameChar(o.Name); !ok {
		return e.Fail("error.plan.name-char", "Value", fmt.Sprintf("U+%04X", r), "Limit", pos)
	}
	name := norm.NFC.String(plan.CleanLine(o.Name))
	if len(name) > plan.MaxCardName {
		return e.Fail("error.plan.too-long", "Limit", plan.MaxCardName)
	}
	s, err := session.Lock(e, o.Vault, session.TTY{E: e}, "prompt.passphrase")
	if err != nil {
		return err
	}
	defer s.Close()
	b := s.Binder
	idx := slices.IndexFunc(b.Contacts, func(c plan.Contact) bool {
		return c.ID == o.Contact || strings.EqualFold(c.Name, o.Contact)
	})
	if idx < 0 {
		return e.Fail("error.no-contact", "Contact", o.Contact)
	}
	c := &b.Contacts[idx]
	c.CardName = name
	if name == c.Name {
		c.CardName = ""
	}
	who, onCard := c.Name, c.CardName
	if err := s.Save(); err != nil {
		return err
	}
	if onCard == "" {
		fmt.Fprintln(e.Stderr, e.T("msg.card-name-cleared", "Name", who))
	} else {
		fmt.Fprintln(e.Stderr, e.T("msg.card-name-set", "Name", who, "CardName", onCard))
	}
	return nil
}
