package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"pathway/plan"
)

// plainUI asks every question as plain numbered prompts, a line at a time:
// no redraws, no colours, nothing a screen reader stumbles on. It reads
// answers line by line, so a script can pipe them in. Choices are made by
// number, so that nobody needs to type a word of a language they may not
// read well.
type plainUI struct {
	a   *app
	in  *bufio.Reader
	out io.Writer
}

func (a *app) newPlainUI() *plainUI {
	return &plainUI{a: a, in: bufio.NewReader(a.stdin), out: a.stdout}
}

func (u *plainUI) t(id string, kv ...any) string { return u.a.loc.T(id, kv...) }

// line reads one answer. End of input is errInputEnded.
func (u *plainUI) readLine() (string, error) {
	fmt.Fprint(u.out, "> ")
	s, err := u.in.ReadString('\n')
	if err != nil && (s == "" || !errors.Is(err, io.EOF)) {
		fmt.Fprintln(u.out)
		return "", errInputEnded
	}
	s = strings.TrimRight(s, "\r\n")
	if len(s) > plan.MaxText {
		return s, nil // refused by the caller's check
	}
	return strings.TrimSpace(plan.CleanLine(s)), nil
}

// ask reads lines until check accepts one; check returns a message to show
// when it does not.
func (u *plainUI) ask(check func(string) error) (string, error) {
	for {
		s, err := u.readLine()
		if err != nil {
			return "", err
		}
		if err := check(s); err != nil {
			fmt.Fprintln(u.out, "  ! "+err.Error())
			continue
		}
		return s, nil
	}
}

// numbers reads a list of numbers from 1 to n ("1 3", "1,3").
func parseNumbers(s string, n int) ([]int, bool) {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		k, err := strconv.Atoi(f)
		if err != nil || k < 1 || k > n {
			return nil, false
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out, true
}

// choose shows numbered options and reads one; Enter gives def (-1 for
// none). It returns the index chosen, or -1.
func (u *plainUI) choose(options []string, def int) (int, error) {
	for i, o := range options {
		fmt.Fprintf(u.out, "   %d) %s\n", i+1, o)
	}
	var got int
	_, err := u.ask(func(s string) error {
		if s == "" {
			got = def
			return nil
		}
		ks, ok := parseNumbers(s, len(options))
		if !ok || len(ks) != 1 {
			return errors.New(u.t("plain.pick-one", "Max", len(options)))
		}
		got = ks[0] - 1
		return nil
	})
	return got, err
}

func (u *plainUI) notice(msg string) { fmt.Fprintln(u.out, msg) }

func (u *plainUI) page(pg pageInfo, vals []*answer) (step, error) {
	t := u.t
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, t("wizard.progress", "Plan", t(plan.KindTitleKey(pg.plan.Kind)), "Section", t(pg.section.TitleKey()), "Part", pg.index+1, "Parts", pg.total))
	fmt.Fprintln(u.out, t(pg.section.IntroKey()))
	for n, v := range vals {
		fmt.Fprintln(u.out)
		fmt.Fprintf(u.out, "%d. %s\n", n+1, t(v.q.TitleKey()))
		fmt.Fprintln(u.out, "   "+t(v.q.HelpKey()))
		if err := u.question(pg.binder, v); err != nil {
			return stepNext, err
		}
	}
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, t("plain.end-of-page"))
	k, err := u.choose([]string{t("nav.next"), t("nav.back"), t("nav.stop")}, 0)
	return step(k), err
}

// question asks one question and fills in v.
func (u *plainUI) question(b *plan.Binder, v *answer) error {
	t := u.t
	var err error
	switch v.q.Kind {
	case plan.Text:
		v.text, err = u.text(v.text)
		return err
	case plan.YesNo:
		def := map[string]int{"yes": 0, "no": 1, "": 2}[v.yes]
		fmt.Fprintln(u.out, "   "+t("plain.enter-keeps"))
		k, err := u.choose([]string{t("answer.yes"), t("answer.no"), t("answer.not-now")}, def)
		if err != nil {
			return err
		}
		v.yes = []string{"yes", "no", ""}[k]
	case plan.Choice:
		opts := make([]string, 0, len(v.q.Options)+1)
		def := len(v.q.Options)
		for i, o := range v.q.Options {
			opts = append(opts, t(v.q.OptionKey(o)))
			if o == v.choice {
				def = i
			}
		}
		fmt.Fprintln(u.out, "   "+t("plain.enter-keeps"))
		k, err := u.choose(append(opts, t("answer.not-now")), def)
		if err != nil {
			return err
		}
		v.choice = ""
		if k < len(v.q.Options) {
			v.choice = v.q.Options[k]
		}
	case plan.Checklist:
		var labels []string
		for _, o := range v.q.Options {
			labels = append(labels, t(v.q.OptionKey(o)))
		}
		picked, err := u.pickMany(labels, indexes(v.q.Options, v.checked), false)
		if err != nil {
			return err
		}
		v.checked = pickIDs(v.q.Options, picked)
	case plan.Contacts, plan.Learn:
		var ids, labels []string
		for _, c := range b.Contacts {
			if v.q.Kind == plan.Learn && len(c.Phones) == 0 {
				continue
			}
			ids = append(ids, c.ID)
			labels = append(labels, u.a.contactLabel(c))
		}
		if v.q.Kind == plan.Learn && len(ids) == 0 {
			fmt.Fprintln(u.out, "   "+t("wizard.no-numbers"))
			return nil
		}
		picked, err := u.pickMany(labels, indexes(ids, v.contacts), v.q.Kind == plan.Contacts)
		if err != nil {
			return err
		}
		v.contacts = pickIDs(ids, picked)
		if slices.Contains(picked, len(ids)) {
			v.contacts = append(v.contacts, newContactID)
		}
		if slices.Contains(picked, len(ids)+1) {
			v.contacts = append(v.contacts, fromDirectoryID)
		}
	}
	if v.q.Kind == plan.Learn {
		return nil
	}
	fmt.Fprintln(u.out, "   "+t("plain.note"))
	v.text, err = u.text(v.text)
	return err
}

