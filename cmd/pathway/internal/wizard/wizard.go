// Package wizard walks a plan's pages, built from the question catalogue,
// one section at a time, saving after every page. What a page looks like
// is up to the ui: the walk, the answers and the saving are the same for
// the full screen and the plain prompts.
package wizard

import (
	"slices"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/show"
	"pathway/cmd/pathway/internal/ui"
	"pathway/directory"
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
			return u.Show(e.T("check.title"), e.T("wizard.saved-done")+"\n\n"+report)
		}
		sec := sections[i]
		vals := answersOf(b, p, sec)
		st, err := u.Page(ui.Page{Binder: b, Plan: p, Section: sec, Index: i, Total: len(sections)}, vals)
		if err != nil {
			return err
		}
		if err := addNewContacts(e, b, vals, u); err != nil {
			return err
		}
		store(b, p, vals)
		if st != ui.Stop {
			for _, q := range sec.Questions {
				if q.Kind == plan.Silence {
					if err := ifSilent(e, b, p, q, u); err != nil {
						return err
					}
				}
			}
		}
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
			u.Notice(e.T("wizard.saved-draft"))
			return nil
		}
	}
}

// addNewContacts asks for the people chosen as "someone new" or "from the
// list of organisations" and puts them in place of the marker.
func addNewContacts(e *env.Env, b *plan.Binder, vals []*ui.Answer, u ui.UI) error {
	for _, v := range vals {
		if slices.Contains(v.Contacts, ui.FromDirectoryID) {
			v.Contacts = slices.DeleteFunc(v.Contacts, func(id string) bool { return id == ui.FromDirectoryID })
			c, err := pickListing(e, b, v.Q.Role, u)
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

// pickListing lets the person pick an organisation of the guide's list
// for a role, the kinds of help that fit the role first, and adds it to
// the binder as a contact.
func pickListing(e *env.Env, b *plan.Binder, role plan.Role, u ui.UI) (*plan.Contact, error) {
	var first, rest []directory.Listing
	for _, x := range directory.Guide().Listings {
		if slices.ContainsFunc(x.Categories, func(c string) bool { return slices.Contains(role.Categories(), c) }) {
			first = append(first, x)
		} else {
			rest = append(rest, x)
		}
	}
	listings := append(first, rest...)
	labels := []string{e.T("nav.none")}
	for _, x := range listings {
		label := x.Name
		if len(x.Phones) > 0 {
			label += " — " + x.Phones[0].Text
		}
		labels = append(labels, label)
	}
	k, err := u.Menu(e.T(plan.RoleKey(role)), e.T("wizard.pick-listing"), labels)
	if err != nil || k == 0 {
		return nil, err
	}
	c, added := b.AddOrFind(listings[k-1].Contact(), role, e.Today())
	if added {
		// A neutral name on the cards: see plan.Binder.NeutralCardName.
		c.CardName = b.NeutralCardName(e.T("word.card-line"))
	}
	return c, nil
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
