package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aead.dev/minisign"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/kit"
	"pathway/locales"
)

func testEnv() (*env.Env, *bytes.Buffer) {
	var stderr bytes.Buffer
	return &env.Env{
		Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &stderr,
		Getenv: func(string) string { return "" }, Now: time.Now, Loc: locales.English(),
	}, &stderr
}

// signedKit lays out a kit signed with a test key, as a release makes it,
// with plans in its vault folder, and returns its folder and the key.
func signedKit(t *testing.T) (string, string) {
	t.Helper()
	pub, priv, err := minisign.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	pubText, _ := pub.MarshalText()
	files, err := kit.Files(kit.Options{Programs: map[string][]byte{"linux/amd64": []byte("the program")}, Partial: true, PublicKey: string(pubText)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name == kit.SumsName {
			files = append(files, kit.File{Name: kit.SumsName + ".minisig", Mode: 0o644, Data: kit.Sign(priv, f.Data, "test")})
		}
	}
	dir := filepath.Join(t.TempDir(), "stick")
	if err := kit.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	// Someone's plans, on the stick the kit is copied from.
	os.WriteFile(filepath.Join(dir, kit.VaultFolder, "binder.age"), []byte("sealed plans"), 0o600)
	return dir, string(pubText)
}

func TestKitCopies(t *testing.T) {
	from, key := signedKit(t)
	list := filepath.Join(t.TempDir(), "our-list.json")
	os.WriteFile(list, []byte(`{"test": true}`), 0o644)
	out := filepath.Join(t.TempDir(), "new-stick")
	e, stderr := testEnv()
	if err := kitRun(&KitOptions{E: e, From: from, Out: out, Key: key, Lists: []string{list}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"START-en.txt", "START-th.txt", "linux-x86_64/pathway", kit.SumsName, kit.SumsName + ".minisig", "lists/our-list.json"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("not copied: %v", err)
		}
	}
	if fi, err := os.Stat(filepath.Join(out, "linux-x86_64/pathway")); err == nil && fi.Mode().Perm()&0o100 == 0 {
		t.Errorf("the program is not runnable: %v", fi.Mode())
	}
	entries, err := os.ReadDir(filepath.Join(out, kit.VaultFolder))
	if err != nil || len(entries) != 0 {
		t.Errorf("the new stick's vault folder: %v, %d entries (the plans must never be copied)", err, len(entries))
	}
	if !strings.Contains(stderr.String(), "The kit is in") {
		t.Errorf("said %q", stderr)
	}
	// The copy is a kit too, and checks.
	out2 := filepath.Join(t.TempDir(), "third")
	if err := kitRun(&KitOptions{E: e, From: out, Out: out2, Key: key}); err != nil {
		t.Errorf("copying the copy: %v", err)
	}
	// Not into a folder that holds the kit already.
	if err := kitRun(&KitOptions{E: e, From: from, Out: out, Key: key}); err == nil || !strings.Contains(err.Error(), "is already there") {
		t.Errorf("copied over a kit: %v", err)
	}
}

func TestKitRefusesChanged(t *testing.T) {
	from, key := signedKit(t)
	// One byte of a start file changed.
	p := filepath.Join(from, "START-fr.txt")
	b, _ := os.ReadFile(p)
	b[10] ^= 1
	os.WriteFile(p, b, 0o644)
	out := filepath.Join(t.TempDir(), "new-stick")
	e, _ := testEnv()
	err := kitRun(&KitOptions{E: e, From: from, Out: out, Key: key})
	if err == nil || !strings.Contains(err.Error(), "not what pathway's makers signed") {
		t.Fatalf("a changed kit: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("something was written")
	}
	// Another key.
	other, _, _ := minisign.GenerateKey(nil)
	otherText, _ := other.MarshalText()
	from, _ = signedKit(t)
	if err := kitRun(&KitOptions{E: e, From: from, Out: out, Key: string(otherText)}); err == nil {
		t.Error("a kit signed with another key was copied")
	}
	// No kit at all.
	if err := kitRun(&KitOptions{E: e, From: t.TempDir(), Out: out, Key: key}); err == nil || !strings.Contains(err.Error(), "holds no outreach kit") {
		t.Errorf("an empty folder: %v", err)
	}
}
