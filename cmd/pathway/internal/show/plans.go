// Package show words the person's plans, check-up and organisations as
// plain text, the same for the terminal, the full screen and the plain
// prompts.
package show

import (
	"fmt"
	"io"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/plan"
	"pathway/printout"
)

// Summary writes a readable summary of every plan and contact.
func Summary(e *env.Env, w io.Writer, b *plan.Binder) {
	T := e.T
	if len(b.Plans) == 0 {
		fmt.Fprintln(w, T("show.empty"))
	}
	for i, p := range b.Plans {
		if i > 0 {
			fmt.Fprintln(w)
		}
		Plan(e, w, b, p)
	}
	if len(b.Contacts) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, T("show.contacts"))
		for _, c := range b.Contacts {
			fmt.Fprintln(w, "  "+printout.ContactLine(e.Loc, c, true))
			if !c.IfSilent.Empty() {
				fmt.Fprintln(w, "    "+T("wizard.silence-header", "Name", c.Name)+": "+printout.IfSilentText(b, c))
			}
		}
	}
}

// Shared writes what a share holds: only the parts in it, never the
// questions it does not carry as if they were open.
func Shared(e *env.Env, w io.Writer, b *plan.Binder) {
	T := e.T
	for i, p := range b.Plans {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, T(plan.KindTitleKey(p.Kind)))
		if p.Context != "" {
			fmt.Fprintln(w, T("show.context", "Context", p.Context))
		}
		for _, s := range plan.Sections(p.Kind) {
			var qs []plan.Question
			for _, q := range s.Questions {
				if len(printout.AnswerLines(e.Loc, b, p, q)) > 0 && (q.Kind == plan.Learn || q.Kind == plan.Silence || !p.Answers[q.ID].Empty()) {
					qs = append(qs, q)
				}
			}
			if len(qs) == 0 {
				continue
			}
			fmt.Fprintln(w)
			fmt.Fprintln(w, "  "+T(s.TitleKey()))
			for _, q := range qs {
				fmt.Fprintln(w, "    "+T(q.TitleKey()))
				for _, line := range printout.AnswerLines(e.Loc, b, p, q) {
					fmt.Fprintln(w, "        "+line)
				}
			}
		}
	}
	if len(b.Contacts) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, T("show.contacts"))
		for _, c := range b.Contacts {
			fmt.Fprintln(w, "  "+printout.ContactLine(e.Loc, c, true))
			if !c.IfSilent.Empty() {
				fmt.Fprintln(w, "    "+T("wizard.silence-header", "Name", c.Name)+": "+printout.IfSilentText(b, c))
			}
		}
	}
}

// SharedText is Shared as a string.
func SharedText(e *env.Env, b *plan.Binder) string {
	var sb strings.Builder
	Shared(e, &sb, b)
	return sb.String()
}

// SummaryText is Summary as a string.
func SummaryText(e *env.Env, b *plan.Binder) string {
	var sb strings.Builder
	Summary(e, &sb, b)
	return sb.String()
}

// Plan writes one plan: its title, how much is answered, and every
// question with its answer.
func Plan(e *env.Env, w io.Writer, b *plan.Binder, p plan.Plan) {
	T := e.T
	fmt.Fprintln(w, T("show.plan", "Title", T(plan.KindTitleKey(p.Kind)), "Status", T("status."+string(p.Status))))
	if p.Context != "" {
		fmt.Fprintln(w, T("show.context", "Context", p.Context))
	}
	fmt.Fprintln(w, TallyText(e, b.Tally(p, "")))
	if !p.Reviewed.IsZero() {
		fmt.Fprintln(w, T("show.reviewed", "Date", p.Reviewed.String()))
	}
	for _, s := range plan.Sections(p.Kind) {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "  "+T(s.TitleKey()))
		for _, q := range s.Questions {
			fmt.Fprintf(w, "    %s %s\n", StateMark(b.StateOf(p, q)), T(q.TitleKey()))
			for _, line := range printout.AnswerLines(e.Loc, b, p, q) {
				fmt.Fprintln(w, "        "+line)
			}
		}
	}
}

