package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"pathway/plan"
)

// clearAll clears the screen, then the scrollback: in the other order some
// terminals (tmux among them) push the cleared screen into the scrollback.
const clearAll = "\x1b[H\x1b[2J\x1b[3J"

// quickExitWindow is how soon the second Esc must follow the first.
const quickExitWindow = 2 * time.Second

// tuiUI asks the questions in full-screen forms (huh), in the terminal's
// alternate screen so that no answer ever reaches the scrollback.
type tuiUI struct {
	a         *app
	in        io.Reader
	out       io.Writer
	lockAfter time.Duration
	keymap    *huh.KeyMap
	theme     *huh.Theme
}

func (a *app) newTUI(lockAfter time.Duration) *tuiUI {
	if a.getenv("NO_COLOR") != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	return &tuiUI{a: a, in: a.stdin, out: a.stdout, lockAfter: lockAfter,
		keymap: a.keyMap(), theme: huh.ThemeBase16()}
}

// keyMap is huh's key map with pathway's choices: help in the person's
// language, no external editor, no filtering (so that Esc is free for the
// quick exit), and Ctrl-C left to the quick exit as well.
func (a *app) keyMap() *huh.KeyMap {
	T := a.loc.T
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false)
	back, next, submit := T("key.back"), T("key.next"), T("key.next")
	for _, b := range []*key.Binding{&km.Input.Prev, &km.Text.Prev, &km.Select.Prev, &km.MultiSelect.Prev, &km.Note.Prev, &km.Confirm.Prev} {
		b.SetHelp("shift+tab", back)
	}
	for _, b := range []*key.Binding{&km.Input.Next, &km.Text.Next, &km.Select.Next, &km.MultiSelect.Next, &km.Note.Next, &km.Confirm.Next} {
		b.SetHelp("enter", next)
	}
	for _, b := range []*key.Binding{&km.Input.Submit, &km.Text.Submit, &km.Select.Submit, &km.MultiSelect.Submit, &km.Note.Submit, &km.Confirm.Submit} {
		b.SetHelp("enter", submit)
	}
	km.Text.NewLine.SetHelp("alt+enter", T("key.new-line"))
	km.Text.Editor.SetEnabled(false)
	km.Input.AcceptSuggestion.SetEnabled(false)
	km.Select.Up.SetHelp("↑", T("key.up"))
	km.Select.Down.SetHelp("↓", T("key.down"))
	km.MultiSelect.Up.SetHelp("↑", T("key.up"))
	km.MultiSelect.Down.SetHelp("↓", T("key.down"))
	km.MultiSelect.Toggle.SetHelp("x", T("key.toggle"))
	km.MultiSelect.SelectAll.SetHelp("ctrl+a", T("key.select-all"))
	km.MultiSelect.SelectNone.SetHelp("ctrl+a", T("key.select-none"))
	for _, b := range []*key.Binding{&km.Select.Filter, &km.Select.SetFilter, &km.Select.ClearFilter,
		&km.MultiSelect.Filter, &km.MultiSelect.SetFilter, &km.MultiSelect.ClearFilter,
		&km.Select.HalfPageUp, &km.Select.HalfPageDown,
		&km.MultiSelect.HalfPageUp, &km.MultiSelect.HalfPageDown, &km.Select.GotoTop, &km.Select.GotoBottom,
		&km.MultiSelect.GotoTop, &km.MultiSelect.GotoBottom} {
		b.SetEnabled(false)
	}
	return km
}

// outcome is how a screen ended.
type outcome int

const (
	done    outcome = iota // the form was completed
	back                   // shift+tab on the first field
	quick                  // the quick-exit key
	timeout                // no key for lockAfter
)

// screen wraps a model (a huh form, or a pager) with what every screen of
// pathway has: a header line, the quick-exit keys, the timeout lock.
type screen struct {
	inner     tea.Model
	header    string
	footer    string
	armedHint string
	first     huh.Field // shift+tab here means "back"
	lockAfter time.Duration

	lastKey time.Time
	armed   time.Time
	result  outcome
	height  int
}

