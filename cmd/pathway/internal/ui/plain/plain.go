// Package plain asks every question as plain numbered prompts, a line at
// a time: no redraws, no colours, nothing a screen reader stumbles on. It
// reads answers line by line, so a script can pipe them in. Choices are
// made by number, so that nobody needs to type a word of a language they
// may not read well.
package plain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/plan"
)

// UI is the plain interface.
type UI struct {
	e   *env.Env
	in  *bufio.Reader
	out io.Writer
	// begun is set once the start has been said: how to close at once,
	// and that the answers stay in the terminal's history.
	begun bool
}

// clearAll clears the screen, then the scrollback (in this order, see
// package tui).
const clearAll = "\x1b[H\x1b[2J\x1b[3J"

// ExitWord is the word that, typed alone on a line, closes pathway at
// once, in the language spoken now. The English word works in every
// language.
func (u *UI) ExitWord() string { return u.t("access.exit-word") }

// isExit reports whether a line typed asks to close at once: the exit
// word (in the language spoken, or English), or only Esc characters (a
// terminal sends them, shown as ^[, when Esc is pressed before Enter).
func (u *UI) isExit(line string) bool {
	w := strings.TrimSpace(line)
	if w == "" {
		return false
	}
	if strings.EqualFold(w, "exit") || strings.EqualFold(w, u.ExitWord()) {
		return true
	}
	return strings.Trim(w, "\x1b") == ""
}

// begin says, once, before the first question: that this is the plain
// mode, how to close at once, and that what is typed stays in the
// terminal's history (and how to clear it).
func (u *UI) begin() {
	if u.begun {
		return
	}
	u.begun = true
	fmt.Fprintln(u.out, u.t("access.plain-start", "Word", u.ExitWord()))
	fmt.Fprintln(u.out, u.t("access.plain-history"))
}

var _ ui.UI = (*UI)(nil)

// New returns the plain interface on e's standard input and output.
func New(e *env.Env) *UI {
	return &UI{e: e, in: bufio.NewReader(e.Stdin), out: e.Stdout}
}

func (u *UI) t(id string, kv ...any) string { return u.e.T(id, kv...) }

// readLine reads one answer. End of input is ui.ErrInputEnded.
func (u *UI) readLine() (string, error) {
	fmt.Fprint(u.out, "> ")
	s, err := u.in.ReadString('\n')
	if err != nil && (s == "" || !errors.Is(err, io.EOF)) {
		fmt.Fprintln(u.out)
		return "", ui.ErrInputEnded
	}
	s = strings.TrimRight(s, "\r\n")
	if u.isExit(s) {
		if session.IsTerminal(u.out) {
			fmt.Fprint(u.out, clearAll)
		}
		return "", ui.ErrQuickExit
	}
	if len(s) > plan.MaxText {
		return s, nil // refused by the caller's check
	}
	return strings.TrimSpace(plan.CleanLine(s)), nil
}

// ask reads lines until check accepts one; check returns a message to show
// when it does not.
func (u *UI) ask(check func(string) error) (string, error) {
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

// parseNumbers reads a list of numbers from 1 to n ("1 3", "1,3").
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
func (u *UI) choose(options []string, def int) (int, error) {
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

// Notice writes the message on its own line.
func (u *UI) Notice(msg string) {
	u.begin()
	fmt.Fprintln(u.out, msg)
}

// Busy says what takes a moment, on its own line, when a person is
// there to read it (not into a pipe).
func (u *UI) Busy(msg string) {
	if session.IsTerminal(u.out) {
		u.begin()
		fmt.Fprintln(u.out, msg)
	}
}

// Close ends the plain prompts. On a terminal, what was written is left
// to read until Enter, then cleared with the scrollback; into a pipe or
// a file, nothing more is written.
func (u *UI) Close() {
	if !u.begun || !session.IsTerminal(u.out) || !session.IsTerminal(u.e.Stdin) {
		return
	}
	fmt.Fprintln(u.out)
	fmt.Fprint(u.out, u.t("access.clear-on-close")+" ")
	_, _ = u.in.ReadString('\n')
	fmt.Fprint(u.out, clearAll)
}

// Page asks the questions of one section, one after the other.
func (u *UI) Page(pg ui.Page, vals []*ui.Answer) (ui.Step, error) {
	u.begin()
	t := u.t
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, t("wizard.progress", "Plan", t(plan.KindTitleKey(pg.Plan.Kind)), "Section", t(pg.Section.TitleKey()), "Part", pg.Index+1, "Parts", pg.Total))
	fmt.Fprintln(u.out, t(pg.Section.IntroKey()))
	for n, v := range vals {
		fmt.Fprintln(u.out)
		fmt.Fprintf(u.out, "%d. %s\n", n+1, t(v.Q.TitleKey()))
		fmt.Fprintln(u.out, "   "+t(v.Q.HelpKey()))
		if err := u.question(pg.Binder, v); err != nil {
			return ui.Next, err
		}
	}
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, t("plain.end-of-page"))
	k, err := u.choose([]string{t("nav.next"), t("nav.back"), t(pg.StopKey())}, 0)
	return ui.Step(k), err
}

