package testtool

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
)

// BuildAge builds the real age commands named (age, age-keygen), at the
// version go.mod pins, into dir, so that tests check pathway's files with
// the reference implementation rather than with pathway's own code.
func BuildAge(dir string, names ...string) error {
	for _, name := range names {
		exe := name
		if runtime.GOOS == "windows" {
			exe += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, exe), "filippo.io/age/cmd/"+name)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", name, err, out)
		}
	}
	return nil
}
