package plan

import (
	"slices"
	"strings"
)

// The changes a wizard makes to a binder, in one place: the screens only
// collect answers and hand them here.

// AddPlan adds a new draft plan of kind k, about context, made on day
// today, and returns it.
func (b *Binder) AddPlan(k Kind, context string, today Date) *Plan {
	b.Plans = append(b.Plans, Plan{
		ID: b.NewPlanID(k), Kind: k, Context: CleanLine(context), Status: Draft,
		Created: today, Updated: today, Answers: map[string]Answer{},
	})
	return &b.Plans[len(b.Plans)-1]
}

// SetAnswer stores a as the answer to question q of plan p, cleaned, in
// the catalogue's terms: an option that q does not have is dropped, the
// contacts named take on q's role, and contacts the old answer named lose
// that role where no answer of any plan gives it to them any more. An
// empty answer is removed.
func (b *Binder) SetAnswer(p *Plan, q Question, a Answer) {
	clean := Answer{Text: strings.TrimSpace(Clean(a.Text))}
	if a.NotApply {
		// "Does not apply" stands alone: nothing else said is kept but
		// the note.
		a = Answer{}
		clean.NotApply = true
	}
	switch q.Kind {
	case YesNo:
		clean.Yes = a.Yes
	case Choice:
		if q.HasOption(a.Choice) {
			clean.Choice = a.Choice
		}
	case Checklist:
		for _, o := range q.Options { // in the catalogue's order
			if slices.Contains(a.Checked, o) {
				clean.Checked = append(clean.Checked, o)
			}
		}
	case Contacts:
		for _, id := range a.Contacts {
			if c := b.Contact(id); c != nil && !slices.Contains(clean.Contacts, id) {
				clean.Contacts = append(clean.Contacts, id)
				if q.Role != "" && !c.HasRole(q.Role) {
					c.Roles = append(c.Roles, q.Role)
				}
			}
		}
	}
	old := p.Answers[q.ID].Contacts
	if clean.Empty() {
		delete(p.Answers, q.ID)
	} else {
		p.Answers[q.ID] = clean
	}
	if q.Kind == Contacts && q.Role != "" {
		b.dropUnusedRole(q.Role, old)
	}
}

// dropUnusedRole takes role away from the contacts in ids that no longer
// answer any question with that role, in any plan.
func (b *Binder) dropUnusedRole(role Role, ids []string) {
	for _, id := range ids {
		used := false
		for _, p := range b.Plans {
			for qid, a := range p.Answers {
				if q, ok := Lookup(qid); ok && q.Role == role && slices.Contains(a.Contacts, id) {
					used = true
				}
			}
		}
		if c := b.Contact(id); c != nil && !used {
			c.Roles = slices.DeleteFunc(c.Roles, func(r Role) bool { return r == role })
		}
	}
}

// SetLearn marks the contacts in ids that have a number to be learnt by
// heart, and no others.
func (b *Binder) SetLearn(ids []string) {
	for i := range b.Contacts {
		c := &b.Contacts[i]
		c.Learn = len(c.Phones) > 0 && slices.Contains(ids, c.ID)
	}
}

// AddContact adds c as a new contact playing role (if not empty), agreed
// on day today if c.Agreed, and returns it.
func (b *Binder) AddContact(c Contact, role Role, today Date) *Contact {
	c.ID = b.NewContactID()
	if role != "" && !c.HasRole(role) {
		c.Roles = append(c.Roles, role)
	}
	if c.Agreed && c.Confirmed.IsZero() {
		c.Confirmed = today
	}
	if len(c.Phones) > 0 && c.Source == nil && c.NumberChecked.IsZero() {
		c.NumberChecked = today
	}
	b.Contacts = append(b.Contacts, c)
	return &b.Contacts[len(b.Contacts)-1]
}

// AddOrFind adds c (an organisation from a list, say) with role, unless a
// contact of the same name is there already: that one is returned, with
// role added, and added is false.
func (b *Binder) AddOrFind(c Contact, role Role, today Date) (got *Contact, added bool) {
	for i := range b.Contacts {
		if SameName(b.Contacts[i].Name, c.Name) {
			got = &b.Contacts[i]
			b.TakeRole(got, role)
			return got, false
		}
	}
	return b.AddContact(c, role, today), true
}

// TakeRole gives contact c role (if not empty and not had already).
func (b *Binder) TakeRole(c *Contact, role Role) {
	if role != "" && !c.HasRole(role) {
		c.Roles = append(c.Roles, role)
	}
}

// SameName reports whether two names are the same name, whatever the case
// and the spaces between words.
func SameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(CleanLine(a)), " "), strings.Join(strings.Fields(CleanLine(b)), " "))
}

// Match returns the contact already in the binder that c, about to be
// added, may well be: one with the same name, or with one of c's phone
// numbers. It is for asking the person ("Is this Tony?"), never for
// deciding alone: two people can share a name. Nil if there is none.
func (b *Binder) Match(c Contact) *Contact {
	for i := range b.Contacts {
		have := &b.Contacts[i]
		if SameName(have.Name, c.Name) {
			return have
		}
		for _, p := range c.Phones {
			for _, q := range have.Phones {
				if p.Number == q.Number && p.Ext == q.Ext {
					return have
				}
			}
		}
	}
	return nil
}
