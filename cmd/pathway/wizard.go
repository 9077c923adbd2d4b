package main

import (
	"errors"
	"slices"
	"strings"

	"pathway/crypt"
	"pathway/directory"
	"pathway/plan"
	"pathway/printout"
)

// The wizard walks through the catalogue one section (page) at a time. What
// it shows and how it reads answers is up to a ui: the full-screen forms or
// the plain numbered prompts of accessible mode. The walk, the answers and
// the autosave are the same for both.

// step is what the person chose at the end of a page.
type step int

const (
	stepNext step = iota // on to the next page
	stepBack             // back to the page before
	stepStop             // save and stop here; the plan stays a draft
)

// Errors that end a session at once.
var (
	// errQuickExit: the person pressed the quick-exit key. The screen is
	// cleared and nothing more is saved or printed.
	errQuickExit = errors.New("quick exit")
	// errTimedOut: no key was pressed for --lock-after. Like a quick exit,
	// after the draft is saved.
	errTimedOut = errors.New("timed out")
	// errInputEnded: standard input ended in accessible mode.
	errInputEnded = errors.New("input ended")
)

// ui is one way of asking the questions.
type ui interface {
	// page asks the questions of one section and fills in vals.
	page(pg pageInfo, vals []*answer) (step, error)
	// newContact asks for a new contact who will play role; ok is false if
	// the person gave up.
	newContact(role plan.Role) (c plan.Contact, ok bool, err error)
	// summary shows the plan before it is saved; true means finish.
	summary(b *plan.Binder, p *plan.Plan) (finish bool, err error)
	// notice tells the person something short ("Saved").
	notice(msg string)
}

// pageInfo is what a page shows besides its questions.
type pageInfo struct {
	binder  *plan.Binder
	plan    *plan.Plan
	section plan.Section
	index   int // 0-based
	total   int
}

// answer is the editable form of one question's answer.
type answer struct {
	q        plan.Question
	text     string   // the text, or the note of other kinds
	yes      string   // "yes", "no" or "" (not now)
	choice   string   // option id or ""
	checked  []string // option ids
	contacts []string // contact ids; newContactID asks for a new one
}

// newContactID stands in a contacts answer for "add someone new", and
// fromDirectoryID for "from the list of organisations".
const (
	newContactID    = "+new"
	fromDirectoryID = "+dir"
)

// roleCategories are the kinds of help offered first when an organisation
// is picked for a role.
var roleCategories = map[plan.Role][]string{
	plan.RoleLegalClinic: {"legal"}, plan.RoleLawyer: {"legal"}, plan.RoleImmigrationLaw: {"legal"},
	plan.RoleCriminalLaw: {"legal"}, plan.RoleFamilyLaw: {"legal"}, plan.RolePlaceToGo: {"shelter"},
	plan.RoleSupportWorker: {"sex-worker-led", "migrant", "community"}, plan.RoleSupporter: {"sex-worker-led", "migrant", "community"},
	plan.RoleAdvocate: {"sex-worker-led", "migrant", "community"}, plan.RoleEmergencyService: {"emergency"},
}

// answersOf loads the editable answers of one section.
func answersOf(b *plan.Binder, p *plan.Plan, s plan.Section) []*answer {
	var out []*answer
	for _, q := range s.Questions {
		a := p.Answers[q.ID]
		v := &answer{q: q, text: a.Text, choice: a.Choice,
			checked: slices.Clone(a.Checked), contacts: slices.Clone(a.Contacts)}
		if a.Yes != nil {
			v.yes = "no"
			if *a.Yes {
				v.yes = "yes"
			}
		}
		if q.Kind == plan.Learn {
			for _, c := range b.Contacts {
				if c.Learn && len(c.Phones) > 0 {
					v.contacts = append(v.contacts, c.ID)
				}
			}
		}
		out = append(out, v)
	}
	return out
}

