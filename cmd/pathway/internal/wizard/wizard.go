// Package wizard walks a plan's pages, built from the question catalogue,
// one section at a time, saving after every page. What a page looks like
// is up to the ui: the walk, the answers and the saving are the same for
// the full screen and the plain prompts.
package wizard

import (
	"errors"
	"slices"

	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/plan"
)

// answersOf loads the editable answers of one section.
func answersOf(b *plan.Binder, p *plan.Plan, s plan.Section) []*ui.Answer {
	var out []*ui.Answer
	for _, q := range s.Questions {
		a := p.Answers[q.ID]
		v := &ui.Answer{Q: q, Text: a.Text, Choice: a.Choice,
			Checked: slices.Clone(a.Checked), Contacts: slices.Clone(a.Contacts)}
		if a.Yes != nil {
			v.Yes = "no"
			if *a.Yes {
				v.Yes = "yes"
			}
		}
		if q.Kind == plan.Learn {
			for _, c := range b.Contacts {
				if c.Learn && len(c.Phones) > 0 {
					v.Contacts = append(v.Contacts, c.ID)
				}
			}
		}
		out = append(out, v)
	}
	return out
}

// store hands the editable answers to the binder.
func store(b *plan.Binder, p *plan.Plan, vals []*ui.Answer) {
	for _, v := range vals {
		if v.Q.Kind == plan.Learn {
			b.SetLearn(v.Contacts)
			continue
		}
		a := plan.Answer{Text: v.Text, Choice: v.Choice, Checked: v.Checked, Contacts: v.Contacts}
		if v.Yes != "" {
			yes := v.Yes == "yes"
			a.Yes = &yes
		}
		b.SetAnswer(p, v.Q, a)
	}
}

// New starts a plan of kind k: what it is about, then its pages.
func New(s *session.Session, u ui.UI, k plan.Kind) error {
	e := s.E
	context, err := u.Line(e.T(plan.KindTitleKey(k)), e.T("wizard.context"), e.T("wizard.context-help"))
	if err != nil {
		return err
	}
	p := s.Binder.AddPlan(k, context, e.Today())
	p.Resume = plan.Sections(k)[0].ID
	if err := save(s, u); err != nil {
		return err
	}
	return Run(s, u, p)
}

// save seals the binder, saying so while it does.
func save(s *session.Session, u ui.UI) error {
	if s.Vault != nil {
		u.Busy(s.E.T("msg.saving"))
	}
	return s.Save()
}

// Run walks plan p from its resume point (or the first page) to the
// summary, saving after every page.
func Run(s *session.Session, u ui.UI, p *plan.Plan) error {
	e := s.E
	b := s.Binder
	sections := plan.Sections(p.Kind)
	i := slices.IndexFunc(sections, func(sec plan.Section) bool { return sec.ID == p.Resume })
	if i < 0 {
		i = 0
	}
	for {
		if i >= len(sections) {
			finish, err := u.Summary(e.T("wizard.summary-title"), show.PlanText(e, b, *p))
			if err != nil {
				return err
			}
			if !finish {
				i = len(sections) - 1
				continue
			}
			today := e.Today()
			p.Status, p.Resume, p.Reviewed, p.Updated = plan.Done, "", today, today
			if err := save(s, u); err != nil {
				return err
			}
			// What the plan has and lacks, shown once it is saved.
			report := show.Check(e, b, b.CheckUp(today), p.ID)
			return u.Show(e.T("check.title"), e.T(savedWord(s, "wizard.saved-done"))+"\n\n"+report)
		}
		sec := sections[i]
		vals := answersOf(b, p, sec)
		st, err := u.Page(ui.Page{Binder: b, Plan: p, Section: sec, Index: i, Total: len(sections), InMemory: s.Vault == nil}, vals)
		if errors.Is(err, ui.ErrTimedOut) {
			return lockPage(s, p, sec, vals, err)
		}
		if err != nil {
			return err
		}
		if err := addNewContacts(s, vals, u); err != nil {
			return err
		}
		store(b, p, vals)
		switch st {
		case ui.Back:
			i = max(0, i-1)
		default:
			i++
		}
		p.Updated = e.Today()
		if p.Status != plan.Done {
			p.Resume = ""
			if i < len(sections) {
				p.Resume = sections[i].ID
			}
		}
		if err := save(s, u); err != nil {
			return err
		}
		if st == ui.Stop {
			u.Notice(e.T(savedWord(s, "wizard.saved-draft")))
			return nil
		}
	}
}

// addNewContacts asks for the people chosen as "someone new" or "from the
// list of organisations" and puts them in place of the marker.
func addNewContacts(s *session.Session, vals []*ui.Answer, u ui.UI) error {
	e, b := s.E, s.Binder
	for _, v := range vals {
		if slices.Contains(v.Contacts, ui.FromDirectoryID) {
			v.Contacts = slices.DeleteFunc(v.Contacts, func(id string) bool { return id == ui.FromDirectoryID })
			c, err := pickListing(s, v.Q, u)
			if err != nil {
				return err
			}
			if c != nil {
				v.Contacts = append(v.Contacts, c.ID)
			}
		}
		if !slices.Contains(v.Contacts, ui.NewContactID) {
			continue
		}
		v.Contacts = slices.DeleteFunc(v.Contacts, func(id string) bool { return id == ui.NewContactID })
		c, ok, err := u.NewContact(v.Q.Role)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		v.Contacts = append(v.Contacts, b.AddContact(c, v.Q.Role, e.Today()).ID)
	}
	return nil
}

// pickListing lets the person pick an organisation, from the guide's list
// and those imported, for a role: the kinds of help that fit the role
// first, the rest after, narrowed by typed words or to 24-hour lines; and
// adds it to the binder as a contact.
func pickListing(s *session.Session, q plan.Question, u ui.UI) (*plan.Contact, error) {
	e, role := s.E, q.Role
	// The header names the question the organisation is for.
	p := &Picker{Header: e.T(q.TitleKey()), Title: e.T("wizard.pick-listing"), Lists: Lists(s, u), Fit: role.Categories()}
	x, ok, err := p.Pick(s, u)
	if err != nil || !ok {
		return nil, err
	}
	c, _ := AddListing(s, x, role)
	return c, nil
}

// savedWord is the message id that says a plan was saved: in outreach
// mode nothing is, and the words say it is kept in memory only.
func savedWord(s *session.Session, id string) string {
	if s.Vault == nil {
		return map[string]string{"wizard.saved-done": "access.kept-done", "wizard.saved-draft": "access.kept-draft"}[id]
	}
	return id
}

// lockPage keeps what was typed on the page that locked after idle time,
// as the help of --lock-after promises: the answers are stored and saved
// (encrypted), the plan resumes at that page, and err is returned. People
// still to be added are left out. Nothing is shown: the screen is
// cleared already.
func lockPage(s *session.Session, p *plan.Plan, sec plan.Section, vals []*ui.Answer, err error) error {
	for _, v := range vals {
		v.Contacts = slices.DeleteFunc(v.Contacts, func(id string) bool {
			return id == ui.NewContactID || id == ui.FromDirectoryID
		})
	}
	store(s.Binder, p, vals)
	p.Updated = s.E.Today()
	if p.Status != plan.Done {
		p.Resume = sec.ID
	}
	_ = s.Save() // the lock must happen even if the save cannot
	return err
}
