package flows

import (
	"strings"

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

// Share does what pathway share does, asking each choice in turn and
// showing exactly what will be shared before anything is written. A
// choice that cannot be used is said, and asked again; what was chosen
// before it is kept.
func Share(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	b := s.Binder
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
	picked, err := u.Pick(T("home.share"), T("share.ask-parts"), labels)
	if err != nil || len(picked) == 0 {
		return err
	}
	var chosen []string
	for _, k := range picked {
		chosen = append(chosen, parts[k])
	}
	sel, _ := b.SelectSections(chosen)

	var key *crypt.Key
	forName := T("share.someone")
	for key == nil {
		to, err := u.Line(T("home.share"), T("share.ask-to"), "")
		if err != nil {
			return err
		}
		if to == "" {
			key, err = session.NewPassphrase(e, u, "", T("home.share"), "prompt.share-passphrase")
			if err != nil {
				return err
			}
			break
		}
		if key, err = crypt.ParseRecipient(to); err != nil {
			u.Notice(T("error.recipient", "Recipient", Shorten(to)))
			continue
		}
		forName = Shorten(to)
	}
	var until plan.Date
	for {
		text, err := u.Line(T("home.share"), T("share.ask-until"), "")
		if err != nil {
			return err
		}
		d, err := plan.ParseDate(text)
		switch {
		case err != nil:
			u.Notice(T("error.plan.bad-date", "Value", text))
			continue
		case d.Before(e.Today()):
			u.Notice(T("error.share-until-past", "Until", d.String()))
			continue
		}
		until = d
		break
	}
	purpose, err := u.Line(T("home.share"), T("share.ask-purpose"), "")
	if err != nil {
		return err
	}
	f, ok, err := askPath(s, u)
	if err != nil || !ok {
		return err
	}
	sh := &plan.Share{Format: plan.Format, Kind: plan.ShareKind, For: forName, Purpose: purpose,
		Until: until, Made: e.Today(), Binder: b.Subset(sel)}
	var sb strings.Builder
	sb.WriteString(T("share.for", "For", sh.For) + "\n")
	if purpose != "" {
		sb.WriteString(T("share.purpose", "Purpose", purpose) + "\n")
	}
	sb.WriteString(T("share.until", "Until", until.String()) + "\n\n")
	sb.WriteString(show.SharedText(e, sh.Binder))
	if err := u.Show(T("share.preview"), sb.String()); err != nil {
		return err
	}
	k, err := u.Menu(T("home.share"), T("share.preview"), []string{T("share.confirm"), T("nav.none")})
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
			u.Notice(T("share.written", "Path", f.Path, "For", sh.For, "Until", until.String()))
			return nil
		}
		// The file could not be written (the stick was pulled out, the
		// disk is full): said, and another place asked; nothing chosen is
		// lost.
		u.Notice(e.Message(err))
		if f, ok, err = askPath(s, u); err != nil || !ok {
			return err
		}
	}
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
