//go:build linux

package nocore

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

func disable() error {
	var errs []error
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: 0, Max: 0}); err != nil {
		errs = append(errs, fmt.Errorf("setting RLIMIT_CORE to 0: %w", err))
	}
	if err := unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0); err != nil {
		errs = append(errs, fmt.Errorf("setting PR_SET_DUMPABLE to 0: %w", err))
	}
	return errors.Join(errs...)
}
