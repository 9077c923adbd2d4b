package main

import (
	"fmt"
	"io"

	"pathway/locales"
	"pathway/plan"
	"pathway/printout"
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
			fmt.Fprintln(w, "  "+printout.ContactLine(a.loc, c, true))
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
			if printout.IsAnswered(b, p, q) {
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
			if printout.IsAnswered(b, p, q) {
				mark = "✓"
			}
			fmt.Fprintf(w, "    %s %s\n", mark, T(q.TitleKey()))
			for _, line := range printout.AnswerLines(a.loc, b, p, q) {
				fmt.Fprintln(w, "        "+line)
			}
		}
	}
}
