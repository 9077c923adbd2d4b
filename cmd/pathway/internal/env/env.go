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

// T returns the message id in the language spoken now.
func (e *Env) T(id string, kv ...any) string { return e.Loc.T(id, kv...) }

// N returns the plural message id for count in the language spoken now.
func (e *Env) N(id string, count int, kv ...any) string { return e.Loc.N(id, count, kv...) }

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
