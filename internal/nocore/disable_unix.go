//go:build unix && !linux

package nocore

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// disable sets the core file size limit to 0. macOS and the BSDs have no
// PR_SET_DUMPABLE; a hard limit of 0 cannot be raised again by the process
// or its children.
func disable() error {
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: 0, Max: 0}); err != nil {
		return fmt.Errorf("setting RLIMIT_CORE to 0: %w", err)
	}
	return nil
}
