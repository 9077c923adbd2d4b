package flows

import (
	"fmt"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/plan"
)

// PartsText names the parts a consent holds in the person's language:
// "Release plan: Bond" for "release-1/bond". A part whose plan is gone is
// named as it was recorded.
func PartsText(e *env.Env, b *plan.Binder, parts []string) string {
	if len(parts) == 0 {
		return e.T("shares.everything")
	}
	var names []string
	for _, part := range parts {
		id, section, _ := strings.Cut(part, "/")
		p := b.Plan(id)
		if p == nil {
			names = append(names, part)
			continue
		}
		name := e.T(plan.KindTitleKey(p.Kind)) + ": "
		switch section {
		case plan.AboutPart:
			name += e.T("share.about")
		default:
			found := false
			for _, s := range plan.Sections(p.Kind) {
				if s.ID == section {
					name += e.T(s.TitleKey())
					found = true
				}
			}
			if !found {
				name = part
			}
		}
		names = append(names, name)
	}
	return strings.Join(names, "; ")
}

// SharesText lists every consent of the ledger, newest first: what, to
// whom, why, until when, how, and where it stands on day today (standing,
// its day passed, taken back).
func SharesText(e *env.Env, b *plan.Binder, l *plan.Ledger) string {
	T := e.T
	if len(l.Consents) == 0 {
		return T("shares.none")
	}
	today := e.Today()
	var sb strings.Builder
	sb.WriteString(T("shares.intro") + "\n")
	for i := len(l.Consents) - 1; i >= 0; i-- {
		c := l.Consents[i]
		sb.WriteString("\n")
		fmt.Fprintln(&sb, T("shares.entry", "ID", c.ID, "For", c.For, "Made", c.Made.String()))
		fmt.Fprintln(&sb, "   "+T("shares.what", "What", PartsText(e, b, c.Parts)))
		if c.Purpose != "" {
			fmt.Fprintln(&sb, "   "+T("share.purpose", "Purpose", c.Purpose))
		}
		switch c.How {
		case plan.HowKey:
			fmt.Fprintln(&sb, "   "+T("shares.how-was-key", "Key", Shorten(c.Recipient)))
		case plan.HowPassphrase:
			fmt.Fprintln(&sb, "   "+T("shares.how-was-passphrase"))
		case plan.HowBackup:
			fmt.Fprintln(&sb, "   "+T("shares.how-was-backup", "Key", Shorten(c.Recipient)))
		default:
			fmt.Fprintln(&sb, "   "+T("shares.how-was-other", "How", c.How))
		}
		if c.File != "" {
			fmt.Fprintln(&sb, "   "+T("shares.file", "Path", c.File))
		}
		switch {
		case !c.Withdrawn.IsZero():
			fmt.Fprintln(&sb, "   "+T("shares.state-withdrawn", "Until", c.Until.String(), "Date", c.Withdrawn.String()))
		case c.Passed(today):
			fmt.Fprintln(&sb, "   "+T("shares.state-passed", "Until", c.Until.String()))
		default:
			fmt.Fprintln(&sb, "   "+T("shares.state-standing", "Until", c.Until.String()))
		}
	}
	return strings.TrimRight(sb.String(), "\n")
}

// WithdrawnText is what the person reads once they took consent c back:
// that it is recorded, that pathway cannot take back a copy, the words to
// send the other person, and what pathway does about the key or
// passphrase from now on.
func WithdrawnText(e *env.Env, b *plan.Binder, c *plan.Consent) string {
	T := e.T
	lines := []string{
		T("shares.withdrawn-done", "ID", c.ID, "Date", c.Withdrawn.String()),
		"",
		"    " + T("shares.please-delete", "For", c.For, "Made", c.Made.String(), "What", PartsText(e, b, c.Parts)),
		"",
	}
	switch c.How {
	case plan.HowPassphrase:
		lines = append(lines, T("shares.withdrawn-passphrase"))
	case plan.HowKey:
		lines = append(lines, T("shares.withdrawn-key"))
	}
	return strings.Join(lines, "\n")
}

// Shares is the home menu's page of shares: the list, and "I changed my
// mind" for each consent that stands.
func Shares(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	for {
		l, err := s.Ledger()
		if err != nil {
			return err
		}
		if err := u.Show(T("shares.title"), SharesText(e, s.Binder, l)); err != nil {
			return err
		}
		var open []*plan.Consent
		labels := []string{}
		for i := len(l.Consents) - 1; i >= 0; i-- {
			c := &l.Consents[i]
			if c.Withdrawn.IsZero() {
				open = append(open, c)
				labels = append(labels, T("shares.changed-mind", "ID", c.ID, "For", c.For, "Until", c.Until.String()))
			}
		}
		if len(open) == 0 {
			return nil
		}
		labels = append(labels, T("shares.back"))
		k, err := u.Menu(T("shares.title"), T("shares.ask-withdraw"), labels)
		if err != nil || k == len(open) {
			return err
		}
		if s.Vault != nil {
			u.Busy(T("msg.saving"))
		}
		c, err := s.Withdraw(open[k].ID)
		if err != nil {
			return err
		}
		if err := u.Show(T("shares.title"), WithdrawnText(e, s.Binder, c)); err != nil {
			return err
		}
	}
}
