package session

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"pathway/cmd/pathway/internal/env"
	"pathway/crypt"
	"pathway/locales"
)

// TestWipeLocksEveryFolderFirst: a session's Wipe takes every vault
// pathway may have made here (its own, PATHWAY_VAULT's); while another
// pathway holds one of them, it deletes nothing, and the session can
// still save; once free, both go.
func TestWipeLocksEveryFolderFirst(t *testing.T) {
	tmp := t.TempDir()
	// AllDirs names the configuration folder too: never the real one.
	t.Setenv("HOME", filepath.Join(tmp, "home"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(tmp, "home", ".config"))
	pass := filepath.Join(tmp, "pass.txt")
	if err := os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	one, two := filepath.Join(tmp, "one"), filepath.Join(tmp, "two")
	e := &env.Env{Loc: locales.English(), Now: time.Now, Getenv: func(k string) string {
		if k == "PATHWAY_VAULT" {
			return two
		}
		return ""
	}}
	other, err := Write(e, &Options{VaultDir: two, PassphraseFile: pass}, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	s, err := Write(e, &Options{VaultDir: one, PassphraseFile: pass}, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	held, err := crypt.At(two)
	if err != nil {
		t.Fatal(err)
	}
	if err := held.Lock(); err != nil {
		t.Fatal(err)
	}
	kept, err := s.Wipe()
	if err == nil || kept != nil {
		t.Fatalf("a folder another pathway holds: kept %v, err %v", kept, err)
	}
	for _, d := range []string{one, two} {
		if _, err := os.Stat(filepath.Join(d, crypt.CurrentName)); err != nil {
			t.Errorf("%s lost its plans although nothing was to be deleted: %v", d, err)
		}
	}
	if err := s.Save(); err != nil {
		t.Fatalf("the session cannot save after a refused deletion: %v", err)
	}

	held.Unlock()
	if kept, err := s.Wipe(); err != nil || kept != nil {
		t.Fatalf("kept %v, err %v", kept, err)
	}
	for _, d := range []string{one, two} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s is still there: %v", d, err)
		}
	}
}
