package tui

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/plan"
	"pathway/wrap"
)

// The alternate screen, entered and left.
const (
	altScreenOn  = "\x1b[?1049h"
	altScreenOff = "\x1b[?1049l"
)

// UI is the full-screen interface.
type UI struct {
	e         *env.Env
	in        io.Reader
	out       io.Writer
	lockAfter time.Duration
	theme     *huh.Theme

	// held is the terminal's state before pathway held it between two
	// screens (alternate screen, no echo); nil when not held.
	held *term.State
	// cursors is where each menu's cursor was left, by its options.
	cursors map[string]int
}

var _ ui.UI = (*UI)(nil)

// New returns the full-screen interface on e's standard input and output;
// lockAfter, if not zero, closes it after that long without a key.
func New(e *env.Env, lockAfter time.Duration) *UI {
	if e.Getenv("NO_COLOR") != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	return &UI{e: e, in: e.Stdin, out: e.Stdout, lockAfter: lockAfter, theme: huh.ThemeBase16()}
}

// hold keeps the terminal in the alternate screen with its echo off
// between two screens, and writes msg there if not empty: keys typed
// while pathway opens or saves are neither shown nor kept.
func (u *UI) hold(msg string) {
	if f, ok := u.in.(*os.File); ok && u.held == nil && term.IsTerminal(int(f.Fd())) {
		if st, err := term.MakeRaw(int(f.Fd())); err == nil {
			u.held = st
		}
	}
	fmt.Fprint(u.out, altScreenOn+"\x1b[H\x1b[2J")
	if msg != "" {
		fmt.Fprint(u.out, "\r\n  "+msg+"\r\n")
	}
}

// release gives the terminal back as it was, throwing away what was typed
// while it was held, before the next screen starts.
func (u *UI) release() {
	f, ok := u.in.(*os.File)
	if !ok || u.held == nil {
		return
	}
	flushInput(int(f.Fd()))
	_ = term.Restore(int(f.Fd()), u.held)
	u.held = nil
}

// Busy shows msg in the alternate screen until the next screen.
func (u *UI) Busy(msg string) { u.hold(msg) }

// Close clears the screen and the scrollback and gives the terminal back.
func (u *UI) Close() {
	u.release()
	fmt.Fprint(u.out, ClearAll+altScreenOff+ClearAll)
}

// run shows one screen and returns how it ended. A quick exit or a timeout
// clears the screen and the scrollback and is returned as an error.
func (u *UI) run(header string, inner tea.Model, first huh.Field) (Outcome, error) {
	return u.runScreen(u.screen(header, inner, first))
}

// runScreen is run for a screen made already.
func (u *UI) runScreen(s *Screen) (Outcome, error) {
	u.release()
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithInput(u.in), tea.WithOutput(u.out)}
	_, err := tea.NewProgram(s, opts...).Run()
	if err != nil {
		u.Close()
		return Quick, fmt.Errorf("terminal: %w", err)
	}
	switch s.result {
	case Quick:
		u.Close()
		return Quick, ui.ErrQuickExit
	case Timeout:
		u.Close()
		return Timeout, ui.ErrTimedOut
	}
	u.hold("")
	return s.result, nil
}

// screen wraps a model in pathway's screen.
func (u *UI) screen(header string, inner tea.Model, first huh.Field) *Screen {
	return &Screen{inner: inner, header: header, first: first, lockAfter: u.lockAfter,
		footer: u.e.T("key.quick-exit"), armedHint: u.e.T("key.quick-exit-armed"),
		countdown: func(n int) string { return u.e.T("access.lock-countdown", "Seconds", n) }}
}

// form makes a huh form of one group with pathway's keys and theme.
func (u *UI) form(g *huh.Group) *huh.Form {
	return huh.NewForm(g).WithKeyMap(keyMap(u.e)).WithTheme(u.theme).WithShowHelp(true)
}

// Notice shows msg on a screen of its own, until the person goes on: a
// result or an error is never written where it cannot be seen.
func (u *UI) Notice(msg string) {
	_, _ = u.run("pathway", newPager(msg, u.e.T("pager.continue")), nil)
}

