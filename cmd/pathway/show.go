package main

import (
	"fmt"
	"io"
	"strings"

	"pathway/locales"
	"pathway/plan"
)

// useSavedLanguage switches to the language saved in the binder, unless
// --lang chose one.
func (a *app) useSavedLanguage(b *plan.Binder) {
	if a.lang != "" || b.Language == "" {
		return
	}
	tag, err := locales.Detect("", b.Language, a.getenv)
	if err != nil {
		return
	}
	if l, err := locales.Get(tag); err == nil {
		a.loc = l
	}
}

// printSummary writes a readable summary of every plan and contact.
func (a *app) printSummary(w io.Writer, b *plan.Binder) {
	T := a.loc.T
	if len(b.Plans) == 0 {
		fmt.Fprintln(w, T("show.empty"))
	}
	for i, p := range b.Plans {
		if i > 0 {
			fmt.Fprintln(w)
		}
		a.printPlan(w, b, p)
	}
	if len(b.Contacts) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, T("show.contacts"))
		for _, c := range b.Contacts {
			fmt.Fprintln(w, "  "+a.contactLine(c))
		}
	}
}

// printPlan writes one plan: its title, how much is answered, and every
// question with its answer.
func (a *app) printPlan(w io.Writer, b *plan.Binder, p plan.Plan) {
	T := a.loc.T
	fmt.Fprintln(w, T("show.plan", "Title", T(plan.KindTitleKey(p.Kind)), "Status", T("status."+string(p.Status))))
	if p.Context != "" {
		fmt.Fprintln(w, T("show.context", "Context", p.Context))
	}
	answered, total := 0, 0
	for _, s := range plan.Sections(p.Kind) {
		for _, q := range s.Questions {
			total++
			if a.isAnswered(b, p, q) {
				answered++
			}
		}
	}
	fmt.Fprintln(w, a.loc.N("show.answered", total, "Answered", answered, "Total", total))
	if !p.Reviewed.IsZero() {
		fmt.Fprintln(w, T("show.reviewed", "Date", p.Reviewed.String()))
	}
	for _, s := range plan.Sections(p.Kind) {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "  "+T(s.TitleKey()))
		for _, q := range s.Questions {
			mark := "·"
			if a.isAnswered(b, p, q) {
				mark = "✓"
			}
			fmt.Fprintf(w, "    %s %s\n", mark, T(q.TitleKey()))
			for _, line := range a.answerLines(b, p, q) {
				fmt.Fprintln(w, "        "+line)
			}
		}
	}
}

// isAnswered reports whether a question of plan p has an answer.
func (a *app) isAnswered(b *plan.Binder, p plan.Plan, q plan.Question) bool {
	if q.Kind == plan.Learn {
		return len(b.ToLearn()) > 0
	}
	return !p.Answers[q.ID].Empty()
}

// answerLines words an answer for the summary, a line each.
func (a *app) answerLines(b *plan.Binder, p plan.Plan, q plan.Question) []string {
	T := a.loc.T
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
			lines = append(lines, a.contactLine(*c))
		}
	}
	if q.Kind == plan.Learn {
		for _, c := range b.ToLearn() {
			lines = append(lines, c.Name+": "+c.Phones[0].String())
		}
	}
	if ans.Text != "" {
		lines = append(lines, strings.Split(ans.Text, "\n")...)
	}
	return lines
}

// contactLine words a contact in one line: name, roles, numbers, flags.
func (a *app) contactLine(c plan.Contact) string {
	T := a.loc.T
	parts := []string{c.Name}
	if len(c.Roles) > 0 {
		var roles []string
		for _, r := range c.Roles {
			roles = append(roles, T(plan.RoleKey(r)))
		}
		parts[0] += " (" + strings.Join(roles, ", ") + ")"
	}
	for _, ph := range c.Phones {
		s := ph.String()
		if ph.TTY {
			s += " " + T("show.tty")
		}
		if ph.Note != "" {
			s += " (" + ph.Note + ")"
		}
		parts = append(parts, s)
	}
	if c.Agreed {
		parts = append(parts, T("show.agreed"))
	}
	if c.Learn {
		parts = append(parts, T("show.learn"))
	}
	return strings.Join(parts, " — ")
}
