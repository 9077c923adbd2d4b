// Package env is what one run of pathway has: its streams, its clock, its
// environment, the language it speaks now, and the errors worded for the
// person with the exit code each deserves.
//
// Every other package of the command reaches these through an *Env passed
// in, never through globals, so that a test can give each run its own
// streams, clock and language.
package env

import (
	"io"
	"time"

	"pathway/locales"
	"pathway/plan"
)

// Env is one run of pathway.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time

	// Loc is the language spoken now. It changes when the person picks
	// another one, or when a vault with a saved language is opened; every
	// screen reads it when it draws, so a change shows in the next frame.
	Loc *locales.Locale
	// Lang is the language asked for with --lang, "" if none: it wins over
	// the language saved in the vault.
	Lang string
}

// T returns the message id in the language spoken now. Every string value
// put into it is shown with plan.Visible: whatever came from outside (a
// file name, an argument, a field of a file) cannot drive the terminal.
func (e *Env) T(id string, kv ...any) string { return e.Loc.T(id, visible(kv)...) }

// N returns the plural message id for count in the language spoken now,
// its string values shown as T shows them.
func (e *Env) N(id string, count int, kv ...any) string {
	return e.Loc.N(id, count, visible(kv)...)
}

// visible returns kv with every string value made visible.
func visible(kv []any) []any {
	out := make([]any, len(kv))
	for i, v := range kv {
		if s, ok := v.(string); ok && i%2 == 1 {
			v = plan.Visible(s)
		}
		out[i] = v
	}
	return out
}

// Today is the day it is now.
func (e *Env) Today() plan.Date { return plan.DateOf(e.Now()) }

// SetLanguage speaks the language tag from now on.
func (e *Env) SetLanguage(tag string) error {
	l, err := locales.Get(tag)
	if err != nil {
		return err
	}
	e.Loc = l
	return nil
}

// UseSavedLanguage speaks the language saved in the binder, unless --lang
// chose one.
func (e *Env) UseSavedLanguage(b *plan.Binder) {
	if e.Lang != "" || b.Language == "" {
		return
	}
	if tag, err := locales.Detect("", b.Language, e.Getenv); err == nil {
		_ = e.SetLanguage(tag)
	}
}