// Page asks the questions of one section on one screen. Enter on "+ Add
// someone new" (or "+ From the list of organisations") ends the page at
// once with ui.Add, that person's answer marked, so that the person is
// added and offered on this very page. A list has no note field under it
// until the person asks for one ("✎ Add a note"): the page then comes
// back with the note field, in focus.
func (u *UI) Page(pg ui.Page, vals []*ui.Answer) (ui.Step, error) {
	withNote := map[*ui.Answer]bool{}
	noteFocus := ""
	for {
		pf := u.pageForm(pg, vals, withNote)
		byField := pf.byField
		s := u.screen(u.pageHeader(pg), pf.form, pf.fields[0])
		s.skip = pf.focusIndex(pg.Focus)
		if noteFocus != "" {
			s.skip = pf.noteIndex(noteFocus)
		}
		var adding, noting *ui.Answer
		var marker string
		s.onEnter = func(f huh.Field) bool {
			ms, ok := f.(*huh.MultiSelect[string])
			v := byField[f]
			if !ok || v == nil {
				return false
			}
			h, ok := ms.Hovered()
			switch {
			case ok && (h == ui.NewContactID || h == ui.FromDirectoryID):
				adding, marker = v, h
				return true
			case ok && h == noteValue:
				noting = v
				return true
			}
			return false
		}
		out, err := u.runScreen(s)
		for _, v := range vals {
			if fromForm(v) && noting == nil {
				noting = v // "✎ Add a note" ticked with x
			}
		}
		if err != nil {
			return ui.Next, err
		}
		if out == Add && adding != nil {
			if !slices.Contains(adding.Contacts, marker) {
				adding.Contacts = append(adding.Contacts, marker)
			}
			return ui.Add, nil
		}
		if noting != nil && !withNote[noting] {
			withNote[noting], noteFocus, pg.Focus, pg.Said = true, noting.Q.ID, "", ""
			continue
		}
		if out == Back {
			return ui.Back, nil
		}
		return map[string]ui.Step{"next": ui.Next, "back": ui.Back, "stop": ui.Stop}[*pf.nav], nil
	}
}

// noteValue stands in a list's value for "✎ Add a note".
const noteValue = "+note"

// notApplyValue stands in a list's value for "does not apply to me".
const notApplyValue = "+na"

// toForm puts "does not apply" where the form's fields show it.
func toForm(v *ui.Answer) {
	if !v.NotApply {
		return
	}
	switch v.Q.Kind {
	case plan.YesNo:
		v.Yes = notApplyValue
	case plan.Choice:
		v.Choice = notApplyValue
	case plan.Checklist:
		v.Checked = []string{notApplyValue}
	case plan.Contacts:
		v.Contacts = []string{notApplyValue}
	case plan.Text:
		v.TextNA = notApplyValue
	}
}

// fromForm reads "does not apply" back from the form's values, and
// reports whether "✎ Add a note" was ticked.
func fromForm(v *ui.Answer) (note bool) {
	note = slices.Contains(v.Checked, noteValue) || slices.Contains(v.Contacts, noteValue)
	v.Checked = slices.DeleteFunc(v.Checked, func(s string) bool { return s == noteValue })
	v.Contacts = slices.DeleteFunc(v.Contacts, func(s string) bool { return s == noteValue })
	na := v.Yes == notApplyValue || v.Choice == notApplyValue || v.TextNA == notApplyValue ||
		slices.Contains(v.Checked, notApplyValue) || slices.Contains(v.Contacts, notApplyValue)
	v.NotApply = na
	if v.Yes == notApplyValue {
		v.Yes = ""
	}
	if v.Choice == notApplyValue {
		v.Choice = ""
	}
	v.TextNA = ""
	v.Checked = slices.DeleteFunc(v.Checked, func(s string) bool { return s == notApplyValue })
	v.Contacts = slices.DeleteFunc(v.Contacts, func(s string) bool { return s == notApplyValue })
	if len(v.Checked) > 0 || len(v.Contacts) > 0 {
		// Someone or something picked as well: that is the answer, and
		// nothing picked is thrown away.
		v.NotApply = false
	}
	return note
}

