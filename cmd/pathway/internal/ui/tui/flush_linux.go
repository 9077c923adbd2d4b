package tui

import "golang.org/x/sys/unix"

// flushInput throws away what was typed on the terminal fd and not read.
func flushInput(fd int) { _ = unix.IoctlSetInt(fd, unix.TCFLSH, unix.TCIFLUSH) }
