// Package nocore keeps the plans out of core dumps.
//
// A core dump is a copy of a crashed program's memory, written to disk by
// the system. pathway's memory holds the plans in plain text while it runs,
// so a crash could leave them, unencrypted, in a file anyone who gets the
// computer can read. Disable, called first thing in main, asks the system
// not to write one.
package nocore

// Disable asks the system to write no core dump of this process, and
// returns what could not be done. The program should go on either way:
// refusing to run would lock the person out of their plans.
//
// On Linux it sets the core file size limit (RLIMIT_CORE) to 0, soft and
// hard, and marks the process not dumpable (PR_SET_DUMPABLE 0), which also
// covers a system whose core_pattern pipes dumps to a program (systemd-
// coredump, apport) whatever the limit, and keeps other processes of the
// same user from attaching a debugger to read its memory. On macOS and the
// BSDs it sets RLIMIT_CORE to 0. On Windows it does nothing: see
// disable_windows.go.
func Disable() error { return disable() }