type tickMsg time.Time

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

func (s *screen) Init() tea.Cmd {
	s.lastKey = time.Now()
	return tea.Batch(s.inner.Init(), tick(), tea.ClearScreen)
}

func (s *screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		s.lastKey = time.Now()
		switch msg.String() {
		case "ctrl+c":
			s.result = quick
			return s, tea.Quit
		case "esc":
			if !s.armed.IsZero() && time.Since(s.armed) < quickExitWindow {
				s.result = quick
				return s, tea.Quit
			}
			s.armed = time.Now()
			return s, nil
		case "shift+tab":
			if f, ok := s.inner.(*huh.Form); ok && s.first != nil && f.GetFocusedField() == s.first {
				s.result = back
				return s, tea.Quit
			}
		}
		s.armed = time.Time{}
	case tickMsg:
		if s.lockAfter > 0 && time.Since(s.lastKey) >= s.lockAfter {
			s.result = timeout
			return s, tea.Quit
		}
		return s, tick()
	case tea.WindowSizeMsg:
		// Leave room for the header and the footer.
		s.height = msg.Height
		msg.Height = max(5, msg.Height-lipgloss.Height(s.header)-2)
		m, cmd := s.inner.Update(msg)
		s.inner = m
		return s, cmd
	}
	m, cmd := s.inner.Update(msg)
	s.inner = m
	if f, ok := m.(*huh.Form); ok && f.State == huh.StateCompleted {
		s.result = done
		return s, tea.Quit
	}
	if p, ok := m.(*pager); ok && p.done {
		s.result = done
		if p.back {
			s.result = back
		}
		return s, tea.Quit
	}
	return s, cmd
}

var (
	headerStyle = lipgloss.NewStyle().Bold(true).Padding(0, 1)
	footerStyle = lipgloss.NewStyle().Faint(true).Padding(0, 1)
)

func (s *screen) View() string {
	if s.result == quick || s.result == timeout {
		return ""
	}
	foot := s.footer
	if !s.armed.IsZero() {
		foot = s.armedHint
	}
	return headerStyle.Render(s.header) + "\n" + s.inner.View() + "\n" + footerStyle.Render(foot)
}

// run shows one screen and returns how it ended. A quick exit or a timeout
// clears the screen and the scrollback and is returned as an error.
func (u *tuiUI) run(header string, inner tea.Model, first huh.Field) (outcome, error) {
	s := u.screen(header, inner, first)
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithInput(u.in), tea.WithOutput(u.out)}
	_, err := tea.NewProgram(s, opts...).Run()
	if err != nil {
		u.clear()
		return quick, fmt.Errorf("terminal: %w", err)
	}
	switch s.result {
	case quick:
		u.clear()
		return quick, errQuickExit
	case timeout:
		u.clear()
		return timeout, errTimedOut
	}
	return s.result, nil
}

// screen wraps a model in pathway's screen.
func (u *tuiUI) screen(header string, inner tea.Model, first huh.Field) *screen {
	return &screen{inner: inner, header: header, first: first, lockAfter: u.lockAfter,
		footer: u.a.loc.T("key.quick-exit"), armedHint: u.a.loc.T("key.quick-exit-armed")}
}

func (u *tuiUI) clear() { fmt.Fprint(u.out, clearAll) }

// form makes a huh form of one group with pathway's keys and theme.
func (u *tuiUI) form(g *huh.Group) *huh.Form {
	return huh.NewForm(g).WithKeyMap(u.keymap).WithTheme(u.theme).WithShowHelp(true)
}

func (u *tuiUI) notice(msg string) {
	// Shown after the screen is gone: nothing of the plan, only a word.
	fmt.Fprintln(u.a.stderr, msg)
}

func (u *tuiUI) page(pg pageInfo, vals []*answer) (step, error) {
	form, first, nav := u.pageForm(pg, vals)
	out, err := u.run(u.pageHeader(pg), form, first)
	if err != nil {
		return stepNext, err
	}
	if out == back {
		return stepBack, nil
	}
	return map[string]step{"next": stepNext, "back": stepBack, "stop": stepStop}[*nav], nil
}