// store writes the editable answers back into the plan and the binder:
// answers, the roles of the contacts picked, and the learn-by-heart marks.
func store(b *plan.Binder, p *plan.Plan, vals []*answer) {
	for _, v := range vals {
		q := v.q
		if q.Kind == plan.Learn {
			for i := range b.Contacts {
				c := &b.Contacts[i]
				c.Learn = len(c.Phones) > 0 && slices.Contains(v.contacts, c.ID)
			}
			continue
		}
		a := plan.Answer{Text: strings.TrimSpace(plan.Clean(v.text))}
		switch q.Kind {
		case plan.YesNo:
			if v.yes != "" {
				yes := v.yes == "yes"
				a.Yes = &yes
			}
		case plan.Choice:
			if q.HasOption(v.choice) {
				a.Choice = v.choice
			}
		case plan.Checklist:
			for _, o := range q.Options { // in the catalogue's order
				if slices.Contains(v.checked, o) {
					a.Checked = append(a.Checked, o)
				}
			}
		case plan.Contacts:
			old := p.Answers[q.ID].Contacts
			for _, id := range v.contacts {
				if c := b.Contact(id); c != nil && !slices.Contains(a.Contacts, id) {
					a.Contacts = append(a.Contacts, id)
					if !c.HasRole(q.Role) {
						c.Roles = append(c.Roles, q.Role)
					}
				}
			}
			defer dropUnusedRoles(b, q.Role, old)
		}
		if a.Empty() {
			delete(p.Answers, q.ID)
		} else {
			p.Answers[q.ID] = a
		}
	}
}

// dropUnusedRoles takes role away from the contacts in ids that no longer
// answer any question with that role, in any plan.
func dropUnusedRoles(b *plan.Binder, role plan.Role, ids []string) {
	for _, id := range ids {
		used := false
		for _, p := range b.Plans {
			for qid, a := range p.Answers {
				if q, ok := plan.Lookup(qid); ok && q.Role == role && slices.Contains(a.Contacts, id) {
					used = true
				}
			}
		}
		if c := b.Contact(id); c != nil && !used {
			c.Roles = slices.DeleteFunc(c.Roles, func(r plan.Role) bool { return r == role })
		}
	}
}

// session is an open vault, locked for the time of a wizard or menu.
type session struct {
	v   *crypt.Vault
	key *crypt.Key
	b   *plan.Binder
}

// unlock lets other processes write the vault again (none in outreach).
func (s *session) unlock() {
	if s.v != nil {
		s.v.Unlock()
	}
}

// autosave seals the binder into the vault. In outreach mode there is no
// vault: the binder stays in memory until the person saves it at the end.
func (a *app) autosave(s *session) error {
	s.b.Clean()
	if s.v == nil {
		_, err := plan.Encode(s.b) // the same checks, nothing written
		return err
	}
	return a.save(s.v, s.b, s.key)
}

// wizard walks plan p from its resume point (or the first page) to the
// summary, saving after every page.
func (a *app) wizard(s *session, p *plan.Plan, u ui) error {
	sections := plan.Sections(p.Kind)
	i := slices.IndexFunc(sections, func(sec plan.Section) bool { return sec.ID == p.Resume })
	if i < 0 {
		i = 0
	}
	for {
		if i >= len(sections) {
			finish, err := u.summary(s.b, p)
			if err != nil {
				return err
			}
			if !finish {
				i = len(sections) - 1
				continue
			}
			today := plan.DateOf(a.now())
			p.Status, p.Resume, p.Reviewed, p.Updated = plan.Done, "", today, today
			if err := a.autosave(s); err != nil {
				return err
			}
			// What the plan has and lacks, shown once it is saved.
			report := a.checkText(s.b, s.b.CheckUp(today), p.ID)
			if m, ok := u.(asker); ok {
				if err := m.show(a.loc.T("check.title"), a.loc.T("wizard.saved-done")+"\n\n"+report); err != nil {
					return err
				}
			}
			u.notice(a.loc.T("wizard.saved-done"))
			return nil
		}
		sec := sections[i]
		vals := answersOf(s.b, p, sec)
		st, err := u.page(pageInfo{binder: s.b, plan: p, section: sec, index: i, total: len(sections)}, vals)
		if err != nil {
			return err
		}
		if err := a.addNewContacts(s.b, vals, u); err != nil {
			return err
		}
		store(s.b, p, vals)
		switch st {
		case stepBack:
			i = max(0, i-1)
		default:
			i++
		}
		p.Updated = plan.DateOf(a.now())
		if p.Status != plan.Done {
			p.Resume = ""
			if i < len(sections) {
				p.Resume = sections[i].ID
			}
		}
		if err := a.autosave(s); err != nil {
			return err
		}
		if st == stepStop {
			u.notice(a.loc.T("wizard.saved-draft"))
			return nil
		}
	}
}

