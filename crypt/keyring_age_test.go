package crypt

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"pathway/internal/testtool"
)

// buildAge builds the real age command, at the version go.mod pins, and
// returns the folder that holds it.
func buildAge(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := testtool.BuildAge(dir, "age"); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRealAgeOpensVault makes vaults with this package (one migrated from
// format 1, then the same after a save and a passphrase change) and runs
// the scripts in testdata/age, where the real age command opens their
// files with key.age and the passphrase typed at a terminal.
func TestRealAgeOpensVault(t *testing.T) {
	ageDir := buildAge(t)
	work := t.TempDir()
	migrated := filepath.Join(work, "migrated")
	v, plains := format1Vault(t, migrated, testPass, true)
	kr, err := v.OpenKeyring(mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(work, "changed")
	copyDir(t, migrated, changed)
	cv, _ := At(changed)
	cv.Lock()
	s, err := kr.Seal(binderOf(3))
	if err != nil {
		t.Fatal(err)
	}
	if err := cv.Save(s, nil); err != nil {
		t.Fatal(err)
	}
	if err := cv.ChangePassphrase(kr, mustPass(t, otherPass)); err != nil {
		t.Fatal(err)
	}
	cv.Unlock()
	for name, b := range map[string][]byte{
		"binder2.txt":   plains[CurrentName],
		"binder3.txt":   binderOf(3),
		"directory.txt": plains[DirectoryName],
		"identity.txt":  plains[identityName],
		"pass.txt":      []byte(testPass + "\n"),
		"other.txt":     []byte(otherPass + "\n"),
	} {
		if err := os.WriteFile(filepath.Join(work, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "age"),
		Setup: func(e *testscript.Env) error {
			if err := os.CopyFS(e.WorkDir, os.DirFS(work)); err != nil {
				return err
			}
			e.Setenv("PATH", ageDir+string(os.PathListSeparator)+e.Getenv("PATH"))
			return nil
		},
	})
}
