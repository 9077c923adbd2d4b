package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"pathway/plan"
)

// sessionLength is how long a drill lasts at most.
const sessionLength = 2 * time.Minute

// practise runs one drill session: the numbers due, each asked by the
// name the person gave, then shown in its spoken groups whether the answer
// was right or not. A missed number comes back once at the end. Progress
// is saved after every answer, so that a quick exit loses nothing.
func (a *app) practise(s *session, u asker, hint bool) error {
	T := a.loc.T
	if len(s.b.Drills()) == 0 {
		return u.show(T("practise.title"), T("practise.none"))
	}
	today := plan.DateOf(a.now())
	queue := s.b.Due(today)
	if len(queue) == 0 {
		return u.show(T("practise.title"), T("practise.nothing-due")+"\n\n"+a.knownLine(s.b))
	}
	start := a.now()
	asked := map[string]int{}
	feedback := ""
	for len(queue) > 0 && a.now().Sub(start) < sessionLength {
		d := queue[0]
		queue = queue[1:]
		help := []string{}
		if feedback != "" {
			help = append(help, feedback)
		}
		if hint {
			help = append(help, T("practise.hint", "Group", d.Phone.Groups()[0]))
		}
		help = append(help, T("practise.skip-help"))
		typed, err := u.line(T("practise.title"), T("practise.ask", "Name", d.Contact.Name), strings.Join(help, "\n"))
		if err != nil {
			return err
		}
		if typed != "" && !plan.ValidDialString(typed) {
			// Not a number at all: ask again, without counting it.
			feedback = T("practise.check-digits")
			queue = append([]plan.Drill{d}, queue...)
			continue
		}
		right := typed != "" && d.Phone.Matches(typed)
		d.Progress.Answered(right, today)
		s.b.Record(d.Progress)
		if err := a.autosave(s); err != nil {
			return err
		}
		asked[d.Contact.ID]++
		if right {
			feedback = T("practise.right", "Number", d.Phone.Spoken())
		} else {
			feedback = T("practise.wrong", "Number", d.Phone.Spoken())
			if asked[d.Contact.ID] < 2 {
				queue = append(queue, d)
			}
		}
		if _, plain := u.(*plainUI); plain {
			u.notice(feedback)
			feedback = ""
		}
	}
	end := a.knownLine(s.b) + "\n" + T("practise.saved")
	if feedback != "" {
		end = feedback + "\n\n" + end
	}
	return u.show(T("practise.title"), end)
}

// knownLine says how many numbers the person knows by heart.
func (a *app) knownLine(b *plan.Binder) string {
	known, total := 0, 0
	for _, d := range b.Drills() {
		total++
		if d.Progress.Known() {
			known++
		}
	}
	return a.loc.N("practise.done", total, "Known", known)
}

func (a *app) practiseCommand() *cobra.Command {
	var in interactive
	var hint bool
	c := &cobra.Command{
		Use:   "practise",
		Short: a.loc.T("cmd.practise.short"),
		Long:  a.loc.T("cmd.practise.long"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.interactive(in, func(s *session, u asker) error { return a.practise(s, u, hint) })
		},
	}
	a.interactiveFlags(c, &in)
	c.Flags().BoolVar(&hint, "hint", false, a.loc.T("flag.hint"))
	return c
}