// text reads a one-line text answer: Enter keeps what is there, "-"
// clears it.
func (u *plainUI) text(now string) (string, error) {
	if now != "" {
		fmt.Fprintln(u.out, "   "+u.t("plain.now", "Answer", strings.ReplaceAll(now, "\n", " / ")))
		fmt.Fprintln(u.out, "   "+u.t("plain.keep-or-clear"))
	} else {
		fmt.Fprintln(u.out, "   "+u.t("plain.type-or-skip"))
	}
	s, err := u.ask(u.a.checkAnswerText)
	switch {
	case err != nil:
		return now, err
	case s == "":
		return now, nil
	case s == "-":
		return "", nil
	}
	return s, nil
}

// pickMany shows numbered options, those already picked marked, and reads
// the numbers picked. With addNew, one more option is "someone new", whose
// index is len(labels).
func (u *plainUI) pickMany(labels []string, now []int, addNew bool) ([]int, error) {
	for i, l := range labels {
		mark := " "
		if slices.Contains(now, i) {
			mark = "*"
		}
		fmt.Fprintf(u.out, "  %s%d) %s\n", mark, i+1, l)
	}
	n := len(labels)
	if addNew {
		n++
		fmt.Fprintf(u.out, "   %d) %s\n", n, u.t("wizard.add-someone"))
		n++
		fmt.Fprintf(u.out, "   %d) %s\n", n, u.t("wizard.from-directory"))
	}
	if len(now) > 0 {
		fmt.Fprintln(u.out, "   "+u.t("plain.pick-many-keep"))
	} else {
		fmt.Fprintln(u.out, "   "+u.t("plain.pick-many"))
	}
	var got []int
	_, err := u.ask(func(s string) error {
		switch s {
		case "":
			got = now
			return nil
		case "-":
			got = nil
			return nil
		}
		ks, ok := parseNumbers(s, n)
		if !ok {
			return errors.New(u.t("plain.pick-numbers", "Max", n))
		}
		got = nil
		for _, k := range ks {
			got = append(got, k-1)
		}
		return nil
	})
	return got, err
}

func (u *plainUI) newContact(role plan.Role) (plan.Contact, bool, error) {
	t := u.t
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, t("contact.new-title"))
	if role != "" {
		fmt.Fprintln(u.out, t("contact.role", "Role", t(plan.RoleKey(role))))
	}
	fmt.Fprintln(u.out, t("contact.name")+" "+t("contact.name-help"))
	name, err := u.ask(func(s string) error { return u.a.checkAnswerText(s) })
	if err != nil || name == "" {
		return plan.Contact{}, false, err
	}
	c := plan.Contact{Name: name}
	fmt.Fprintln(u.out, t("contact.phone")+" "+t("contact.phone-help"))
	num, err := u.ask(u.a.checkPhone)
	if err != nil {
		return c, false, err
	}
	if num != "" {
		p, _ := plan.ParsePhone(num)
		c.Phones = []plan.Phone{p}
	}
	fmt.Fprintln(u.out, t("contact.agreed"))
	k, err := u.choose([]string{t("answer.yes"), t("contact.not-yet")}, 1)
	if err != nil {
		return c, false, err
	}
	c.Agreed = k == 0
	if len(c.Phones) > 0 {
		fmt.Fprintln(u.out, t("contact.learn"))
		k, err := u.choose([]string{t("answer.yes"), t("answer.no")}, 1)
		if err != nil {
			return c, false, err
		}
		c.Learn = k == 0
	}
	return c, true, nil
}

func (u *plainUI) summary(b *plan.Binder, p *plan.Plan) (bool, error) {
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, u.t("wizard.summary-title"))
	u.a.printPlan(u.out, b, *p)
	fmt.Fprintln(u.out)
	k, err := u.choose([]string{u.t("nav.finish"), u.t("nav.back")}, 0)
	return k == 0, err
}

func indexes(all, picked []string) []int {
	var out []int
	for i, id := range all {
		if slices.Contains(picked, id) {
			out = append(out, i)
		}
	}
	return out
}

func pickIDs(all []string, picked []int) []string {
	var out []string
	for _, k := range picked {
		if k < len(all) {
			out = append(out, all[k])
		}
	}
	return out
}
