//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package tui

import "golang.org/x/sys/unix"

// fread selects the input queue for TIOCFLUSH.
const fread = 1

// flushInput throws away what was typed on the terminal fd and not read.
func flushInput(fd int) { _ = unix.IoctlSetPointerInt(fd, unix.TIOCFLUSH, fread) }
