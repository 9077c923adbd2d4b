package printout

import (
	"strings"

	"pathway/plan"
)

// Details are what the person chose to tell one helper about themselves:
// what a bond person may need to give at a hearing. They are printed, not
// stored.
type Details struct {
	Name       string // full name
	Born       string // date of birth
	FileNumber string // immigration or court file number, if any
}

// Sheet prints one page for one helper, with what that person needs and
// nothing else of the plan: for a bond person what they may be asked to
// do and the details the person chose to give; for a key holder what to
// fetch and where it is; for a carer who and what needs care; for the
// one who calls the lawyer, the lawyer's numbers; for the one who tells
// the family, what they may and may not say.
func Sheet(b *plan.Binder, c *plan.Contact, who Details, o Options) ([]byte, error) {
	if len(c.Roles) == 0 {
		return nil, ErrNothingToPrint
	}
	return safely(func() ([]byte, error) {
		if o.Date.IsZero() {
			o.Date = b.Created
		}
		d, err := newDoc(o)
		if err != nil {
			return nil, err
		}
		d.page()
		d.sheet(b, c, who)
		d.footer()
		return d.bytes()
	})
}

// answer returns the answer to question id in the release plans, then the
// safety plans, of the binder: the first one given.
func answer(b *plan.Binder, id string) plan.Answer {
	for _, k := range []plan.Kind{plan.Release, plan.Safety} {
		for _, p := range b.Plans {
			if a, ok := p.Answers[id]; ok && p.Kind == k && !a.Empty() {
				return a
			}
		}
	}
	return plan.Answer{}
}

func (d *doc) sheet(b *plan.Binder, c *plan.Contact, who Details) {
	T := d.o.Loc.T
	x := Margin
	d.para(x, T("print.sheet-title", "Name", c.Name), 18, true)
	d.y += 2
	person := who.Name
	if person == "" {
		person = T("print.sheet-person")
	}
	d.para(x, T("print.sheet-intro", "Person", person), 11, false)
	d.y += 3

	var roles []string
	for _, r := range c.Roles {
		roles = append(roles, T(plan.RoleKey(r)))
	}
	d.para(x, T("print.sheet-role", "Roles", strings.Join(roles, ", ")), 10, false)
	d.y += 2

	bullet := func(s string) { d.para(x+6, "•  "+s, 10.5, false) }
	block := func(titleID string) {
		d.room(20)
		d.y += 3
		d.para(x, T(titleID), 12, true)
		d.y += 1
	}
	text := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			d.para(x+6, l, 10.5, false)
		}
	}

	if c.HasRole(plan.RoleBondMoney) || c.HasRole(plan.RoleBondTestify) || c.HasRole(plan.RoleReleaseHost) {
		block("print.sheet-bond")
		bullet(T("print.sheet-bond-money"))
		bullet(T("print.sheet-bond-testify"))
		bullet(T("print.sheet-bond-address"))
		if who.Name != "" || who.Born != "" || who.FileNumber != "" {
			block("print.sheet-details")
			for _, f := range []struct{ id, v string }{
				{"print.sheet-name", who.Name}, {"print.sheet-born", who.Born}, {"print.sheet-file", who.FileNumber},
			} {
				if f.v != "" {
					bullet(T(f.id, "Value", f.v))
				}
			}
		}
	}
	if c.HasRole(plan.RoleKeyHolder) {
		block("print.sheet-key")
		q, _ := plan.Lookup("home.fetch")
		a := answer(b, "home.fetch")
		for _, o := range a.Checked {
			bullet(T(q.OptionKey(o)))
		}
		if a.Text != "" {
			text(a.Text)
		}
		if w := answer(b, "home.where").Text; w != "" {
			block("print.sheet-where")
			text(w)
		}
	}
	if c.HasRole(plan.RoleCarer) {
		block("print.sheet-care")
		for _, id := range []string{"home.care", "leave.dependants"} {
			if t := answer(b, id).Text; t != "" {
				text(t)
			}
		}
	}
	if c.HasRole(plan.RoleCallsLawyer) {
		block("print.sheet-calls-lawyer")
		for _, id := range []string{"network.immigration", "network.criminal", "network.clinic", "supports.lawyer"} {
			for _, cid := range answer(b, id).Contacts {
				if l := b.Contact(cid); l != nil {
					bullet(ContactLine(d.o.Loc, *l, false))
				}
			}
		}
	}
	if c.HasRole(plan.RoleFamilyContact) {
		block("print.sheet-family")
		if t := answer(b, "calls.say").Text; t != "" {
			d.para(x+6, T("print.sheet-may-say"), 10.5, true)
			text(t)
		}
		if t := answer(b, "calls.not").Text; t != "" {
			d.para(x+6, T("print.sheet-not-say"), 10.5, true)
			text(t)
		}
	}

	d.room(20)
	d.y += 8
	d.rule(x)
	d.y += 2
	d.pdf.SetTextColor(90, 90, 90)
	d.para(x, T("print.not-legal-advice"), 9, false)
	d.pdf.SetTextColor(0, 0, 0)
}