// addNewContacts asks for the people chosen as "someone new" and puts
// them in place of the marker.
func (a *app) addNewContacts(b *plan.Binder, vals []*answer, u ui) error {
	for _, v := range vals {
		if slices.Contains(v.contacts, fromDirectoryID) {
			v.contacts = slices.DeleteFunc(v.contacts, func(id string) bool { return id == fromDirectoryID })
			c, err := a.pickListing(b, v.q.Role, u)
			if err != nil {
				return err
			}
			if c != nil {
				v.contacts = append(v.contacts, c.ID)
			}
		}
		if !slices.Contains(v.contacts, newContactID) {
			continue
		}
		v.contacts = slices.DeleteFunc(v.contacts, func(id string) bool { return id == newContactID })
		c, ok, err := u.newContact(v.q.Role)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		c.ID = b.NewContactID()
		if v.q.Role != "" {
			c.Roles = []plan.Role{v.q.Role}
		}
		if c.Agreed {
			c.Confirmed = plan.DateOf(a.now())
		}
		b.Contacts = append(b.Contacts, c)
		v.contacts = append(v.contacts, c.ID)
	}
	return nil
}

// pickListing lets the person pick an organisation of the guide's list
// for a role, the kinds of help that fit the role first, and adds it to
// the binder as a contact.
func (a *app) pickListing(b *plan.Binder, role plan.Role, u ui) (*plan.Contact, error) {
	m, ok := u.(asker)
	if !ok {
		return nil, nil
	}
	all := directory.Guide().Listings
	var first, rest []directory.Listing
	for _, x := range all {
		if slices.ContainsFunc(x.Categories, func(c string) bool { return slices.Contains(roleCategories[role], c) }) {
			first = append(first, x)
		} else {
			rest = append(rest, x)
		}
	}
	listings := append(first, rest...)
	labels := []string{a.loc.T("nav.none")}
	for _, x := range listings {
		label := x.Name
		if len(x.Phones) > 0 {
			label += " — " + x.Phones[0].Text
		}
		labels = append(labels, label)
	}
	k, err := m.menu(a.loc.T(plan.RoleKey(role)), a.loc.T("wizard.pick-listing"), labels)
	if err != nil || k == 0 {
		return nil, err
	}
	c, _ := addListing(b, listings[k-1], role)
	return c, nil
}

// newPlan adds a new draft plan of kind k to the binder.
func (a *app) newPlan(b *plan.Binder, k plan.Kind, context string) *plan.Plan {
	today := plan.DateOf(a.now())
	b.Plans = append(b.Plans, plan.Plan{
		ID: b.NewPlanID(k), Kind: k, Context: plan.CleanLine(context), Status: plan.Draft,
		Created: today, Updated: today, Answers: map[string]plan.Answer{},
	})
	return &b.Plans[len(b.Plans)-1]
}

// contactLabel is how a contact appears in a list to pick from.
func (a *app) contactLabel(c plan.Contact) string {
	if len(c.Phones) == 0 {
		return c.Name
	}
	return c.Name + " — " + printout.PhoneText(a.loc, c.Phones[0])
}

// checkAnswerText is the inline check of a text answer.
func (a *app) checkAnswerText(s string) error {
	if len(s) > plan.MaxText {
		return errors.New(a.loc.T("wizard.too-long", "Limit", plan.MaxText, "Length", len(s)))
	}
	return nil
}

// checkPhone is the inline check of a phone number; empty is allowed.
func (a *app) checkPhone(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if _, err := plan.ParsePhone(s); err != nil {
		var pe *plan.PhoneError
		code := "letters"
		if errors.As(err, &pe) {
			code = pe.Code
		}
		return errors.New(a.loc.T("phone." + code))
	}
	return nil
}