// pageHeader is the progress line of a page.
func (u *tuiUI) pageHeader(pg pageInfo) string {
	T := u.a.loc.T
	return T("wizard.progress", "Plan", T(plan.KindTitleKey(pg.plan.Kind)), "Section", T(pg.section.TitleKey()), "Part", pg.index+1, "Parts", pg.total)
}

// pageForm makes the form of one page: the fields of every question, then
// where to go next. It returns the form, its first field, and where the
// choice of what next is stored.
func (u *tuiUI) pageForm(pg pageInfo, vals []*answer) (*huh.Form, huh.Field, *string) {
	T := u.a.loc.T
	var fields []huh.Field
	for _, v := range vals {
		fields = append(fields, u.fields(pg.binder, v)...)
	}
	nav := "next"
	fields = append(fields, huh.NewSelect[string]().
		Title(T("nav.title")).
		Options(huh.NewOption(T("nav.next"), "next"), huh.NewOption(T("nav.back"), "back"), huh.NewOption(T("nav.stop"), "stop")).
		Value(&nav))
	g := huh.NewGroup(fields...).Title(T(pg.section.TitleKey())).Description(T(pg.section.IntroKey()))
	return u.form(g), fields[0], &nav
}

// fields makes the huh fields of one question.
func (u *tuiUI) fields(b *plan.Binder, v *answer) []huh.Field {
	T := u.a.loc.T
	title, help := T(v.q.TitleKey()), T(v.q.HelpKey())
	note := func() huh.Field {
		return huh.NewInput().Title(T("wizard.note")).Value(&v.text).
			CharLimit(plan.MaxText + 1).Validate(u.a.checkAnswerText)
	}
	switch v.q.Kind {
	case plan.Text:
		return []huh.Field{huh.NewText().Title(title).Description(help).Value(&v.text).
			ExternalEditor(false).Lines(3).CharLimit(plan.MaxText + 1).Validate(u.a.checkAnswerText)}
	case plan.YesNo:
		return []huh.Field{huh.NewSelect[string]().Title(title).Description(help).
			Options(huh.NewOption(T("answer.yes"), "yes"), huh.NewOption(T("answer.no"), "no"), huh.NewOption(T("answer.not-now"), "")).
			Value(&v.yes), note()}
	case plan.Choice:
		var opts []huh.Option[string]
		for _, o := range v.q.Options {
			opts = append(opts, huh.NewOption(T(v.q.OptionKey(o)), o))
		}
		opts = append(opts, huh.NewOption(T("answer.not-now"), ""))
		return []huh.Field{huh.NewSelect[string]().Title(title).Description(help).Options(opts...).Value(&v.choice), note()}
	case plan.Checklist:
		var opts []huh.Option[string]
		for _, o := range v.q.Options {
			opts = append(opts, huh.NewOption(T(v.q.OptionKey(o)), o))
		}
		return []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
			Filterable(false).Value(&v.checked), note()}
	case plan.Contacts, plan.Learn:
		var opts []huh.Option[string]
		for _, c := range b.Contacts {
			if v.q.Kind == plan.Learn && len(c.Phones) == 0 {
				continue
			}
			opts = append(opts, huh.NewOption(u.a.contactLabel(c), c.ID))
		}
		if v.q.Kind == plan.Learn {
			if len(opts) == 0 {
				return []huh.Field{huh.NewNote().Title(title).Description(T("wizard.no-numbers"))}
			}
			return []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
				Filterable(false).Height(min(len(opts)+2, 9)).Value(&v.contacts)}
		}
		opts = append(opts, huh.NewOption(T("wizard.add-someone"), newContactID),
			huh.NewOption(T("wizard.from-directory"), fromDirectoryID))
		return []huh.Field{huh.NewMultiSelect[string]().Title(title).Description(help).Options(opts...).
			Filterable(false).Height(min(len(opts)+2, 9)).Value(&v.contacts), note()}
	}
	return nil
}

