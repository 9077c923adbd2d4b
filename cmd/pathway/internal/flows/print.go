package flows

import (
	"errors"
	"path/filepath"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/plan"
	"pathway/printout"
)

// PrintMenu saves one printout of the session's binder: a plan's
// checklist, the cards (with or without labels, with or without a back
// side), or a sheet for a helper, on the paper size chosen, in a folder
// the person chooses that exists, under a name they can keep or change.
// A place that cannot be written is said, and asked again.
func PrintMenu(s *session.Session, u ui.UI) error {
	_, err := printMenu(s, u)
	return err
}

// printMenu is PrintMenu; it returns what it wrote, nil for nothing.
func printMenu(s *session.Session, u ui.UI) (*written, error) {
	e := s.E
	T := e.T
	b := s.Binder
	type choice struct {
		label string
		name  string // the file name offered
		make  func(printout.Options) ([]byte, error)
	}
	var choices []choice
	for i := range b.Plans {
		p := &b.Plans[i]
		choices = append(choices, choice{show.PlanLabel(e, *p), "checklist.pdf", func(o printout.Options) ([]byte, error) {
			return printout.Checklist(b, p, o)
		}})
	}
	if len(b.ToLearn()) > 0 {
		choices = append(choices, choice{T("cmd.print-cards.short"), "cards.pdf", func(o printout.Options) ([]byte, error) {
			co := printout.CardOptions{Options: o}
			k, err := u.Menu("pathway", T("access.cards-labels"), []string{T("access.labels-no"), T("access.labels-yes")})
			if err != nil {
				return nil, err
			}
			co.Labels = k == 1
			if k, err = u.Menu("pathway", T("access.cards-back"), []string{T("answer.no"), T("answer.yes")}); err != nil {
				return nil, err
			}
			co.Back = k == 1
			pdf, err := printout.Cards(b, co)
			if errors.Is(err, printout.ErrNothingToPrint) && co.Back {
				return nil, e.Fail("error.print-no-back")
			}
			return pdf, err
		}})
	}
	if len(b.Contacts) > 0 {
		choices = append(choices, choice{T("access.sheet"), "sheet.pdf", func(o printout.Options) ([]byte, error) {
			var labels []string
			for _, c := range b.Contacts {
				labels = append(labels, ui.ContactLabel(e, c))
			}
			k, err := u.Menu("pathway", T("access.sheet-who"), labels)
			if err != nil {
				return nil, err
			}
			c := &b.Contacts[k]
			var who printout.Details
			for _, f := range []struct {
				v   *string
				key string
			}{{&who.Name, "access.sheet-name"}, {&who.Born, "access.sheet-born"}, {&who.FileNumber, "access.sheet-file"}} {
				if *f.v, err = u.Line("pathway", T(f.key), T("access.skip")); err != nil {
					return nil, err
				}
				*f.v = plan.CleanLine(*f.v)
			}
			pdf, err := printout.Sheet(b, c, who, o)
			if errors.Is(err, printout.ErrNothingToPrint) {
				return nil, e.Fail("error.print-no-role", "Contact", c.Name)
			}
			return pdf, err
		}})
	}
	labels := []string{T("nav.none")}
	for _, c := range choices {
		labels = append(labels, c.label)
	}
	k, err := u.Menu("pathway", T("outreach.which-print"), labels)
	if err != nil || k == 0 {
		return nil, err
	}
	c := choices[k-1]
	papers := []printout.Paper{printout.Letter, printout.A4}
	pk, err := u.Menu("pathway", T("access.paper"), []string{T("access.paper-letter"), T("access.paper-a4")})
	if err != nil {
		return nil, err
	}
	pdf, err := c.make(printout.Options{Loc: e.Loc, Paper: papers[pk]})
	switch {
	case errors.Is(err, printout.ErrNothingToPrint):
		return nil, e.Fail("error.print-no-numbers")
	case err != nil && (ends(err) || errors.As(err, new(*env.Error))):
		return nil, err
	case err != nil:
		return nil, e.Fail("error.print", "Detail", err.Error())
	}
	dir, err := chooseFolder(e, u, T("access.folder-for-print"))
	if err != nil || dir == "" {
		return nil, err
	}
	for {
		def := output.FreeName(dir, c.name)
		typed, err := u.Line("pathway", T("access.file-name"), T("access.file-name-help", "Name", def, "Dir", dir))
		if err != nil {
			return nil, err
		}
		if typed == "" {
			typed = def
		}
		name, err := output.FileName(e, typed, ".pdf")
		if err != nil {
			u.Notice(e.Message(err))
			continue
		}
		f := output.File{Path: filepath.Join(dir, name)}
		if err := f.Check(e); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		if err := f.Write(e, pdf); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		msg := T("outreach.saved-print", "Path", f.Path)
		if w := show.Unprintable(e, b); w != "" {
			msg = w + "\n\n" + msg
		}
		u.Notice(msg)
		return &written{f.Path, T("access.written-print")}, nil
	}
}
