// Package testtool helps tests find the real programs they check pathway
// against (tmux, poppler, qpdf): a test skips when one is missing, except
// under CI (CI=true), where a missing tool is a failure.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// CI reports whether the tests run under CI.
func CI() bool { return os.Getenv("CI") == "true" }

// Need returns the path of the command name, or skips the test (fails it
// under CI) when it is not installed.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if CI() {
			t.Fatalf("%s is not installed, and CI=true requires it (.ci/run installs it)", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}
