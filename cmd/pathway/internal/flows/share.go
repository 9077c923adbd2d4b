package flows

import (
	"errors"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/crypt"
	"pathway/plan"
)

// Shorten cuts a long value (an age public key is some 60 to 2,000
// characters) for a message.
func Shorten(s string) string {
	if len(s) > 24 {
		return s[:20] + "…"
	}
	return s
}

// DateMessage words a day that could not be read (see plan.ReadDate): a
// mistake in how the date is written is named as such, with the form to
// use, never as a day that has passed.
func DateMessage(e *env.Env, err error) string {
	var de *plan.DateError
	if !errors.As(err, &de) {
		return e.T("shares.date-format", "Value", "")
	}
	switch de.Code {
	case "ambiguous":
		return e.T("shares.date-ambiguous", "Value", de.Value, "First", de.First.String(), "Second", de.Second.String())
	case "no-such-day":
		return e.T("shares.date-no-such-day", "Value", de.Value)
	}
	return e.T("shares.date-format", "Value", de.Value)
}

// Share does what pathway share does, asking each choice in turn and
// showing exactly what will be shared, and what the date can and cannot
// do, before anything is written. A choice that cannot be used is said,
// and asked again; what was chosen before it is kept. The share is
// recorded in the consent ledger.
func Share(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	b := s.Binder
	head := T("home.share")
	ledger, err := s.Ledger()
	if err != nil {
		return err
	}
	var parts, labels []string
	for _, p := range b.Plans {
		if p.Context != "" {
			// What the plan is about is a part like the others: it goes
			// only if chosen.
			parts = append(parts, p.ID+"/"+plan.AboutPart)
			labels = append(labels, show.PlanLabel(e, p)+": "+T("share.about"))
		}
		for _, sec := range plan.Sections(p.Kind) {
			parts = append(parts, p.ID+"/"+sec.ID)
			labels = append(labels, show.PlanLabel(e, p)+": "+T(sec.TitleKey()))
		}
	}
	picked, err := u.Pick(head, T("share.ask-parts"), labels)
	if err != nil || len(picked) == 0 {
		return err
	}
	var chosen []string
	for _, k := range picked {
		chosen = append(chosen, parts[k])
	}
	sel, _ := b.SelectSections(chosen)

	name, err := u.Line(head, T("shares.ask-name"), T("shares.ask-name-help"))
	if err != nil {
		return err
	}
	var key *crypt.Key
	how, check, recipient := "", "", ""
	for key == nil {
		k, err := u.Menu(head, T("shares.ask-how"), []string{T("shares.how-key"), T("shares.how-passphrase"), T("shares.how-explain")})
		if err != nil {
			return err
		}
		switch k {
		case 2:
			if err := u.Show(T("shares.keys-title"), T("shares.keys-explained")); err != nil {
				return err
			}
		case 1:
			if key, check, err = session.SharePassphrase(e, u, "", head, ledger); err != nil {
				return err
			}
			how = plan.HowPassphrase
			if name == "" {
				name = T("share.someone")
			}
		default:
			to, err := u.Line(head, T("shares.ask-key"), T("shares.ask-key-help"))
			if err != nil {
				return err
			}
			if to == "" {
				continue // back to how they will open it
			}
			if key, err = crypt.ParseRecipient(to); err != nil {
				u.Notice(T("error.recipient", "Recipient", Shorten(to)))
				continue
			}
			if c := ledger.WithdrawnTo(to); c != nil {
				u.Notice(T("shares.key-withdrawn", "For", c.For, "Date", c.Withdrawn.String()))
			}
			how, recipient = plan.HowKey, to
			if name == "" {
				name = Shorten(to)
			}
		}
	}
	var until plan.Date
	for {
		text, err := u.Line(head, T("share.ask-until"), T("shares.until-help"))
		if err != nil {
			return err
		}
		d, err := plan.ReadDate(text)
		switch {
		case err != nil:
			u.Notice(DateMessage(e, err))
			continue
		case d.Before(e.Today()):
			u.Notice(T("error.share-until-past", "Until", d.String()))
			continue
		}
		until = d
		break
	}
	purpose, err := u.Line(head, T("share.ask-purpose"), "")
	if err != nil {
		return err
	}
	f, ok, err := askPath(s, u)
	if err != nil || !ok {
		return err
	}
	sh := &plan.Share{Format: plan.Format, Kind: plan.ShareKind, For: name, Purpose: purpose,
		Until: until, Made: e.Today(), Binder: b.Subset(sel)}
	var sb strings.Builder
	sb.WriteString(T("share.for", "For", sh.For) + "\n")
	if purpose != "" {
		sb.WriteString(T("share.purpose", "Purpose", purpose) + "\n")
	}
	sb.WriteString(T("share.until", "Until", until.String()) + "\n\n")
	sb.WriteString(show.SharedText(e, sh.Binder))
	sb.WriteString("\n" + T("shares.truth", "Until", until.String()))
	if err := u.Show(T("share.preview"), sb.String()); err != nil {
		return err
	}
	k, err := u.Menu(head, T("shares.ask-write"), []string{T("shares.write", "Path", f.Path), T("shares.dont")})
	if err != nil || k != 0 {
		return err
	}
	data, err := plan.EncodeShare(sh)
	if err != nil {
		return e.Describe(err, "", "")
	}
	sealed, err := crypt.Seal(data, key)
	if err != nil {
		return e.Describe(err, "", "")
	}
	for {
		err := f.Write(e, sealed)
		if err == nil {
			break
		}
		// The file could not be written (the stick was pulled out, the
		// disk is full): said, and another place asked; nothing chosen is
		// lost.
		u.Notice(e.Message(err))
		if f, ok, err = askPath(s, u); err != nil || !ok {
			return err
		}
	}
	id, err := s.RecordShare(plan.Consent{Made: e.Today(), Parts: b.SelectionParts(sel), For: name, Purpose: purpose,
		Until: until, How: how, Recipient: recipient, Check: check, File: f.Path})
	if err != nil {
		return err
	}
	msg := T("share.written", "Path", f.Path, "For", sh.For, "Until", until.String())
	if id != "" {
		msg += "\n" + T("shares.recorded", "ID", id)
	}
	u.Notice(msg)
	return nil
}

// askPath asks where a file goes until the answer is a place that can be
// written; ok is false if the person gave none.
func askPath(s *session.Session, u ui.UI) (f output.File, ok bool, err error) {
	e := s.E
	for {
		path, err := u.Line(e.T("home.share"), e.T("share.ask-path"), "")
		if err != nil || path == "" {
			return output.File{}, false, err
		}
		f := output.File{Path: path}
		if err := f.Check(e); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		return f, true, nil
	}
}
