package tui

import (
	"fmt"
	"io"
	"os"
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
	s := u.screen(header, inner, first)
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

// Page asks the questions of one section on one screen.
func (u *UI) Page(pg ui.Page, vals []*ui.Answer) (ui.Step, error) {
	form, first, nav := u.pageForm(pg, vals)
	out, err := u.run(u.pageHeader(pg), form, first)
	if err != nil {
		return ui.Next, err
	}
	if out == Back {
		return ui.Back, nil
	}
	return map[string]ui.Step{"next": ui.Next, "back": ui.Back, "stop": ui.Stop}[*nav], nil
}

// pageHeader is the progress line of a page.
func (u *UI) pageHeader(pg ui.Page) string {
	T := u.e.T
	return T("wizard.progress", "Plan", T(plan.KindTitleKey(pg.Plan.Kind)), "Section", T(pg.Section.TitleKey()), "Part", pg.Index+1, "Parts", pg.Total)
}

// pageForm makes the form of one page: the fields of every question, then
// where to go next. It returns the form, its first field, and where the
// choice of what next is stored.
func (u *UI) pageForm(pg ui.Page, vals []*ui.Answer) (*huh.Form, huh.Field, *string) {
	T := u.e.T
	var fields []huh.Field
	for _, v := range vals {
		fields = append(fields, u.fields(pg.Binder, v)...)
	}
	nav := "next"
	fields = append(fields, huh.NewSelect[string]().
		Title(T("nav.title")).
		Options(huh.NewOption(T("nav.next"), "next"), huh.NewOption(T("nav.back"), "back"), huh.NewOption(T(pg.StopKey()), "stop")).
		Value(&nav))
	g := huh.NewGroup(fields...).Title(T(pg.Section.TitleKey())).Description(T(pg.Section.IntroKey()))
	return u.form(g), fields[0], &nav
}

// fields makes the huh fields of one question.
func (u *UI) fields(b *plan.Binder, v *ui.Answer) []huh.Field {
	T := u.e.T
	checkText := ui.CheckText(u.e)
	title, help := T(v.Q.TitleKey()), T(v.Q.HelpKey())
	note := func() huh.Field {
		return huh.NewInput().Title(T("wizard.note")).Value(&v.Text).
			CharLimit(plan.MaxText + 1).Validate(checkText)
	}
	switch v.Q.Kind {
	case plan.Text:
		return []huh.Field{huh.NewText().Title(title).Description(help).Value(&v.Text).
			ExternalEditor(false).Lines(3).CharLimit(plan.MaxText + 1).Validate(checkText)}
	case plan.YesNo:
		return []huh.Field{huh.NewSelect[string]().Title(title).Description(help).
			Options(huh.NewOption(T("answer.yes"), "yes"), huh.NewOption(T("answer.no"), "no"), huh.NewOption(T("answer.not-now"), "")).
			Value(&v.Yes), note()}
	case plan.Choice:
		var opts []huh.Option[string]
		for _, o := range v.Q.Options {
			opts = append(opts, huh.NewOption(T(v.Q.OptionKey(o)), o))
		}
		opts = append(opts, huh.NewOption(T("answer.not-now"), ""))
		return []huh.Field{huh.NewSelect[string]().Title(title).Description(help).Options(opts...).Value(&v.Choice), note()}
	case plan.Checklist:
		var opts []huh.Option[string]
		for _, o := range v.Q.Options {
			opts = append(opts, huh.NewOption(T(v.Q.OptionKey(o)), o))
		}
		return []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
			Filterable(false).Value(&v.Checked), note()}
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
				Filterable(false).Height(min(len(opts)+2, 9)).Value(&v.Contacts)}
		}
		opts = append(opts, huh.NewOption(T("wizard.add-someone"), ui.NewContactID),
			huh.NewOption(T("wizard.from-directory"), ui.FromDirectoryID))
		return []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
			Filterable(false).Height(min(len(opts)+2, 9)).Value(&v.Contacts), note()}
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

// Menu shows options to pick one from.
func (u *UI) Menu(header, title string, options []string) (int, error) {
	k := 0
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
