// Package tui asks the questions in full-screen forms (huh), in the
// terminal's alternate screen, so that no answer ever reaches the
// scrollback. Every screen has pathway's header, the quick-exit keys (Esc
// twice, or Ctrl-C) and the lock after idle time. Between two screens the
// terminal stays in the alternate screen with its echo off: what is typed
// while a page is saved is thrown away, never shown.
package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"pathway/cmd/pathway/internal/env"
)

// ClearAll clears the screen, then the scrollback: in the other order some
// terminals (tmux among them) push the cleared screen into the scrollback.
const ClearAll = "\x1b[H\x1b[2J\x1b[3J"

// quickExitWindow is how soon the second Esc must follow the first.
const quickExitWindow = 2 * time.Second

// lockWarning is how long before the lock after idle time the screen
// counts down the seconds left: a key pressed meanwhile keeps it open.
const lockWarning = 30 * time.Second

// keyMap is huh's key map with pathway's choices: help in the language
// spoken now, no external editor, no filtering (so that Esc is free for
// the quick exit), and Ctrl-C left to the quick exit as well. It is made
// anew for every form, so that a change of language shows at once.
func keyMap(e *env.Env) *huh.KeyMap {
	T := e.T
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

// Outcome is how a screen ended.
type Outcome int

// The outcomes.
const (
	Done    Outcome = iota // the form was completed
	Back                   // shift+tab on the first field
	Quick                  // the quick-exit keys
	Timeout                // no key for lockAfter
	Add                    // Enter on "+ Add someone new": add now, then this page again
)

// Screen wraps a model (a huh form, or a pager) with what every screen of
// pathway has: a header line, the quick-exit keys, the timeout lock.
type Screen struct {
	inner     tea.Model
	header    string
	footer    string
	armedHint string
	first     huh.Field // shift+tab here means "back"
	lockAfter time.Duration
	// countdown words the seconds left before the lock, shown in the
	// footer for the last lockWarning of lockAfter.
	countdown func(seconds int) string

	lastKey time.Time
	armed   time.Time
	result  Outcome
	height  int
	// skip is how many fields the focus moves down at the start: a page
	// shown again goes on where the person was.
	skip int
	// onEnter, if set, is asked about Enter on the focused field: true
	// ends the screen with Add.
	onEnter func(huh.Field) bool
}

type tickMsg time.Time

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Init starts the inner model and the idle clock.
func (s *Screen) Init() tea.Cmd {
	s.lastKey = time.Now()
	cmds := []tea.Cmd{s.inner.Init(), tick(), tea.ClearScreen}
	if f, ok := s.inner.(*huh.Form); ok {
		for range s.skip {
			cmds = append(cmds, f.NextField())
		}
	}
	return tea.Batch(cmds...)
}

// Update handles the keys every screen has, then hands the rest on.
func (s *Screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		s.lastKey = time.Now()
		switch msg.String() {
		case "ctrl+c", "alt+esc":
			// alt+esc: two Esc that arrived in one read (a fast typist,
			// some terminals) are one quick exit, not a stray key.
			s.result = Quick
			return s, tea.Quit
		case "esc":
			if !s.armed.IsZero() && time.Since(s.armed) < quickExitWindow {
				s.result = Quick
				return s, tea.Quit
			}
			s.armed = time.Now()
			return s, nil
		case "enter":
			if f, ok := s.inner.(*huh.Form); ok && s.onEnter != nil && s.onEnter(f.GetFocusedField()) {
				s.result = Add
				return s, tea.Quit
			}
		case "shift+tab":
			if f, ok := s.inner.(*huh.Form); ok && s.first != nil && f.GetFocusedField() == s.first {
				s.result = Back
				return s, tea.Quit
			}
		}
		s.armed = time.Time{}
	case tickMsg:
		if s.lockAfter > 0 && time.Since(s.lastKey) >= s.lockAfter {
			s.result = Timeout
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
		s.result = Done
		return s, tea.Quit
	}
	if p, ok := m.(*pager); ok && p.done {
		s.result = Done
		if p.back {
			s.result = Back
		}
		return s, tea.Quit
	}
	return s, cmd
}

var (
	headerStyle = lipgloss.NewStyle().Bold(true).Padding(0, 1)
	footerStyle = lipgloss.NewStyle().Faint(true).Padding(0, 1)
)

// View draws the header, the inner model and the footer; nothing at all
// once the quick exit or the lock has ended the screen.
func (s *Screen) View() string {
	if s.result == Quick || s.result == Timeout {
		return ""
	}
	foot := s.footer
	if !s.armed.IsZero() {
		foot = s.armedHint
	}
	if left := s.lockAfter - time.Since(s.lastKey); s.lockAfter > 0 && s.countdown != nil && left <= lockWarning {
		foot = s.countdown(max(1, int((left+time.Second-1)/time.Second)))
	}
	return headerStyle.Render(s.header) + "\n" + s.inner.View() + "\n" + footerStyle.Render(foot)
}

// Result is how the screen ended.
func (s *Screen) Result() Outcome { return s.result }