// question asks one question and fills in v.
func (u *UI) question(b *plan.Binder, v *ui.Answer) error {
	t := u.t
	var err error
	switch v.Q.Kind {
	case plan.Text:
		v.Text, err = u.text(v.Text)
		return err
	case plan.YesNo:
		def := map[string]int{"yes": 0, "no": 1, "": 2}[v.Yes]
		if v.NotApply {
			def = 3
		}
		fmt.Fprintln(u.out, "   "+t("plain.enter-keeps"))
		k, err := u.choose([]string{t("answer.yes"), t("answer.no"), t("answer.not-now"), t("progress.not-apply-option")}, def)
		if err != nil {
			return err
		}
		v.NotApply = k == 3
		v.Yes = []string{"yes", "no", "", ""}[k]
	case plan.Choice:
		opts := make([]string, 0, len(v.Q.Options)+1)
		def := len(v.Q.Options)
		for i, o := range v.Q.Options {
			opts = append(opts, t(v.Q.OptionKey(o)))
			if o == v.Choice {
				def = i
			}
		}
		if v.NotApply {
			def = len(v.Q.Options) + 1
		}
		fmt.Fprintln(u.out, "   "+t("plain.enter-keeps"))
		k, err := u.choose(append(opts, t("answer.not-now"), t("progress.not-apply-option")), def)
		if err != nil {
			return err
		}
		v.Choice = ""
		v.NotApply = k == len(v.Q.Options)+1
		if k < len(v.Q.Options) {
			v.Choice = v.Q.Options[k]
		}
	case plan.Checklist:
		var labels []string
		for _, o := range v.Q.Options {
			labels = append(labels, t(v.Q.OptionKey(o)))
		}
		picked, err := u.pickMany(labels, indexes(v.Q.Options, v.Checked), false, &v.NotApply)
		if err != nil {
			return err
		}
		v.Checked = pickIDs(v.Q.Options, picked)
	case plan.Contacts, plan.Learn:
		var ids, labels []string
		for _, c := range b.Contacts {
			if v.Q.Kind == plan.Learn && len(c.Phones) == 0 {
				continue
			}
			ids = append(ids, c.ID)
			labels = append(labels, ui.ContactLabel(u.e, c))
		}
		if v.Q.Kind == plan.Learn && len(ids) == 0 {
			fmt.Fprintln(u.out, "   "+t("wizard.no-numbers"))
			return nil
		}
		var na *bool
		if v.Q.Kind == plan.Contacts {
			na = &v.NotApply
		}
		picked, err := u.pickMany(labels, indexes(ids, v.Contacts), v.Q.Kind == plan.Contacts, na)
		if err != nil {
			return err
		}
		v.Contacts = pickIDs(ids, picked)
		if slices.Contains(picked, len(ids)) {
			v.Contacts = append(v.Contacts, ui.NewContactID)
		}
		if slices.Contains(picked, len(ids)+1) {
			v.Contacts = append(v.Contacts, ui.FromDirectoryID)
		}
	}
	if v.Q.Kind == plan.Learn {
		return nil
	}
	fmt.Fprintln(u.out, "   "+t("access.note-for", "Question", t(v.Q.TitleKey())))
	v.Text, err = u.text(v.Text)
	return err
}