// PlanText is Plan as a string.
func PlanText(e *env.Env, b *plan.Binder, p plan.Plan) string {
	var sb strings.Builder
	Plan(e, &sb, b, p)
	return sb.String()
}

// PlanLabel names a plan in a list: its kind, what it is about, its state.
func PlanLabel(e *env.Env, p plan.Plan) string {
	return PlanName(e, p) + " (" + e.T("status."+string(p.Status)) + ")"
}

// PlanName is a plan's kind and what it is about.
func PlanName(e *env.Env, p plan.Plan) string {
	label := e.T(plan.KindTitleKey(p.Kind))
	if p.Context != "" {
		label += ": " + p.Context
	}
	return label
}

// PlanProgress names a plan in a list with how far it is, in the words
// of TallyText.
func PlanProgress(e *env.Env, b *plan.Binder, p plan.Plan) string {
	return PlanName(e, p) + " — " + TallyText(e, b.Tally(p, ""))
}

// TallyText words how many questions are in each state, in the one
// vocabulary of progress ("3 answered, 1 skipped, 1 doesn't apply, 20 to
// do"); states with none are left out.
func TallyText(e *env.Env, n map[plan.State]int) string {
	var parts []string
	for _, st := range plan.States {
		if n[st] > 0 {
			parts = append(parts, e.T(countKeys[st], "Count", n[st]))
		}
	}
	return strings.Join(parts, ", ")
}

// countKeys are the words of TallyText, one for each state.
var countKeys = map[plan.State]string{
	plan.Answered: "progress.count.answered",
	plan.Skipped:  "progress.count.skipped",
	plan.NotApply: "progress.count.doesnt-apply",
	plan.ToDo:     "progress.count.to-do",
}

// StateMark is the mark of a question's state in a list: ✓ answered, –
// skipped, ○ doesn't apply, · to do.
func StateMark(st plan.State) string {
	return map[plan.State]string{plan.Answered: "✓", plan.Skipped: "–", plan.NotApply: "○", plan.ToDo: "·"}[st]
}

// Parts lists the parts of the binder's plans that can be shared.
func Parts(b *plan.Binder) string {
	var names []string
	for _, p := range b.Plans {
		if p.Context != "" {
			names = append(names, p.ID+"/"+plan.AboutPart)
		}
		for _, s := range plan.Sections(p.Kind) {
			names = append(names, p.ID+"/"+s.ID)
		}
	}
	return strings.Join(names, ", ")
}

// Share writes the header and content of a share, each line indented.
func Share(e *env.Env, w io.Writer, sh *plan.Share) {
	T := e.T
	fmt.Fprintln(w, "  "+T("share.for", "For", sh.For))
	if sh.Purpose != "" {
		fmt.Fprintln(w, "  "+T("share.purpose", "Purpose", sh.Purpose))
	}
	if !sh.Until.IsZero() {
		fmt.Fprintln(w, "  "+T("share.until", "Until", sh.Until.String()))
	}
	for _, l := range strings.Split(strings.TrimRight(SharedText(e, sh.Binder), "\n"), "\n") {
		fmt.Fprintln(w, "  "+l)
	}
}

// Unprintable words, for a printout of b, the characters no font can
// print (emoji, say) that were left out of it; "" if there are none.
func Unprintable(e *env.Env, b *plan.Binder, more ...string) string {
	data, err := plan.Encode(b)
	if err != nil {
		return ""
	}
	dropped := printout.Dropped(append(more, string(data))...)
	if len(dropped) == 0 {
		return ""
	}
	chars := make([]string, len(dropped))
	for i, r := range dropped {
		chars[i] = string(r)
	}
	return e.T("print.dropped", "Chars", strings.Join(chars, " "))
}
