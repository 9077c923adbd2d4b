package printout

import (
	"slices"
	"strings"

	"pathway/locales"
	"pathway/plan"
)

// IsAnswered reports whether question q of plan p has an answer. The
// numbers to learn live on the contacts, so that question is answered
// once a contact is marked; "if you don't hear from me" lives on the
// helpers, so it is answered once one helper of p has agreed on something.
func IsAnswered(b *plan.Binder, p plan.Plan, q plan.Question) bool {
	return b.StateOf(p, q) == plan.Answered
}

// AnswerLines words the answer to q in plan p, a line each, in the
// language of loc. The person's own words are given as they wrote them.
// A contact named is labelled with their roles of p's kind only: another
// plan's roles never show on this plan's lines.
func AnswerLines(loc *locales.Locale, b *plan.Binder, p plan.Plan, q plan.Question) []string {
	T := loc.T
	ans := p.Answers[q.ID]
	var lines []string
	if ans.Yes != nil {
		if *ans.Yes {
			lines = append(lines, T("show.yes"))
		} else {
			lines = append(lines, T("show.no"))
		}
	}
	if ans.Choice != "" {
		lines = append(lines, T(q.OptionKey(ans.Choice)))
	}
	if len(ans.Checked) > 0 {
		var opts []string
		for _, o := range ans.Checked {
			opts = append(opts, T(q.OptionKey(o)))
		}
		lines = append(lines, strings.Join(opts, ", "))
	}
	for _, id := range ans.Contacts {
		if c := b.Contact(id); c != nil {
			lines = append(lines, ContactLine(loc, RolesIn(*c, p.Kind), true))
		}
	}
	if q.Kind == plan.Silence {
		// What each helper of the plan does if they do not hear from
		// the person: when, and the words they pass on.
		for _, c := range b.Helpers(&p) {
			if !c.IfSilent.Empty() {
				lines = append(lines, c.Name+": "+IfSilentText(b, *c))
			}
		}
	}
	if q.Kind == plan.Learn {
		for _, c := range b.ToLearn() {
			lines = append(lines, c.Name+": "+PhoneText(loc, c.Phones[0]))
		}
	}
	if ans.NotApply {
		lines = append(lines, T("progress.not-apply-option"))
	}
	if ans.Text != "" {
		lines = append(lines, strings.Split(ans.Text, "\n")...)
	}
	return lines
}

// PhoneText writes a number for reading: its groups, then the extension
// in the person's language.
func PhoneText(loc *locales.Locale, ph plan.Phone) string {
	s := strings.Join(ph.Groups(), " ")
	if ph.Ext != "" {
		s += " " + loc.T("print.ext", "Ext", ph.Ext)
	}
	return s
}

// ContactLine words a contact in one line: name, roles (if labels),
// numbers, and whether they agreed and are learnt by heart.
func ContactLine(loc *locales.Locale, c plan.Contact, labels bool) string {
	T := loc.T
	parts := nameAndNumbers(loc, c)
	if labels && len(c.Roles) > 0 {
		var roles []string
		for _, r := range c.Roles {
			roles = append(roles, T(plan.RoleKey(r)))
		}
		parts[0] += " (" + strings.Join(roles, ", ") + ")"
	}
	if c.Agreed {
		parts = append(parts, T("show.agreed"))
	}
	if c.Learn {
		parts = append(parts, T("show.learn"))
	}
	if by := ConfirmedBy(loc, c); by != "" {
		parts = append(parts, by)
	}
	return strings.Join(parts, " — ")
}

// ConfirmedBy words who last confirmed the numbers of a contact added
// from an organisations' list, and when: "" for the others.
func ConfirmedBy(loc *locales.Locale, c plan.Contact) string {
	if c.Source == nil {
		return ""
	}
	return loc.T("lists.confirmed-by", "Org", c.Source.By, "Date", c.Source.Confirmed)
}

// nameAndNumbers returns a contact's name, then each of their numbers with
// its TTY mark and note.
func nameAndNumbers(loc *locales.Locale, c plan.Contact) []string {
	parts := []string{c.Name}
	for _, ph := range c.Phones {
		s := PhoneText(loc, ph)
		if ph.TTY {
			s += " " + loc.T("show.tty")
		}
		if ph.Note != "" {
			s += " (" + ph.Note + ")"
		}
		parts = append(parts, s)
	}
	return parts
}

// RolesIn returns c with only its roles that belong to plans of kind k
// (see plan.RolesOf), for a line of a plan of that kind.
func RolesIn(c plan.Contact, k plan.Kind) plan.Contact {
	c.Roles = slices.DeleteFunc(slices.Clone(c.Roles), func(r plan.Role) bool { return !r.In(k) })
	return c
}

// IfSilentText words on one line what contact c agreed to do if they do
// not hear from the person: after how long, what first, the words in
// quotes, and whom they tell. Every part is the person's own words or a
// contact's name.
func IfSilentText(b *plan.Binder, c plan.Contact) string {
	x := c.IfSilent
	if x.Empty() {
		return ""
	}
	var parts []string
	for _, s := range []string{x.After, x.First} {
		if s != "" {
			parts = append(parts, strings.ReplaceAll(s, "\n", " / "))
		}
	}
	if x.Words != "" {
		parts = append(parts, "“"+strings.ReplaceAll(x.Words, "\n", " / ")+"”")
	}
	var tell []string
	for _, id := range x.Tell {
		if t := b.Contact(id); t != nil {
			tell = append(tell, t.Name)
		}
	}
	if x.Others != "" {
		tell = append(tell, strings.ReplaceAll(x.Others, "\n", " / "))
	}
	if len(tell) > 0 {
		parts = append(parts, "→ "+strings.Join(tell, ", "))
	}
	return strings.Join(parts, " — ")
}
