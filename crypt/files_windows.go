//go:build windows

package crypt

import (
	"errors"
	"io/fs"
	"os"
)

// openFile opens a file of the vault, only if it is an ordinary file: a
// link (a symbolic link or a junction, which Lstat shows as not regular)
// or anything else at path gives ErrNotRegular. Windows has no O_NOFOLLOW
// in Go's os package: the path is looked at with Lstat first, and the file
// opened is checked to be the one looked at, so that a link put there in
// between is refused too. Named pipes live outside the file system on
// Windows, so no file of the vault can make a read wait.
func openFile(path string, flag int, perm os.FileMode) (*os.File, error) {
	before, err := os.Lstat(path)
	existed := err == nil
	switch {
	case err == nil && !before.Mode().IsRegular():
		return nil, notRegular(path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	case err != nil && flag&os.O_CREATE == 0:
		return nil, err
	case err != nil:
		// Nothing there: create it, and fail if something appeared.
		flag |= os.O_EXCL
	}
	f, err := os.OpenFile(path, flag, perm)
	if err != nil {
		return nil, err
	}
	after, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !after.Mode().IsRegular() || existed && !os.SameFile(before, after) {
		f.Close()
		return nil, notRegular(path)
	}
	return f, nil
}

// checkOwner does nothing on Windows, where who may use a folder is said
// by its access list, not by an owner and mode bits.
func checkOwner(string, fs.FileInfo) error { return nil }
