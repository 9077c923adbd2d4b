package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// A transcript is what a screen reader reads from pathway's accessible
// mode: the program's output, with each answer written after the prompt
// it was typed at, as a terminal would echo it.
type transcript struct {
	mu  sync.Mutex
	out bytes.Buffer
}

func (tr *transcript) Write(p []byte) (int, error) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.out.Write(p)
}

func (tr *transcript) String() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.out.String()
}

// waitPrompt waits until the output ends with a prompt ("> ") and has
// stopped growing, and returns it.
func (tr *transcript) waitPrompt(t *testing.T) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	last := ""
	for {
		s := tr.String()
		if strings.HasSuffix(s, "> ") && s == last {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("no prompt came; the output ends:\n%s", tail(s, 800))
		}
		last = s
		time.Sleep(60 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestAccessibleTranscript runs an outreach session in accessible mode,
// answer by answer, as a peer supporter and a screen-reader user would:
// a safety plan begun and stopped, an organisation picked for a
// question, a printout refused for a bare name and then saved in the
// chosen folder, and the list of what was written. The transcript is
// compared with docs/screens/accessible.txt (-update-screens rewrites
// it); it must read in order: the way out first, every question's title
// before its help, every note named, no escape sequence anywhere.
func TestAccessibleTranscript(t *testing.T) {
	dir := t.TempDir()
	usb := filepath.Join(dir, "usb")
	for _, d := range []string{"home", "tmp", usb} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil && !os.IsExist(err) {
			t.Fatal(err)
		}
	}
	os.MkdirAll(usb, 0o700)
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("the worker's passphrase\n"), 0o600)

	cmd := exec.Command(pathwayBinary(t), "--outreach", "--accessible", "--passphrase-file", pass)
	cmd.Dir = filepath.Join(dir, "home")
	cmd.Env = []string{"HOME=" + filepath.Join(dir, "home"), "TMPDIR=" + filepath.Join(dir, "tmp"),
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "home", ".config"), "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "PATHWAY_TEST_TODAY=2026-12-01"}
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	tr := &transcript{}
	cmd.Stdout, cmd.Stderr = tr, tr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Each answer, or a rule that finds it in what is on screen (the
	// number of a menu item by its label).
	item := func(label string) func(string) string {
		re := regexp.MustCompile(`(\d+)\) ` + regexp.QuoteMeta(label))
		return func(s string) string {
			m := re.FindAllStringSubmatch(s, -1)
			if m == nil {
				t.Fatalf("no item %q in:\n%s", label, tail(s, 800))
			}
			return m[len(m)-1][1]
		}
	}
	text := func(a string) func(string) string { return func(string) string { return a } }
	answers := []func(string) string{
		item("Start a new plan"), item("Safety plan"), text("my workplace"),
		text("The manager might keep my deposit."), text(""),
		item("+ From the list of organisations"), text(""),
		text(""), item("I want to be ready to leave fast"), text(""),
		text("1 5"), text(""), text(""), text(""),
		item("Stop here (kept in memory only"),
		item("Butterfly"),
		item("Quit"),
		item("Save a printout"), item("Safety plan"), item("Letter"),
		text("plan.pdf"), text(usb), text(""),
		item("Nothing more"),
	}
	for _, a := range answers {
		s := tr.waitPrompt(t)
		ans := a(s[strings.LastIndex(s[:len(s)-2], "\n\n")+1:])
		tr.Write([]byte(ans + "\n"))
		if _, err := io.WriteString(in, ans+"\n"); err != nil {
			t.Fatalf("writing %q: %v\n%s", ans, err, tail(tr.String(), 800))
		}
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("pathway: %v\n%s", err, tail(tr.String(), 1500))
	}
	got := strings.ReplaceAll(tr.String(), usb, "/media/ana/USB")
	if strings.Contains(got, dir) {
		t.Errorf("the transcript names the test's folder:\n%s", got)
	}

	// It reads in order.
	if strings.ContainsRune(got, 0x1b) {
		t.Error("an escape sequence in accessible mode")
	}
	order := []string{
		"To close at once, type exit and press Enter.",
		"stays in this terminal's history",
		"1. If you leave, could the person try to hurt you or take revenge?\n   Write what you think could happen.",
		"3. People or places you could go to\n   Pick them from your contacts",
		"A note about \"People or places you could go to\"",
		"People or places you could go to\nWhich organisation?",
		"kept in memory only, not saved",
		"Your plans are kept in memory only, not saved.",
		"\"plan.pdf\" is not the path of a folder",
		"Printout saved: /media/ana/USB/checklist.pdf",
		"What pathway wrote on this computer:\n  /media/ana/USB/checklist.pdf  (a printout, NOT encrypted",
		"Nothing else was written.",
	}
	at := 0
	for _, w := range order {
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Fatalf("%q is not where it should be (after byte %d) in the transcript:\n%s", w, at, got)
		}
		at += i + len(w)
	}
	if strings.Contains(got, "Esc") || strings.Contains(got, "Saved. Your plan") {
		t.Error("the transcript promises Esc, or says saved when nothing was")
	}
	if _, err := os.Stat(filepath.Join(usb, "checklist.pdf")); err != nil {
		t.Errorf("the printout is not in the folder chosen: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "home")); len(entries) != 0 {
		t.Errorf("something was written in HOME: %v", entries)
	}

	path := filepath.Join("..", "..", "docs", "screens", "accessible.txt")
	if *updateScreens {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/pathway -run TestAccessibleTranscript -update-screens)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the session now; if the change is right, rerun with -update-screens.\ngot:\n%s", path, got)
	}
}
