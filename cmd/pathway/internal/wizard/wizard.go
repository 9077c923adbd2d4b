// Package wizard walks a plan's pages, built from the question catalogue,
// one section at a time, saving after every page. What a page looks like
// is up to the ui: the walk, the answers and the saving are the same for
// the full screen and the plain prompts.
package wizard

import (
	"errors"
	"slices"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/plan"
)

// answersOf loads the editable answers of one section.
func answersOf(b *plan.Binder, p *plan.Plan, s plan.Section) []*ui.Answer {
	var out []*ui.Answer
	for _, q := range s.Questions {
		if q.Kind == plan.Silence {
			continue // asked helper by helper after the page: see ifSilent
		}
		a := p.Answers[q.ID]
		v := &ui.Answer{Q: q, Text: a.Text, Choice: a.Choice, NotApply: a.NotApply,
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
		a := plan.Answer{Text: v.Text, Choice: v.Choice, Checked: v.Checked, Contacts: v.Contacts, NotApply: v.NotApply}
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
// summary, saving after every page. A finished plan opens at a chooser
// of its parts instead: going through all of it again from part 1 is one
// of the choices, not the only way in.
func Run(s *session.Session, u ui.UI, p *plan.Plan) error {
	if p.Status == plan.Done {
		return chooseParts(s, u, p)
	}
	sections := plan.Sections(p.Kind)
	i := slices.IndexFunc(sections, func(sec plan.Section) bool { return sec.ID == p.Resume })
	return walk(s, u, p, max(i, 0))
}

// walk goes through the pages of p from page i to the summary, and
// finishes the plan there.
func walk(s *session.Session, u ui.UI, p *plan.Plan, i int) error {
	e := s.E
	b := s.Binder
	sections := plan.Sections(p.Kind)
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
			return u.Show(e.T("check.title"), e.T(savedWord(s, "progress.saved-done"))+"\n\n"+report)
		}
		st, err := page(s, u, p, i)
		if err != nil {
			return err
		}
		switch st {
		case ui.Back:
			i = max(0, i-1)
		default:
			i++
		}
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
			u.Notice(e.T(savedWord(s, "progress.saved-draft")))
			return nil
		}
	}
}

// page shows page i of p until the person leaves it, adding the people
// they ask for on the way (each added is offered at once, on this page
// too), and stores its answers. The binder is saved after each person
// added; the caller saves after the page.
func page(s *session.Session, u ui.UI, p *plan.Plan, i int) (ui.Step, error) {
	e := s.E
	b := s.Binder
	sections := plan.Sections(p.Kind)
	sec := sections[i]
	vals := answersOf(b, p, sec)
	focus, said := "", ""
	for {
		st, err := u.Page(ui.Page{Binder: b, Plan: p, Section: sec, Index: i, Total: len(sections), Focus: focus, Said: said, InMemory: s.Vault == nil}, vals)
		if errors.Is(err, ui.ErrTimedOut) {
			return st, lockPage(s, p, sec, vals, err)
		}
		if err != nil {
			return st, err
		}
		focus, said = "", ""
		var forQ *ui.Answer
		for _, v := range vals {
			if slices.Contains(v.Contacts, ui.NewContactID) || slices.Contains(v.Contacts, ui.FromDirectoryID) {
				focus, forQ = v.Q.ID, v
			}
		}
		before := []string(nil)
		if forQ != nil {
			before = slices.Clone(forQ.Contacts)
		}
		if err := addNewContacts(s, vals, u); err != nil {
			return st, err
		}
		if forQ != nil {
			for _, id := range forQ.Contacts {
				if c := b.Contact(id); c != nil && !slices.Contains(before, id) {
					said = e.T("progress.added", "Name", c.Name, "Question", e.T(forQ.Q.TitleKey()))
				}
			}
		}
		store(b, p, vals)
		p.Updated = e.Today()
		if st != ui.Add {
			if st != ui.Stop {
				// What each helper does if they do not hear from the
				// person: asked helper by helper, after the page.
				for _, q := range sec.Questions {
					if q.Kind == plan.Silence {
						if err := ifSilent(e, b, p, q, u); err != nil {
							return st, err
						}
					}
				}
			}
			return st, nil
		}
		if err := save(s, u); err != nil {
			return st, err
		}
	}
}