func (u *tuiUI) newContact(role plan.Role) (plan.Contact, bool, error) {
	T := u.a.loc.T
	var name, phone, agreed, learn string
	agreed, learn = "no", "no"
	desc := ""
	if role != "" {
		desc = T("contact.role", "Role", T(plan.RoleKey(role)))
	}
	fields := []huh.Field{
		huh.NewInput().Title(T("contact.name")).Description(T("contact.name-help")).Value(&name).
			CharLimit(200).Validate(u.a.checkAnswerText),
		huh.NewInput().Title(T("contact.phone")).Description(T("contact.phone-help")).Value(&phone).
			CharLimit(64).Validate(u.a.checkPhone),
		huh.NewSelect[string]().Title(T("contact.agreed")).
			Options(huh.NewOption(T("answer.yes"), "yes"), huh.NewOption(T("contact.not-yet"), "no")).Value(&agreed),
		huh.NewSelect[string]().Title(T("contact.learn")).
			Options(huh.NewOption(T("answer.yes"), "yes"), huh.NewOption(T("answer.no"), "no")).Value(&learn),
	}
	g := huh.NewGroup(fields...).Title(T("contact.new-title")).Description(desc)
	out, err := u.run(T("contact.new-title"), u.form(g), fields[0])
	if err != nil || out == back {
		return plan.Contact{}, false, err
	}
	name = plan.CleanLine(name)
	if name == "" {
		return plan.Contact{}, false, nil
	}
	c := plan.Contact{Name: name, Agreed: agreed == "yes"}
	if p, err := plan.ParsePhone(phone); err == nil {
		c.Phones = []plan.Phone{p}
		c.Learn = learn == "yes"
	}
	return c, true, nil
}

func (u *tuiUI) summary(b *plan.Binder, p *plan.Plan) (bool, error) {
	T := u.a.loc.T
	var sb strings.Builder
	u.a.printPlan(&sb, b, *p)
	pg := newPager(sb.String(), T("pager.finish"))
	out, err := u.run(T("wizard.summary-title"), pg, nil)
	if err != nil {
		return false, err
	}
	return out == done, nil
}

// pager shows a long text that scrolls; Enter ends it, shift+tab or b
// goes back.
type pager struct {
	vp    viewport.Model
	text  string
	hint  string
	done  bool
	back  bool
	ready bool
}

func newPager(text, hint string) *pager {
	return &pager{text: text, hint: hint}
}

func (p *pager) Init() tea.Cmd { return tea.WindowSize() }

func (p *pager) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.vp = viewport.New(msg.Width-2, max(3, msg.Height-2))
		p.vp.SetContent(wrapIndented(p.text, max(20, msg.Width-4)))
		p.ready = true
		return p, nil
	case tea.KeyMsg:
		switch msg.String() {
		case "enter":
			p.done = true
			return p, nil
		case "shift+tab", "b":
			p.done, p.back = true, true
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

func (p *pager) View() string {
	if !p.ready {
		return ""
	}
	return lipgloss.NewStyle().Padding(0, 1).Render(p.vp.View()) + "\n" + footerStyle.Render(p.hint)
}

// wrapIndented wraps each line of text at width display cells; the lines
// a long line is broken into keep its indent, and two spaces more.
func wrapIndented(text string, width int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		body := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(body)]
		w := max(10, width-len(indent))
		parts := strings.Split(ansi.Wordwrap(body, w, ""), "\n")
		out = append(out, indent+parts[0])
		if len(parts) > 1 {
			rest := ansi.Wordwrap(strings.Join(parts[1:], " "), max(10, w-2), "")
			for _, p := range strings.Split(rest, "\n") {
				out = append(out, indent+"  "+p)
			}
		}
	}
	return strings.Join(out, "\n")
}

// isTerminalFile reports whether r or w is a terminal.
func isTerminalFile(x any) bool {
	f, ok := x.(*os.File)
	return ok && isTerminal(f)
}
