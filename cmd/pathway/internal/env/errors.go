package env

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"

	"pathway/crypt"
	"pathway/plan"
)

// The exit codes of pathway.
const (
	// ExitOK: done, or closed at once by the person.
	ExitOK = 0
	// ExitFailure: something went wrong with the vault, a file, the disk
	// or the program itself. The message says what, plainly.
	ExitFailure = 1
	// ExitUsage: the command line could not be understood. The message
	// ends with "Try pathway --help".
	ExitUsage = 2
)

// Error is an error already worded for the person, with the exit code it
// deserves.
type Error struct {
	Msg  string
	Code int
	// Quiet errors print nothing: a quick exit, a lock after idle time.
	Quiet bool
}

func (e *Error) Error() string { return e.Msg }

// Quiet is the end of a run that prints nothing and exits 0: the quick
// exit and the lock after idle time, which must leave no word behind.
func Quiet() error { return &Error{Code: ExitOK, Quiet: true} }

// Fail returns an error worded by message id, exit code 1.
func (e *Env) Fail(id string, kv ...any) error {
	return &Error{Msg: e.T(id, kv...), Code: ExitFailure}
}

// Usage returns an error about the command line worded by message id,
// exit code 2.
func (e *Env) Usage(id string, kv ...any) error {
	return &Error{Msg: e.T(id, kv...), Code: ExitUsage}
}

// Message returns what err says to the person: its own words if it is an
// *Error, else a plain sentence around its detail.
func (e *Env) Message(err error) string {
	var ue *Error
	if errors.As(err, &ue) {
		return ue.Msg
	}
	return e.T("error.internal", "Detail", err.Error())
}

// vaultErrors are the errors of crypt and the message that words each.
var vaultErrors = []struct {
	err error
	id  string
}{
	{crypt.ErrWrongPassphrase, "error.crypt.wrong-passphrase"},
	{crypt.ErrWrongIdentity, "error.crypt.wrong-identity"},
	{crypt.ErrNeedsIdentity, "error.crypt.needs-identity"},
	{crypt.ErrNeedsPassphrase, "error.crypt.needs-passphrase"},
	{crypt.ErrNotAge, "error.crypt.not-age"},
	{crypt.ErrTruncated, "error.crypt.truncated"},
	{crypt.ErrDamaged, "error.crypt.damaged"},
	{crypt.ErrTooBig, "error.crypt.too-big"},
	{crypt.ErrNoVault, "error.crypt.no-vault"},
	{crypt.ErrLocked, "error.crypt.locked"},
	{crypt.ErrUnsafe, "error.crypt.unsafe"},
	{crypt.ErrNotDir, "error.crypt.not-dir"},
	{crypt.ErrNotRegular, "error.crypt.not-regular"},
	{crypt.ErrNotYours, "error.crypt.not-yours"},
	{crypt.ErrEmptyPassphrase, "error.passphrase-empty"},
	{crypt.ErrExists, "error.crypt.backup-only"},
}

// Describe turns an error of crypt, plan or the disk, met while saving,
// into a message for the person: dir is the vault folder, path the file
// concerned ("" for the vault's binder).
func (e *Env) Describe(err error, dir, path string) error {
	return e.describe(err, dir, path, "error.crypt.io")
}

// DescribeRead is Describe for an error met while reading: it never says
// that something could not be saved.
func (e *Env) DescribeRead(err error, dir, path string) error {
	return e.describe(err, dir, path, "error.crypt.read")
}

func (e *Env) describe(err error, dir, path, fallback string) error {
	var ue *Error
	if errors.As(err, &ue) {
		return ue
	}
	var pe *plan.Error
	if errors.As(err, &pe) {
		return &Error{Msg: e.PlanMessage(pe), Code: ExitFailure}
	}
	// A file that is not what it claims names itself: the lock, the key.
	var pathErr *fs.PathError
	if errors.Is(err, crypt.ErrNotRegular) && errors.As(err, &pathErr) {
		path = pathErr.Path
	}
	if path == "" {
		path = filepath.Join(dir, crypt.CurrentName)
	}
	for _, c := range vaultErrors {
		if errors.Is(err, c.err) {
			return e.Fail(c.id, "Dir", dir, "Path", path)
		}
	}
	// What went wrong with the disk, said plainly.
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return e.Fail("error.crypt.full", "Dir", dir)
	case errors.Is(err, syscall.EROFS):
		return e.Fail("error.crypt.readonly", "Dir", dir)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.EIO):
		return e.Fail("error.crypt.gone", "Dir", dir)
	}
	return e.Fail(fallback, "Dir", dir, "Path", path, "Detail", err.Error())
}

// PlanMessage words a problem found in a binder.
func (e *Env) PlanMessage(pe *plan.Error) string {
	msg := e.T("error.plan."+pe.Code, "Value", pe.Value, "Limit", pe.Limit)
	if pe.Field != "" {
		msg = e.T("error.plan.at", "Message", msg, "Field", pe.Field)
	}
	if pe.Line > 0 {
		msg = e.T("error.plan.line", "Message", msg, "Line", pe.Line)
	}
	return msg
}