// focusIndex is how many fields down the form's focus must move to reach
// what follows question id (the next question, or "Then:"); 0 if id is
// empty or not on the page.
func (pf pageForm) focusIndex(id string) int {
	for i, f := range pf.fields {
		if v := pf.byField[f]; id != "" && v != nil && v.Q.ID == id {
			j := i + 1
			for j < len(pf.fields)-1 && pf.byField[pf.fields[j]] == nil {
				j++ // its note
			}
			return j
		}
	}
	return 0
}

// noteIndex is the index of the note field of question id.
func (pf pageForm) noteIndex(id string) int {
	for i, f := range pf.fields {
		if v := pf.byField[f]; v != nil && v.Q.ID == id {
			return min(i+1, len(pf.fields)-1)
		}
	}
	return 0
}

// pageForm is the form of one page and what is needed to read it.
type pageForm struct {
	form    *huh.Form
	fields  []huh.Field              // in order, the last one "Then:"
	nav     *string                  // where to go next: "next", "back" or "stop"
	byField map[huh.Field]*ui.Answer // the answer each question's first field belongs to
}

// pageHeader is the progress line of a page.
func (u *UI) pageHeader(pg ui.Page) string {
	T := u.e.T
	return T("wizard.progress", "Plan", T(plan.KindTitleKey(pg.Plan.Kind)), "Section", T(pg.Section.TitleKey()), "Part", pg.Index+1, "Parts", pg.Total)
}

// pageForm makes the form of one page: the fields of every question, then
// where to go next.
func (u *UI) pageForm(pg ui.Page, vals []*ui.Answer, withNote map[*ui.Answer]bool) pageForm {
	T := u.e.T
	var fields []huh.Field
	byField := map[huh.Field]*ui.Answer{}
	for _, v := range vals {
		toForm(v)
		fs := u.fields(pg.Binder, v, withNote[v])
		if len(fs) > 0 {
			byField[fs[0]] = v
		}
		fields = append(fields, fs...)
	}
	nav := "next"
	fields = append(fields, huh.NewSelect[string]().
		Title(T("nav.title")).
		Options(huh.NewOption(T("nav.next"), "next"), huh.NewOption(T("nav.back"), "back"), huh.NewOption(T(pg.StopKey()), "stop")).
		Value(&nav))
	intro := T(pg.Section.IntroKey())
	if pg.Said != "" {
		intro = "✓ " + pg.Said
	}
	g := huh.NewGroup(fields...).Title(T(pg.Section.TitleKey())).Description(intro)
	return pageForm{form: u.form(g), fields: fields, nav: &nav, byField: byField}
}

// listHeight is the height of a list field with title, help and n
// options, such that at least three options (or all, if fewer) stay in
// sight at 80×24 however long the help: huh counts the title and the help
// in a list's height, so a fixed height let a long help push the options
// out of view.
func listHeight(title, help string, n int) int {
	lines := func(s string) int { return max(1, len(wrap.Cells(s, listWidth))) }
	rows := min(n, 6)
	return lines(title) + lines(help) + max(rows, min(n, 3))
}

// listWidth is the narrowest a list's help is wrapped to at 80 columns
// (the screen's padding and huh's bar taken off), a little less to be
// safe: more lines counted only gives one more row.
const listWidth = 70

// shortHelp keeps a help text to at most four lines at 80 columns, so
// that the list under it keeps its rows; the rest is cut, said with "…".
func shortHelp(help string) string {
	parts := wrap.Cells(help, listWidth)
	if len(parts) <= 4 {
		return help
	}
	return strings.Join(parts[:4], " ") + " …"
}

