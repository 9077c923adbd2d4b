package flows

import (
	"errors"

	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/printout"
)

// PrintMenu saves one printout of the session's binder where the person
// says: a plan's checklist, or the cards. A path that cannot be written
// is said, and asked again.
func PrintMenu(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	b := s.Binder
	type choice struct {
		label string
		make  func(printout.Options) ([]byte, error)
	}
	var choices []choice
	for i := range b.Plans {
		p := &b.Plans[i]
		choices = append(choices, choice{show.PlanLabel(e, *p), func(o printout.Options) ([]byte, error) { return printout.Checklist(b, p, o) }})
	}
	if len(b.ToLearn()) > 0 {
		choices = append(choices, choice{T("cmd.print-cards.short"), func(o printout.Options) ([]byte, error) {
			return printout.Cards(b, printout.CardOptions{Options: o})
		}})
	}
	labels := []string{T("nav.none")}
	for _, c := range choices {
		labels = append(labels, c.label)
	}
	k, err := u.Menu("pathway", T("outreach.which-print"), labels)
	if err != nil || k == 0 {
		return err
	}
	pdf, err := choices[k-1].make(printout.Options{Loc: e.Loc})
	switch {
	case errors.Is(err, printout.ErrNothingToPrint):
		return e.Fail("error.print-no-numbers")
	case err != nil:
		return e.Fail("error.print", "Detail", err.Error())
	}
	for {
		path, err := u.Line("pathway", T("outreach.print-path"), "")
		if err != nil || path == "" {
			return err
		}
		f := output.File{Path: path}
		if err := f.Check(e); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		if err := f.Write(e, pdf); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		msg := T("outreach.saved-print", "Path", path)
		if w := show.Unprintable(e, b); w != "" {
			msg = w + "\n\n" + msg
		}
		u.Notice(msg)
		return nil
	}
}
