//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

package tui

// flushInput does nothing here: on Windows the console's input is read
// by the next screen, with the echo off all the same.
func flushInput(fd int) {}