// fields makes the huh fields of one question. A list (of people, or a
// checklist) has its note field only if it has a note, or one was asked
// for (withNote); otherwise "✎ Add a note" is its last option: Enter
// through the page is one key per list, not two.
func (u *UI) fields(b *plan.Binder, v *ui.Answer, withNote bool) []huh.Field {
	T := u.e.T
	checkText := ui.CheckText(u.e)
	title, help := T(v.Q.TitleKey()), shortHelp(T(v.Q.HelpKey()))
	note := func() huh.Field {
		return huh.NewInput().Title(T("wizard.note")).Value(&v.Text).
			CharLimit(plan.MaxText + 1).Validate(checkText)
	}
	notApply := T("progress.not-apply-option")
	switch v.Q.Kind {
	case plan.Text:
		fs := []huh.Field{huh.NewText().Title(title).Description(help).Value(&v.Text).
			ExternalEditor(false).Lines(3).CharLimit(plan.MaxText + 1).Validate(checkText)}
		if v.Q.Essential {
			// The check-up asks for an essential until it is answered:
			// "does not apply" stops it.
			fs = append(fs, huh.NewSelect[string]().Title(T("progress.not-apply-title")).
				Options(huh.NewOption(T("progress.skip-option"), ""), huh.NewOption(notApply, notApplyValue)).
				Value(&v.TextNA))
		}
		return fs
	case plan.YesNo:
		return []huh.Field{huh.NewSelect[string]().Title(title).Description(help).
			Options(huh.NewOption(T("answer.yes"), "yes"), huh.NewOption(T("answer.no"), "no"),
				huh.NewOption(notApply, notApplyValue), huh.NewOption(T("progress.skip-option"), "")).
			Value(&v.Yes), note()}
	case plan.Choice:
		var opts []huh.Option[string]
		for _, o := range v.Q.Options {
			opts = append(opts, huh.NewOption(T(v.Q.OptionKey(o)), o))
		}
		opts = append(opts, huh.NewOption(notApply, notApplyValue), huh.NewOption(T("progress.skip-option"), ""))
		return []huh.Field{huh.NewSelect[string]().Title(title).Description(help).Options(opts...).Value(&v.Choice), note()}
	case plan.Checklist:
		var opts []huh.Option[string]
		for _, o := range v.Q.Options {
			opts = append(opts, huh.NewOption(T(v.Q.OptionKey(o)), o))
		}
		opts = append(opts, huh.NewOption(notApply, notApplyValue))
		noted := withNote || v.Text != ""
		if !noted {
			opts = append(opts, huh.NewOption(T("progress.add-note"), noteValue))
		}
		fs := []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
			Filterable(false).Height(listHeight(title, help, len(opts))).Value(&v.Checked)}
		if noted {
			fs = append(fs, note())
		}
		return fs
	case plan.Contacts, plan.Learn:
		var opts []huh.Option[string]
		for _, c := range b.Contacts {
			if v.Q.Kind == plan.Learn && len(c.Phones) == 0 {
				continue
			}
			opts = append(opts, huh.NewOption(ui.ContactLabel(u.e, c), c.ID))
		}
		if v.Q.Kind == plan.Learn {
			if len(opts) == 0 {
				return []huh.Field{huh.NewNote().Title(title).Description(T("wizard.no-numbers"))}
			}
			return []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
				Filterable(false).Height(listHeight(title, help, len(opts))).Value(&v.Contacts)}
		}
		add := []huh.Option[string]{huh.NewOption(T("wizard.add-someone"), ui.NewContactID),
			huh.NewOption(T("wizard.from-directory"), ui.FromDirectoryID)}
		if len(opts) == 0 {
			// "+ Add someone new" is never first, where the cursor starts:
			// Enter through a page must not add anyone. With no one in
			// the plans yet, "Does not apply" comes first.
			opts = append([]huh.Option[string]{huh.NewOption(notApply, notApplyValue)}, add...)
		} else {
			opts = append(append(opts, add...), huh.NewOption(notApply, notApplyValue))
		}
		noted := withNote || v.Text != ""
		if !noted {
			opts = append(opts, huh.NewOption(T("progress.add-note"), noteValue))
		}
		fs := []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
			Filterable(false).Height(listHeight(title, help, len(opts))).Value(&v.Contacts)}
		if noted {
			fs = append(fs, note())
		}
		return fs
	}
	return nil
}