// text reads a one-line text answer: Enter keeps what is there, "-"
// clears it.
func (u *UI) text(now string) (string, error) {
	if now != "" {
		fmt.Fprintln(u.out, "   "+u.t("plain.now", "Answer", strings.ReplaceAll(now, "\n", " / ")))
		fmt.Fprintln(u.out, "   "+u.t("plain.keep-or-clear"))
	} else {
		fmt.Fprintln(u.out, "   "+u.t("plain.type-or-skip"))
	}
	s, err := u.ask(ui.CheckText(u.e))
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
// the numbers picked. With addNew, two more options are "someone new"
// (index len(labels)) and "from the list of organisations". With na, the
// last option is "doesn't apply to me": picked, it is the whole answer
// (*na is set, nothing else is picked).
func (u *UI) pickMany(labels []string, now []int, addNew bool, na *bool) ([]int, error) {
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
	naAt := -1 // the index of "doesn't apply", if offered
	if na != nil {
		naAt = n
		n++
		mark := " "
		if *na {
			mark = "*"
		}
		fmt.Fprintf(u.out, "  %s%d) %s\n", mark, n, u.t("progress.not-apply-option"))
	}
	if len(now) > 0 {
		fmt.Fprintln(u.out, "   "+u.t("plain.pick-many-keep"))
	} else {
		fmt.Fprintln(u.out, "   "+u.t("plain.pick-many"))
	}
	var got []int
	cleared := false
	_, err := u.ask(func(s string) error {
		switch s {
		case "":
			got = now
			return nil
		case "-":
			got, cleared = nil, true
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
	if na != nil && err == nil {
		switch {
		case slices.Contains(got, naAt):
			*na, got = true, nil // it does not apply: nothing else is picked
		case len(got) > 0, cleared:
			*na = false
		}
	}
	return got, err
}

// NewContact asks for a new person: name, number, whether they agreed,
// whether to learn the number by heart, and then what the card shows
// instead of the name.
func (u *UI) NewContact(role plan.Role) (plan.Contact, bool, error) {
	u.begin()
	t := u.t
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, t("contact.new-title"))
	if role != "" {
		fmt.Fprintln(u.out, t("contact.role", "Role", t(plan.RoleKey(role))))
	}
	fmt.Fprintln(u.out, t("contact.name"))
	fmt.Fprintln(u.out, "   "+t("contact.name-help"))
	name, err := u.ask(ui.CheckName(u.e))
	if err != nil || name == "" {
		return plan.Contact{}, false, err
	}
	c := plan.Contact{Name: name}
	fmt.Fprintln(u.out, t("contact.phone"))
	fmt.Fprintln(u.out, "   "+t("contact.phone-help"))
	num, err := u.ask(ui.CheckPhone(u.e))
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
	if c.Learn {
		// Last and optional: Enter keeps the name on the card.
		fmt.Fprintln(u.out, t("contact.card-name"))
		fmt.Fprintln(u.out, "   "+t("contact.card-name-help"))
		cn, err := u.ask(ui.CheckCardName(u.e))
		if err != nil {
			return c, false, err
		}
		c.CardName = cn
	}
	return c, true, nil
}

// Summary writes the plan and asks whether to finish.
func (u *UI) Summary(title, text string) (bool, error) {
	u.begin()
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, title)
	fmt.Fprint(u.out, text)
	fmt.Fprintln(u.out)
	k, err := u.choose([]string{u.t("nav.finish"), u.t("nav.back")}, 0)
	return k == 0, err
}

// Menu writes the title and numbered options and reads one.
func (u *UI) Menu(header, title string, options []string) (int, error) {
	u.begin()
	fmt.Fprintln(u.out)
	if header != "" && header != "pathway" && header != title {
		// What the choice is for (the question an organisation is
		// picked for), on its own line.
		fmt.Fprintln(u.out, header)
	}
	fmt.Fprintln(u.out, title)
	for {
		k, err := u.choose(options, -1)
		if err != nil || k >= 0 {
			return k, err
		}
		fmt.Fprintln(u.out, "  ! "+u.t("plain.pick-one", "Max", len(options)))
	}
}

// Show writes the header and the text.
func (u *UI) Show(header, text string) error {
	u.begin()
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, header)
	fmt.Fprintln(u.out, text)
	return nil
}

// Secret reads a passphrase on the terminal, without echo: never from
// the piped answers.
func (u *UI) Secret(header, title, help string, check func(string) error) (string, error) {
	u.begin()
	if help != "" {
		fmt.Fprintln(u.out, help)
	}
	for {
		p, err := session.TTY{E: u.e}.Secret(header, title, "", nil)
		if err != nil {
			return "", err
		}
		if check != nil {
			if err := check(p); err != nil {
				fmt.Fprintln(u.out, "  ! "+err.Error())
				continue
			}
		}
		return p, nil
	}
}

// Line writes the title and help and reads a line.
func (u *UI) Line(header, title, help string) (string, error) {
	u.begin()
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, title)
	if help != "" {
		fmt.Fprintln(u.out, "   "+help)
	}
	return u.ask(ui.CheckText(u.e))
}

// Pick writes the title and numbered options and reads the numbers picked.
func (u *UI) Pick(header, title string, options []string) ([]int, error) {
	u.begin()
	fmt.Fprintln(u.out)
	fmt.Fprintln(u.out, title)
	return u.pickMany(options, nil, false, nil)
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
