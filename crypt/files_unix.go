//go:build unix

package crypt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// openFile opens a file of the vault. It never goes through a link
// (O_NOFOLLOW, for the last part of path: the vault folder itself may be a
// link), and it never waits: the file is opened with O_NONBLOCK and checked
// with fstat before anything reads it, so that a pipe (FIFO), a device, a
// folder or a link at path gives ErrNotRegular at once. With os.O_CREATE,
// a link at path is refused rather than followed, so nothing is ever
// created outside the vault.
func openFile(path string, flag int, perm os.FileMode) (*os.File, error) {
	var fd int
	var err error
	for {
		fd, err = unix.Open(path, flag|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, uint32(perm.Perm()))
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		// A link gives ELOOP on Linux, EMLINK on FreeBSD, EFTYPE on
		// NetBSD; a pipe opened for writing with no reader, ENXIO; a
		// folder, EISDIR. Say the one thing that matters.
		if !errors.Is(err, fs.ErrNotExist) {
			if fi, lerr := os.Lstat(path); lerr == nil && !fi.Mode().IsRegular() {
				return nil, notRegular(path)
			}
		}
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if uint32(st.Mode)&unix.S_IFMT != unix.S_IFREG {
		unix.Close(fd)
		return nil, notRegular(path)
	}
	// An ordinary file: reads and writes may block as usual.
	if err := unix.SetNonblock(fd, false); err != nil {
		unix.Close(fd)
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// checkOwner refuses a vault folder that belongs to another user: its
// owner could change or replace what is in it, whatever its mode. The
// rule is the same for root: a root pathway does not write in a user's
// folder (the files would then belong to root, and the user's own pathway
// could not save them any more).
func checkOwner(dir string, fi fs.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	if uid := os.Getuid(); int64(st.Uid) != int64(uid) {
		return fmt.Errorf("%w: %s belongs to user %d, this is user %d", ErrNotYours, dir, st.Uid, uid)
	}
	return nil
}
