//go:build windows

package nocore

// disable does nothing: Windows has no core file limit a program can set
// for itself. A Go program does not ask Windows Error Reporting for a dump
// when it crashes unless GOTRACEBACK=wer is set; a dump set up by the
// computer's owner (WER LocalDumps in the registry, a debugger) cannot be
// turned off from inside the program, and a program cannot exclude itself
// from WER without writing to the registry for every program of the user.
func disable() error { return nil }