// chooseParts lets the person open one part of a finished plan, or go
// through it all again; every part's progress is shown beside its name.
// After a part, the chooser comes back; "Back" leaves it.
func chooseParts(s *session.Session, u ui.UI, p *plan.Plan) error {
	e := s.E
	b := s.Binder
	sections := plan.Sections(p.Kind)
	for {
		labels := []string{e.T("progress.all-parts")}
		for _, sec := range sections {
			labels = append(labels, e.T(sec.TitleKey())+" — "+show.TallyText(e, b.Tally(*p, sec.ID)))
		}
		labels = append(labels, e.T("progress.back"))
		title := e.T("progress.which-part")
		k, err := u.Menu(show.PlanName(e, *p), title, labels)
		if err != nil {
			return err
		}
		switch {
		case k == 0:
			return walk(s, u, p, 0)
		case k == len(labels)-1:
			return nil
		}
		st, err := page(s, u, p, k-1)
		if err != nil {
			return err
		}
		if err := save(s, u); err != nil {
			return err
		}
		if st == ui.Stop {
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
		got, err := addOrSame(e, b, c, v.Q.Role, u)
		if err != nil {
			return err
		}
		if !slices.Contains(v.Contacts, got.ID) {
			v.Contacts = append(v.Contacts, got.ID)
		}
		v.NotApply = false
	}
	return nil
}

// addOrSame adds c, unless it may be someone already in the plans (the
// same name, or the same number) and the person says it is: one person,
// one contact, on every card and in every plan. What the new entry says
// more (a number, a yes) is added to the one kept.
func addOrSame(e *env.Env, b *plan.Binder, c plan.Contact, role plan.Role, u ui.UI) (*plan.Contact, error) {
	today := e.Today()
	have := b.Match(c)
	if have == nil {
		return b.AddContact(c, role, today), nil
	}
	k, err := u.Menu(e.T("contact.new-title"), e.T("progress.same-person", "Name", have.Name),
		[]string{e.T("progress.same-yes"), e.T("progress.same-no")})
	if err != nil {
		return nil, err
	}
	if k != 0 {
		return b.AddContact(c, role, today), nil
	}
	b.TakeRole(have, role)
	for _, ph := range c.Phones {
		if !slices.ContainsFunc(have.Phones, func(x plan.Phone) bool { return x.Number == ph.Number && x.Ext == ph.Ext }) {
			have.Phones = append(have.Phones, ph)
		}
	}
	if c.Agreed && !have.Agreed {
		have.Agreed, have.Confirmed = true, today
	}
	have.Learn = have.Learn || (c.Learn && len(have.Phones) > 0)
	if have.CardName == "" {
		have.CardName = c.CardName
	}
	return have, nil
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
		return map[string]string{"progress.saved-done": "access.kept-done", "progress.saved-draft": "access.kept-draft"}[id]
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

// ifSilent asks, helper by helper, what each does if they do not hear
// from the person: after how long, what first, the exact words and to
// whom, and whether it is agreed with them. Once a phone is taken,
// these words can only come from the helper. Every step can be skipped;
// Enter keeps what is there, "-" clears it.
func ifSilent(e *env.Env, b *plan.Binder, p *plan.Plan, q plan.Question, u ui.UI) error {
	for {
		helpers := b.Helpers(p)
		if len(helpers) == 0 {
			return nil
		}
		labels := []string{e.T("wizard.silence-done")}
		for _, c := range helpers {
			label := c.Name
			switch {
			case c.IfSilent.Empty():
			case c.IfSilent.Agreed.IsZero():
				label += " — " + e.T("wizard.silence-written")
			default:
				label += " — " + e.T("wizard.silence-agreed-on", "Date", c.IfSilent.Agreed.String())
			}
			labels = append(labels, label)
		}
		k, err := u.Menu(e.T(q.TitleKey()), e.T(q.TitleKey())+"\n"+e.T(q.HelpKey()), labels)
		if err != nil || k <= 0 {
			return err
		}
		if err := ifSilentOf(e, b, helpers[k-1], u); err != nil {
			return err
		}
	}
}

// ifSilentOf asks what helper c does if they do not hear from the person.
func ifSilentOf(e *env.Env, b *plan.Binder, c *plan.Contact, u ui.UI) error {
	s, was := plan.IfSilent{}, plan.IfSilent{}
	if c.IfSilent != nil {
		s, was = *c.IfSilent, *c.IfSilent
		s.Tell = slices.Clone(s.Tell)
	}
	header := e.T("wizard.silence-header", "Name", c.Name)
	line := func(field *string, title string) error {
		help := e.T("wizard.silence-skip")
		if *field != "" {
			help = e.T("plain.now", "Answer", *field) + " " + e.T("plain.keep-or-clear")
		}
		got, err := u.Line(header, e.T(title, "Name", c.Name), help)
		switch {
		case err != nil:
			return err
		case got == "-":
			*field = ""
		case got != "":
			*field = got
		}
		return nil
	}
	if err := line(&s.After, "wizard.silence-after"); err != nil {
		return err
	}
	if err := line(&s.First, "wizard.silence-first"); err != nil {
		return err
	}
	if err := line(&s.Words, "wizard.silence-words"); err != nil {
		return err
	}
	// Whom they tell: any other contact, with their numbers on the sheet.
	var ids, labels []string
	for _, o := range b.Contacts {
		if o.ID != c.ID {
			ids = append(ids, o.ID)
			labels = append(labels, ui.ContactLabel(e, o))
		}
	}
	if len(ids) > 0 {
		title := e.T("wizard.silence-tell", "Name", c.Name)
		if len(s.Tell) > 0 {
			var names []string
			for _, id := range s.Tell {
				if o := b.Contact(id); o != nil {
					names = append(names, o.Name)
				}
			}
			title += "\n" + e.T("plain.now", "Answer", strings.Join(names, ", "))
		}
		picked, err := u.Pick(header, title, labels)
		if err != nil {
			return err
		}
		// Nothing picked keeps those named before: a form that comes back
		// empty must not forget them.
		if len(picked) > 0 {
			s.Tell = nil
			for _, i := range picked {
				s.Tell = append(s.Tell, ids[i])
			}
		}
	}
	if err := line(&s.Others, "wizard.silence-others"); err != nil {
		return err
	}
	k, err := u.Menu(header, e.T("wizard.silence-agreed", "Name", c.Name),
		[]string{e.T("wizard.silence-agreed-today"), e.T("contact.not-yet")})
	if err != nil {
		return err
	}
	switch {
	case k == 0:
		s.Agreed = e.Today()
	case !sameAgreement(s, was):
		s.Agreed = plan.Date{} // changed since: to go over with them again
	}
	if s.Empty() {
		c.IfSilent = nil
		return nil
	}
	c.IfSilent = &s
	return nil
}

// sameAgreement reports whether a and b say the same, whenever agreed.
func sameAgreement(a, b plan.IfSilent) bool {
	return a.After == b.After && a.First == b.First && a.Words == b.Words &&
		slices.Equal(a.Tell, b.Tell) && a.Others == b.Others
}
