package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evil holds what a hostile value may carry: an OSC 52 sequence that
// writes to the clipboard, a bell, a right-to-left override, a zero-width
// space, a byte that is not UTF-8.
const evil = "x\x1b]52;c;cGF5bG9hZA==\x07\u202e\u200by\xff"

// raw reports the first byte or character of evil that reached out.
func raw(s string) string {
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u200b", "\xff"} {
		if strings.Contains(s, bad) {
			return bad
		}
	}
	return ""
}

// TestNoEscapeReachesTerminal feeds an escape sequence to every error path
// that repeats a value from outside — arguments, file names, option values,
// a binder's fields — and checks that no raw control, bidi or zero-width
// character reaches standard output or standard error: each is shown
// written out (\x1b, U+202E), never sent to the terminal, never dropped.
func TestNoEscapeReachesTerminal(t *testing.T) {
	dir := t.TempDir()
	vault := filepath.Join(dir, "vault")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600)
	sample, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "sample-binder.json"))
	if code, _, errs := runIn(t, "", "--vault", vault, "--passphrase-file", pass, "import", sample); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	data, _ := os.ReadFile(sample)
	badDate := strings.Replace(string(data), `"updated": "`, `"updated": "2026-11-10\u001b]52;c;cGF5bG9hZA==\u0007`, 1)
	badDateFile := filepath.Join(dir, "bad-date.json")
	os.WriteFile(badDateFile, []byte(badDate), 0o600)
	evilPath := filepath.Join(dir, evil+".age")
	os.WriteFile(evilPath, []byte("not age"), 0o600)

	v := []string{"--vault", vault, "--passphrase-file", pass}
	cases := [][]string{
		{evil},
		{"--" + evil},
		{"--lang", evil, "show"},
		{"--vault", filepath.Join(dir, evil), "show"},
		{"--vault", vault, "--passphrase-file", filepath.Join(dir, evil), "show"},
		append(v, "import", filepath.Join(dir, evil)),
		append(v, "import", badDateFile),
		append(v, "open", evilPath),
		append(v, "open", filepath.Join(dir, evil)),
		append(v, "new", evil),
		append(v, "edit", evil),
		append(v, "print", "checklist", evil, "-o", filepath.Join(dir, "a.pdf")),
		append(v, "print", "cards", "-o", filepath.Join(dir, "nowhere", evil, "a.pdf")),
		append(v, "print", "cards", "--paper", evil, "-o", filepath.Join(dir, "b.pdf")),
		append(v, "print", "cards", "--bilingual", evil, "-o", filepath.Join(dir, "c.pdf")),
		append(v, "print", "sheet", evil, "-o", filepath.Join(dir, "d.pdf")),
		append(v, "print", "sheet", "Ana", "--plan", evil, "-o", filepath.Join(dir, "e.pdf")),
		append(v, "resources", "--category", evil),
		append(v, "resources", "add", evil),
		append(v, "share", "--to", evil, "--until", "2099-01-01", "--sections", "release-1/bond", "-o", filepath.Join(dir, "f.age")),
		append(v, "share", "--to-passphrase", "--until", evil, "--sections", "release-1/bond", "-o", filepath.Join(dir, "g.age")),
		append(v, "share", "--to-passphrase", "--until", "2099-01-01", "--sections", evil, "-o", filepath.Join(dir, "h.age")),
		append(v, "share", "--to-passphrase", "--until", "2099-01-01", "--for", evil, "-o", filepath.Join(dir, "i.age")),
		append(v, "--lock-after", evil, "new", "release"),
	}
	repeated := 0
	for _, args := range cases {
		code, out, errs := runIn(t, "", args...)
		if code == 0 {
			t.Errorf("%q: exit 0", args)
		}
		if bad := raw(out + errs); bad != "" {
			t.Errorf("%q: %q reached the terminal:\n%q", args, bad, out+errs)
		}
		if strings.Contains(errs, `\x1b`) || strings.Contains(errs, "U+202E") || strings.Contains(errs, `\xff`) {
			repeated++
		}
	}
	// Most of these messages repeat the value: the check above saw it.
	if repeated < len(cases)/2 {
		t.Errorf("only %d of %d messages repeated the value, written out", repeated, len(cases))
	}
	// The visible form keeps the value honest: the escape is written out,
	// not removed so that the value looks valid.
	_, _, errs := runIn(t, "", append(v, "new", evil)...)
	if !strings.Contains(errs, `x\x1b]52;c;cGF5bG9hZA==\x07U+202EU+200By\xff`) {
		t.Errorf("the value is not shown written out: %q", errs)
	}
}
