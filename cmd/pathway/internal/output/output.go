// Package output writes a file the person asked for — a printout, a
// share — where they asked: checked before any work is done, readable
// only by them, never over a file they did not say to replace.
package output

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"pathway/cmd/pathway/internal/env"
)

// File is where to write: a path, or "-" for standard output.
type File struct {
	Path  string
	Force bool // replace a file that is there
}

// Check refuses, before any work, a file that exists (without Force) or
// a folder that does not.
func (f File) Check(e *env.Env) error {
	if f.Path == "" {
		return e.Fail("error.print-no-output")
	}
	if f.Path == "-" {
		return nil
	}
	if _, err := os.Stat(f.Path); err == nil && !f.Force {
		return e.Fail("error.print-exists", "Path", f.Path)
	}
	dir := f.Path[:strings.LastIndexAny(f.Path, `/\`)+1]
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return e.Fail("error.print-no-folder", "Path", f.Path)
		}
	}
	return nil
}

// Write writes data, mode 0600. A file half written is removed.
func (f File) Write(e *env.Env, data []byte) error {
	if f.Path == "-" {
		if _, err := e.Stdout.Write(data); err != nil {
			return e.Fail("error.print-write", "Path", "-", "Detail", err.Error())
		}
		return nil
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if f.Force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	file, err := os.OpenFile(f.Path, flags, 0o600)
	if err == nil {
		// A file written over keeps its old mode unless told: 0600 always.
		err = file.Chmod(0o600)
		if err != nil {
			file.Close()
		}
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return e.Fail("error.print-exists", "Path", f.Path)
	case errors.Is(err, fs.ErrPermission):
		return e.Fail("error.print-permission", "Path", f.Path)
	case err != nil:
		return e.Fail("error.print-write", "Path", f.Path, "Detail", err.Error())
	}
	if _, err := file.Write(data); err != nil {
		file.Close()
		os.Remove(f.Path)
		return e.Fail("error.print-write", "Path", f.Path, "Detail", err.Error())
	}
	return file.Close()
}
