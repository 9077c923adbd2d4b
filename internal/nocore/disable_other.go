//go:build !unix && !windows

package nocore

// disable does nothing on systems pathway is not built for.
func disable() error { return nil }
