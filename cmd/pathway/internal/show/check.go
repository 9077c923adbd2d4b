package show

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/plan"
)

// Known says how many numbers the person knows by heart.
func Known(e *env.Env, b *plan.Binder) string {
	known, total := 0, 0
	for _, d := range b.Drills() {
		total++
		if d.Progress.Known() {
			known++
		}
	}
	return e.N("practise.done", total, "Known", known)
}

// Check words the check-up r of binder b; only is the plan to report on,
// or "" for all.
func Check(e *env.Env, b *plan.Binder, r plan.Report, only string) string {
	T := e.T
	var sb strings.Builder
	if len(b.Plans) == 0 {
		// A number a list changed is said even before any plan.
		var news []string
		for _, c := range b.Contacts {
			if b.NumberNews(c, e.Today()) {
				news = append(news, NumberNews(e, c))
			}
		}
		return strings.Join(append([]string{T("check.no-plans")}, news...), "\n\n")
	}
	for _, pr := range r.Plans {
		if only != "" && pr.Plan != only {
			continue
		}
		p := b.Plan(pr.Plan)
		title := T(plan.KindTitleKey(p.Kind))
		if p.Context != "" {
			title += ": " + p.Context
		}
		fmt.Fprintln(&sb, title)
		var has []string
		for _, id := range pr.Has {
			q, _ := plan.Lookup(id)
			has = append(has, T(q.TitleKey()))
		}
		fmt.Fprintln(&sb, "  "+TallyText(e, b.Tally(*p, "")))
		if len(has) > 0 {
			fmt.Fprintln(&sb, "  "+T("progress.check-answered")+":")
			for _, h := range has {
				fmt.Fprintln(&sb, "    "+StateMark(plan.Answered)+" "+h)
			}
		}
		if len(pr.NotApply) > 0 {
			fmt.Fprintln(&sb, "  "+T("progress.check-not-apply")+":")
			for _, id := range pr.NotApply {
				q, _ := plan.Lookup(id)
				fmt.Fprintln(&sb, "    "+StateMark(plan.NotApply)+" "+T(q.TitleKey()))
			}
		}
		if len(pr.Open) == 0 {
			fmt.Fprintln(&sb, "  "+T("check.nothing-open"))
		} else {
			fmt.Fprintln(&sb, "  "+T("progress.check-todo")+":")
			for _, o := range pr.Open {
				fmt.Fprintln(&sb, "    "+StateMark(plan.ToDo)+" "+openText(e, b, o))
			}
		}
		fmt.Fprintln(&sb)
	}
	var old []string
	for _, o := range r.Old {
		if only != "" && o.Plan != "" && o.Plan != only {
			continue
		}
		old = append(old, agingText(e, b, o))
	}
	if len(old) > 0 {
		fmt.Fprintln(&sb, T("check.old")+":")
		for _, o := range old {
			fmt.Fprintln(&sb, "  · "+o)
		}
		fmt.Fprintln(&sb)
	}
	if r.Total > 0 {
		fmt.Fprintln(&sb, e.N("practise.done", r.Total, "Known", r.Known))
	}
	return strings.TrimRight(sb.String(), "\n")
}

func contactName(b *plan.Binder, id string) string {
	if c := b.Contact(id); c != nil {
		return c.Name
	}
	return id
}

// planName is how a plan is named in a sentence: its kind, and what it
// is about; never its id.
func planName(e *env.Env, b *plan.Binder, id string) string {
	if p := b.Plan(id); p != nil {
		return PlanName(e, *p)
	}
	return id
}

func openText(e *env.Env, b *plan.Binder, o plan.Open) string {
	switch o.Code {
	case "bond-not-agreed":
		return e.T("check.bond-not-agreed", "Name", contactName(b, o.Contact))
	case "numbers-not-known":
		return e.T("progress.numbers-not-known")
	}
	q, _ := plan.Lookup(o.Question)
	return e.T(q.OpenKey())
}

func agingText(e *env.Env, b *plan.Binder, o plan.Aging) string {
	switch o.Code {
	case "plan-never":
		return e.T("progress.plan-never", "Plan", planName(e, b, o.Plan))
	case "plan-old":
		return e.N("progress.plan-old", o.Days, "Plan", planName(e, b, o.Plan))
	case "bond-never":
		return e.T("check.bond-never", "Name", contactName(b, o.Contact))
	case "bond-old":
		return e.N("check.bond-old", o.Days, "Name", contactName(b, o.Contact))
	case "number-changed":
		if c := b.Contact(o.Contact); c != nil && c.Changed != nil && len(c.Phones) > 0 {
			return NumberNews(e, *c)
		}
	case "number-old":
		return e.N("lists.number-old", o.Days, "Name", contactName(b, o.Contact))
	case "list-old":
		if c := b.Contact(o.Contact); c != nil && c.Source != nil {
			return e.T("lists.list-old", "Name", c.Name, "Org", c.Source.By, "Date", c.Source.Confirmed)
		}
	case "share-passed":
		return e.T("shares.check-passed", "ID", o.Share, "Name", o.For, "Until", o.Date.String())
	case "share-old":
		return e.T("shares.check-old", "ID", o.Share, "Name", o.For, "Made", o.Date.String())
	case "silence-never":
		return e.T("check.silence-never", "Name", contactName(b, o.Contact))
	case "silence-old":
		return e.N("check.silence-old", o.Days, "Name", contactName(b, o.Contact))
	}
	return e.N("check.not-practised", o.Days, "Name", contactName(b, o.Contact))
}

// CheckJSON writes the check-up for scripts, each point with its words.
func CheckJSON(e *env.Env, w io.Writer, b *plan.Binder, r plan.Report) error {
	type open struct {
		plan.Open
		Text string `json:"text"`
	}
	type aging struct {
		plan.Aging
		Text string `json:"text"`
	}
	type planOut struct {
		Plan     string    `json:"plan"`
		Kind     plan.Kind `json:"kind"`
		Has      []string  `json:"has"`
		Open     []open    `json:"open"`
		NotApply []string  `json:"doesnt_apply"`
	}
	out := struct {
		Plans []planOut `json:"plans"`
		Old   []aging   `json:"getting_old"`
		Known int       `json:"numbers_known"`
		Total int       `json:"numbers_to_learn"`
		Due   int       `json:"numbers_due"`
	}{Plans: []planOut{}, Old: []aging{}, Known: r.Known, Total: r.Total, Due: r.Due}
	for _, p := range r.Plans {
		po := planOut{Plan: p.Plan, Kind: p.Kind, Has: p.Has, Open: []open{}, NotApply: p.NotApply}
		for _, o := range p.Open {
			po.Open = append(po.Open, open{o, openText(e, b, o)})
		}
		out.Plans = append(out.Plans, po)
	}
	for _, o := range r.Old {
		out.Old = append(out.Old, aging{o, agingText(e, b, o)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
