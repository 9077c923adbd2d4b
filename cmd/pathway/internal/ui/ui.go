// Package ui says what a way of talking with the person must do: the
// full-screen forms (package tui) and the plain numbered prompts for
// screen readers and pipes (package plain) both do all of it, so that the
// wizard and the flows never ask which one they have.
package ui

import (
	"errors"
	"fmt"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/plan"
	"pathway/printout"
)

// Step is what the person chose at the end of a page.
type Step int

// The steps.
const (
	Next Step = iota // on to the next page
	Back             // back to the page before
	Stop             // save and stop here; the plan stays a draft
	// Add: a person is to be added now for an answer marked with
	// NewContactID or FromDirectoryID; then the same page again, its
	// answers as they are, the focus on Page.Focus.
	Add
)

// Errors that end a session at once.
var (
	// ErrQuickExit: the person pressed the quick-exit keys. The screen is
	// cleared and nothing more is saved or printed.
	ErrQuickExit = errors.New("quick exit")
	// ErrTimedOut: no key was pressed for --lock-after. Like a quick exit,
	// after the draft is saved.
	ErrTimedOut = errors.New("timed out")
	// ErrInputEnded: standard input ended in accessible mode.
	ErrInputEnded = errors.New("input ended")
)

// Page is what a page of a plan shows besides its questions.
type Page struct {
	Binder  *plan.Binder
	Plan    *plan.Plan
	Section plan.Section
	Index   int // 0-based
	Total   int
	// InMemory: nothing is saved (outreach mode); "stop here" must not
	// say "save".
	InMemory bool
	// Focus is the id of a question just answered by adding someone: the
	// page is shown again with that person picked, the focus on what
	// follows the question.
	Focus string
	// Said, if set, is said at the top of the page in place of its
	// introduction: who was just added, and for what.
	Said string
}

// StopKey is the message id of the choice that stops at the end of pg.
func (pg Page) StopKey() string {
	if pg.InMemory {
		return "access.nav-stop-memory"
	}
	return "nav.stop"
}

// Answer is the editable form of one question's answer.
type Answer struct {
	Q        plan.Question
	Text     string   // the text, or the note of other kinds
	Yes      string   // "yes", "no" or "" (not now)
	Choice   string   // option id or ""
	Checked  []string // option ids
	Contacts []string // contact ids; NewContactID asks for a new one
	// NotApply is the answer "does not apply to me".
	NotApply bool
	// TextNA holds, for the full screen only, the choice made beside a
	// text answer; read it through NotApply.
	TextNA string
}

// NewContactID stands in a contacts answer for "add someone new", and
// FromDirectoryID for "from the list of organisations".
const (
	NewContactID    = "+new"
	FromDirectoryID = "+dir"
)

// UI is one way of talking with the person.
type UI interface {
	// Page asks the questions of one section and fills in vals.
	Page(pg Page, vals []*Answer) (Step, error)
	// NewContact asks for a new contact who will play role; ok is false if
	// the person gave up.
	NewContact(role plan.Role) (c plan.Contact, ok bool, err error)
	// Summary shows a plan, worded as text, before it is saved; true
	// means finish.
	Summary(title, text string) (finish bool, err error)
	// Notice tells the person something short, where they are looking,
	// and waits until they have seen it: a result, a refusal, an error.
	Notice(msg string)
	// Menu shows options and returns the index picked.
	Menu(header, title string, options []string) (int, error)
	// Show shows a long text until the person goes on.
	Show(header, text string) error
	// Secret asks for a passphrase without showing it; check may refuse it.
	Secret(header, title, help string, check func(string) error) (string, error)
	// Line asks for one line of text.
	Line(header, title, help string) (string, error)
	// Pick shows options and returns the indexes of those picked.
	Pick(header, title string, options []string) ([]int, error)
	// Busy says that something takes a moment (opening, saving); keys
	// typed meanwhile are thrown away, never echoed.
	Busy(msg string)
	// Close ends the interface: the full screen is cleared with its
	// scrollback.
	Close()
}

// ContactLabel is how a contact appears in a list to pick from.
func ContactLabel(e *env.Env, c plan.Contact) string {
	if len(c.Phones) == 0 {
		return c.Name
	}
	return c.Name + " — " + printout.PhoneText(e.Loc, c.Phones[0])
}

// CheckText is the inline check of a text answer.
func CheckText(e *env.Env) func(string) error {
	return func(s string) error {
		if len(s) > plan.MaxText {
			return errors.New(e.T("wizard.too-long", "Limit", plan.MaxText, "Length", len(s)))
		}
		return nil
	}
}

// CheckPhone is the inline check of a phone number; empty is allowed.
func CheckPhone(e *env.Env) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := plan.ParsePhone(s); err != nil {
			var pe *plan.PhoneError
			code := "letters"
			if errors.As(err, &pe) {
				code = pe.Code
			}
			return errors.New(e.T("phone." + code))
		}
		return nil
	}
}

// CheckCardName is the inline check of a name on the card: a name's
// checks, and not longer than plan.MaxCardName; empty is allowed.
func CheckCardName(e *env.Env) func(string) error {
	return func(s string) error {
		if len(s) > plan.MaxCardName {
			return errors.New(e.T("error.plan.too-long", "Limit", plan.MaxCardName))
		}
		return CheckName(e)(s)
	}
}

// CheckName is the inline check of a person's name: not too long, and no
// invisible or direction character that could make it pass for another
// name (its position is said).
func CheckName(e *env.Env) func(string) error {
	return func(s string) error {
		if err := CheckText(e)(s); err != nil {
			return err
		}
		if r, pos, ok := plan.NameChar(s); !ok {
			return errors.New(e.T("error.plan.name-char", "Value", fmt.Sprintf("U+%04X", r), "Limit", pos))
		}
		return nil
	}
}
