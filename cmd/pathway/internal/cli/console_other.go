//go:build !windows

package cli

// ownConsole reports whether the system opened a window for pathway alone
// and will close it when pathway ends: only Windows does that. (macOS's
// Terminal keeps the window open after a double-clicked program ends.)
func ownConsole() bool { return false }