// NewContact asks for a new person on one screen.
func (u *UI) NewContact(role plan.Role) (plan.Contact, bool, error) {
	T := u.e.T
	var name, phone, agreed, learn, cardName string
	agreed, learn = "no", "no"
	desc := ""
	if role != "" {
		desc = T("contact.role", "Role", T(plan.RoleKey(role)))
	}
	fields := []huh.Field{
		huh.NewInput().Title(T("contact.name")).Description(T("contact.name-help")).Value(&name).
			CharLimit(200).Validate(ui.CheckName(u.e)),
		huh.NewInput().Title(T("contact.phone")).Description(T("contact.phone-help")).Value(&phone).
			CharLimit(64).Validate(ui.CheckPhone(u.e)),
		huh.NewSelect[string]().Title(T("contact.agreed")).
			Options(huh.NewOption(T("answer.yes"), "yes"), huh.NewOption(T("contact.not-yet"), "no")).Value(&agreed),
		huh.NewSelect[string]().Title(T("contact.learn")).
			Options(huh.NewOption(T("answer.yes"), "yes"), huh.NewOption(T("answer.no"), "no")).Value(&learn),
		huh.NewInput().Title(T("contact.card-name")).Description(T("contact.card-name-help")).Value(&cardName).
			CharLimit(plan.MaxCardName).Validate(ui.CheckCardName(u.e)),
	}
	g := huh.NewGroup(fields...).Title(T("contact.new-title")).Description(desc)
	out, err := u.run(T("contact.new-title"), u.form(g), fields[0])
	if err != nil || out == Back {
		return plan.Contact{}, false, err
	}
	name = plan.CleanLine(name)
	if name == "" {
		return plan.Contact{}, false, nil
	}
	c := plan.Contact{Name: name, Agreed: agreed == "yes", CardName: plan.CleanLine(cardName)}
	if p, err := plan.ParsePhone(phone); err == nil {
		c.Phones = []plan.Phone{p}
		c.Learn = learn == "yes"
	}
	return c, true, nil
}

// Summary shows the plan in a pager; Enter finishes, shift+tab goes back.
func (u *UI) Summary(title, text string) (bool, error) {
	out, err := u.run(title, newPager(text, u.e.T("pager.finish")), nil)
	if err != nil {
		return false, err
	}
	return out == Done, nil
}

// Pick shows options with boxes to tick.
func (u *UI) Pick(header, title string, options []string) ([]int, error) {
	var picked []int
	var opts []huh.Option[int]
	for i, o := range options {
		opts = append(opts, huh.NewOption(o, i))
	}
	ms := huh.NewMultiSelect[int]().Title(title).Options(opts...).Filterable(false).Value(&picked)
	if _, err := u.run(header, u.form(huh.NewGroup(ms)), nil); err != nil {
		return nil, err
	}
	return picked, nil
}

// Menu shows options to pick one from. The cursor starts where it was
// left the last time the same options were shown (the home menu, after
// an action, comes back with the cursor on that action).
func (u *UI) Menu(header, title string, options []string) (int, error) {
	if u.cursors == nil {
		u.cursors = map[string]int{}
	}
	same := strings.Join(options, "\x00")
	k := u.cursors[same]
	defer func() { u.cursors[same] = k }()
	var opts []huh.Option[int]
	for i, o := range options {
		opts = append(opts, huh.NewOption(o, i))
	}
	sel := huh.NewSelect[int]().Title(title).Options(opts...).Value(&k)
	for {
		out, err := u.run(header, u.form(huh.NewGroup(sel)), nil)
		if err != nil {
			return 0, err
		}
		if out == Done {
			return k, nil
		}
	}
}

// Show shows a long text in a pager.
func (u *UI) Show(header, text string) error {
	_, err := u.run(header, newPager(text, u.e.T("pager.continue")), nil)
	return err
}

// Secret asks for a passphrase, hidden.
func (u *UI) Secret(header, title, help string, check func(string) error) (string, error) {
	var p string
	in := huh.NewInput().Title(title).Description(help).EchoMode(huh.EchoModePassword).
		CharLimit(session.MaxPassphrase + 1).Value(&p)
	if check != nil {
		in.Validate(check)
	}
	if _, err := u.run(header, u.form(huh.NewGroup(in)), nil); err != nil {
		return "", err
	}
	return p, nil
}

// Line asks for one line of text.
func (u *UI) Line(header, title, help string) (string, error) {
	var s string
	in := huh.NewInput().Title(title).Description(help).CharLimit(plan.MaxText + 1).
		Validate(ui.CheckText(u.e)).Value(&s)
	if _, err := u.run(header, u.form(huh.NewGroup(in)), nil); err != nil {
		return "", err
	}
	return plan.CleanLine(s), nil
}
