package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pathway/cmd/pathway/internal/cli"
	"pathway/cmd/pathway/internal/env"
	"pathway/crypt"
)

// runIn runs pathway in this process with stdin as its input.
func runIn(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	e := &env.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errs,
		Getenv: func(string) string { return "" }, Now: time.Now}
	code = cli.Run(e, args)
	return code, out.String(), errs.String()
}

// TestSessionRunsScryptOnce: a whole release plan, seven pages each saved,
// then the summary and the final save, runs the slow passphrase step once,
// when the vault opens; the saves run none (vault format 2).
func TestSessionRunsScryptOnce(t *testing.T) {
	dir := t.TempDir()
	vault := filepath.Join(dir, "vault")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600)
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample-binder.json"))
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runIn(t, "", "--vault", vault, "--passphrase-file", pass, "import", sample); code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	before, err := os.ReadFile(filepath.Join(vault, crypt.CurrentName))
	if err != nil {
		t.Fatal(err)
	}

	// Enter to every question keeps or skips it; Enter at the end of a page
	// goes on; Enter at the summary finishes.
	runs := crypt.ScryptRuns()
	code, out, errs := runIn(t, strings.Repeat("\n", 400), "--vault", vault, "--passphrase-file", pass, "--accessible", "new", "release")
	if code != 0 {
		t.Fatalf("new release: %d\n%s\n%s", code, out, errs)
	}
	if n := strings.Count(out, "part "); n < 7 {
		t.Fatalf("only %d pages were shown:\n%s", n, out)
	}
	if got := crypt.ScryptRuns() - runs; got != 1 {
		t.Errorf("the session ran scrypt %d times, want 1 (to open the vault)", got)
	}
	after, _ := os.ReadFile(filepath.Join(vault, crypt.CurrentName))
	if bytes.Equal(before, after) {
		t.Error("nothing was saved")
	}
	code, out, _ = runIn(t, "", "--vault", vault, "--passphrase-file", pass, "show")
	if code != 0 || strings.Count(out, "Release plan") < 2 {
		t.Errorf("the new plan is not in the vault:\n%s", out)
	}
}