// checkText words the check-up of the binder on day today; only is the
// plan to report on, or "" for all.
func (a *app) checkText(b *plan.Binder, r plan.Report, only string) string {
	T := a.loc.T
	var sb strings.Builder
	if len(b.Plans) == 0 {
		return T("check.no-plans")
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
		if len(has) > 0 {
			fmt.Fprintln(&sb, "  "+T("check.has")+":")
			for _, h := range has {
				fmt.Fprintln(&sb, "    ✓ "+h)
			}
		}
		if len(pr.Open) == 0 {
			fmt.Fprintln(&sb, "  "+T("check.nothing-open"))
		} else {
			fmt.Fprintln(&sb, "  "+T("check.open")+":")
			for _, o := range pr.Open {
				fmt.Fprintln(&sb, "    · "+a.openText(b, o))
			}
		}
		fmt.Fprintln(&sb)
	}
	var old []string
	for _, o := range r.Old {
		if only != "" && o.Plan != "" && o.Plan != only {
			continue
		}
		old = append(old, a.agingText(b, o))
	}
	if len(old) > 0 {
		fmt.Fprintln(&sb, T("check.old")+":")
		for _, o := range old {
			fmt.Fprintln(&sb, "  · "+o)
		}
		fmt.Fprintln(&sb)
	}
	if r.Total > 0 {
		fmt.Fprintln(&sb, a.loc.N("practise.done", r.Total, "Known", r.Known))
	}
	return strings.TrimRight(sb.String(), "\n")
}

func (a *app) contactName(b *plan.Binder, id string) string {
	if c := b.Contact(id); c != nil {
		return c.Name
	}
	return id
}

func (a *app) openText(b *plan.Binder, o plan.Open) string {
	switch o.Code {
	case "bond-not-agreed":
		return a.loc.T("check.bond-not-agreed", "Name", a.contactName(b, o.Contact))
	case "numbers-not-known":
		return a.loc.T("check.numbers-not-known")
	}
	q, _ := plan.Lookup(o.Question)
	return a.loc.T(q.OpenKey())
}

func (a *app) agingText(b *plan.Binder, o plan.Aging) string {
	switch o.Code {
	case "plan-never":
		return a.loc.T("check.plan-never", "Plan", o.Plan)
	case "plan-old":
		return a.loc.N("check.plan-old", o.Days, "Plan", o.Plan)
	case "bond-never":
		return a.loc.T("check.bond-never", "Name", a.contactName(b, o.Contact))
	case "bond-old":
		return a.loc.N("check.bond-old", o.Days, "Name", a.contactName(b, o.Contact))
	case "never-practised":
		return a.loc.T("check.never-practised", "Name", a.contactName(b, o.Contact))
	}
	return a.loc.N("check.not-practised", o.Days, "Name", a.contactName(b, o.Contact))
}

func (a *app) checkCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "check",
		Short: a.loc.T("cmd.check.short"),
		Args:  a.exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, o, err := a.readable()
			if err != nil {
				return err
			}
			r := o.binder.CheckUp(plan.DateOf(a.now()))
			if asJSON {
				return a.checkJSON(o.binder, r)
			}
			fmt.Fprintln(a.stdout, a.loc.T("check.title"))
			fmt.Fprintln(a.stdout)
			fmt.Fprintln(a.stdout, a.checkText(o.binder, r, ""))
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, a.loc.T("flag.json"))
	return c
}

// checkJSON prints the report for scripts, each point with its words.
func (a *app) checkJSON(b *plan.Binder, r plan.Report) error {
	type open struct {
		plan.Open
		Text string `json:"text"`
	}
	type aging struct {
		plan.Aging
		Text string `json:"text"`
	}
	type planOut struct {
		Plan string    `json:"plan"`
		Kind plan.Kind `json:"kind"`
		Has  []string  `json:"has"`
		Open []open    `json:"open"`
	}
	out := struct {
		Plans []planOut `json:"plans"`
		Old   []aging   `json:"getting_old"`
		Known int       `json:"numbers_known"`
		Total int       `json:"numbers_to_learn"`
		Due   int       `json:"numbers_due"`
	}{Plans: []planOut{}, Old: []aging{}, Known: r.Known, Total: r.Total, Due: r.Due}
	for _, p := range r.Plans {
		po := planOut{Plan: p.Plan, Kind: p.Kind, Has: p.Has, Open: []open{}}
		for _, o := range p.Open {
			po.Open = append(po.Open, open{o, a.openText(b, o)})
		}
		out.Plans = append(out.Plans, po)
	}
	for _, o := range r.Old {
		out.Old = append(out.Old, aging{o, a.agingText(b, o)})
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
