package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"os"
	"os/exec"
	"path/filepath"
	"pathway/locales"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"
)

// These tests run the real program in a real terminal: tmux, 80×24,
// typing with send-keys and reading the screen with capture-pane. They
// wait on what the screen shows, never on fixed sleeps.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// pathwayBinary builds the program once per test run.
func pathwayBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pathway-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "pathway")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			t.Logf("%s", out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

var termCount atomic.Int64

// tmuxTerm is one tmux session running pathway.
type tmuxTerm struct {
	t      *testing.T
	socket string
	dir    string // a fresh HOME, TMPDIR and vault live under it
	vault  string
	// What keys sent: navigation keys, and characters typed as text.
	navKeys, typed int
}

func newTerm(t *testing.T) *tmuxTerm {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no tmux on Windows")
	}
	needTool(t, "tmux")
	dir := t.TempDir()
	// A tmux server of its own for each test: a socket name no other test,
	// and no other run of the tests, shares.
	socket := fmt.Sprintf("pathway-test-%d-%d", os.Getpid(), termCount.Add(1))
	tm := &tmuxTerm{t: t, socket: socket, dir: dir, vault: filepath.Join(dir, "vault")}
	for _, d := range []string{"home", "tmp"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmuxTerm) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs pathway with args in a new 80×24 session. When pathway ends,
// the pane stays (the shell sleeps) so that it can still be read.
func (tm *tmuxTerm) start(args ...string) {
	tm.t.Helper()
	env := []string{
		"HOME=" + filepath.Join(tm.dir, "home"),
		"TMPDIR=" + filepath.Join(tm.dir, "tmp"),
		"XDG_CONFIG_HOME=" + filepath.Join(tm.dir, "home", ".config"),
		"PATHWAY_VAULT=" + tm.vault,
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
	}
	var cmd strings.Builder
	cmd.WriteString("env -i PATH=/usr/bin:/bin ")
	for _, e := range env {
		cmd.WriteString(shellQuote(e) + " ")
	}
	cmd.WriteString(shellQuote(pathwayBinary(tm.t)))
	for _, a := range args {
		cmd.WriteString(" " + shellQuote(a))
	}
	cmd.WriteString("; echo \"exit=$?\" > " + shellQuote(filepath.Join(tm.dir, "exit")) + "; sleep 600")
	tm.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "80", "-y", "24", cmd.String())
	tm.tmux("set-option", "-t", "t", "history-limit", "5000")
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// screen returns what the pane shows now.
func (tm *tmuxTerm) screen() string { return tm.tmux("capture-pane", "-p", "-t", "t") }

// everything returns the pane and its whole scrollback.
func (tm *tmuxTerm) everything() string {
	return tm.tmux("capture-pane", "-p", "-t", "t", "-S", "-", "-E", "-")
}

// waitFor waits until the screen shows want. The limit is generous: under
// `go test ./...` the other packages' tests (scrypt, crash tests) share
// the machine's cores.
func (tm *tmuxTerm) waitFor(want string) string {
	tm.t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(s, want) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settled waits until the screen shows want and has stopped changing for
// a moment, and returns it: for screenshots.
func (tm *tmuxTerm) settled(want string) string {
	tm.t.Helper()
	s := tm.waitFor(want)
	deadline := time.Now().Add(15 * time.Second)
	for {
		time.Sleep(150 * time.Millisecond)
		next := tm.screen()
		if next == s && strings.Contains(s, want) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never settled:\n%s", next)
		}
		s = next
	}
}

// focus waits until the field titled title has the focus (huh marks the
// focused field with a bar).
func (tm *tmuxTerm) focus(title string) { tm.t.Helper(); tm.waitFor("┃ " + title) }

// keys sends keys (tmux key names, or text with -l) and waits until the
// screen changes.
func (tm *tmuxTerm) keys(keys ...string) {
	tm.t.Helper()
	before := tm.screen()
	if len(keys) > 0 && keys[0] == "-l" {
		for _, k := range keys[1:] {
			tm.typed += len([]rune(k))
		}
	} else {
		tm.navKeys += len(keys)
	}
	tm.tmux(append([]string{"send-keys", "-t", "t"}, keys...)...)
	deadline := time.Now().Add(15 * time.Second)
	for tm.screen() == before {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen did not change after %v:\n%s", keys, before)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// quiet returns the screen once it has stopped changing for a moment. A
// key may draw more than one frame (huh moves the focus to the next field
// in a message of its own, one frame after the key), so a loop that
// decides by what the screen shows must not read the frame in between.
func (tm *tmuxTerm) quiet() string {
	tm.t.Helper()
	s := tm.screen()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(60 * time.Millisecond)
		next := tm.screen()
		if next == s {
			return s
		}
		s = next
	}
	return s
}

// text types literal text.
func (tm *tmuxTerm) text(s string) { tm.t.Helper(); tm.keys("-l", s) }

// exited waits for pathway to end and returns its exit line.
func (tm *tmuxTerm) exited() string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if b, err := os.ReadFile(filepath.Join(tm.dir, "exit")); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("pathway did not end; the screen shows:\n%s", tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tm *tmuxTerm) passFile() string {
	p := filepath.Join(tm.dir, "pass.txt")
	os.WriteFile(p, []byte("correct horse battery staple\n"), 0o600)
	return p
}

// export runs pathway export on the vault and decodes the binder.
func (tm *tmuxTerm) export() map[string]any {
	tm.t.Helper()
	out, err := exec.Command(pathwayBinary(tm.t), "--vault", tm.vault, "--passphrase-file", tm.passFile(), "export").Output()
	if err != nil {
		tm.t.Fatalf("export: %v", err)
	}
	var b map[string]any
	if err := json.Unmarshal(out, &b); err != nil {
		tm.t.Fatal(err)
	}
	return b
}

// noPlaintext fails if marker is in any file under the test's HOME, TMPDIR
// or vault.
func (tm *tmuxTerm) noPlaintext(marker string) {
	tm.t.Helper()
	found, files := findPlaintext([]string{tm.dir}, marker, "exit", "pass.txt")
	if files == 0 {
		tm.t.Fatal("no files to search: the vault was not written")
	}
	for _, p := range found {
		tm.t.Errorf("%s holds the answer %q", p, marker)
	}
}

// markerForms are the ways a text can sit in a file: as UTF-8, as UTF-16
// (both byte orders), and in base64 at each of its three alignments.
func markerForms(marker string) [][]byte {
	forms := [][]byte{[]byte(marker)}
	var le, be []byte
	for _, r := range utf16.Encode([]rune(marker)) {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	forms = append(forms, le, be)
	for pad := range 3 {
		enc := base64.StdEncoding.EncodeToString(append(make([]byte, pad), marker...))
		// Keep the characters that depend on the marker only.
		start := (pad*8 + 5) / 6
		end := len(enc) - 4
		if end > start+4 {
			forms = append(forms, []byte(enc[start:end]))
		}
	}
	return forms
}

// findPlaintext searches every file under dirs (but those named in skip)
// for marker in any of its forms; it returns the files that hold it and
// how many files it read.
func findPlaintext(dirs []string, marker string, skip ...string) (found []string, files int) {
	forms := markerForms(marker)
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || slices.Contains(skip, filepath.Base(p)) {
				return nil
			}
			files++
			b, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			for _, f := range forms {
				if bytes.Contains(b, f) {
					found = append(found, p)
					break
				}
			}
			return nil
		})
	}
	return found, files
}

func field(b map[string]any, path string) any { return jsonPath(any(b), path) }

// TestTerminalReleasePlan fills a release plan in the full-screen wizard:
// a legal clinic and a bond person added on the way, both numbers to learn
// by heart, then saved.
func TestTerminalReleasePlan(t *testing.T) {
	tm := newTerm(t)
	tm.start("new", "release", "--passphrase-file", tm.passFile())
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.focus("In a few words")
	tm.text("marker-context-7Q")
	tm.keys("Enter")

	// Page 1: the legal clinic is someone new: Enter on "+ Add someone
	// new" adds at once; then a note, asked for in the list.
	tm.waitFor("Legal help and support — part 1 of 7")
	tm.focus("A community legal clinic")
	tm.pointAt("+ Add someone new")
	tm.keys("Enter")
	tm.waitFor("They will be in your plan as: legal clinic")
	tm.focus("Name or nickname")
	tm.text("Riverside Legal Clinic")
	tm.keys("Enter")
	tm.focus("Phone number")
	tm.text("416-555-0177")
	tm.keys("Enter")
	tm.focus("Have they said yes")
	tm.keys("Enter")
	tm.focus("Learn this number by heart?")
	tm.keys("Up")
	tm.keys("Enter")
	tm.focus("Name on the card")
	tm.keys("Enter")
	tm.waitForWords("✓ Riverside Legal Clinic is picked for: A community legal clinic")
	tm.focus("An immigration lawyer")
	tm.keys("BTab")
	tm.focus("A community legal clinic")
	tm.pointAt("✎ Add a note")
	tm.keys("Enter")
	tm.focus("A note, if you want")
	tm.text("marker-note-7Q")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// Page 2: the numbers by heart, early; the clinic is already picked.
	tm.waitFor("Numbers you know by heart — part 2 of 7")
	s := tm.focusScreen("Whose numbers will you learn by heart?")
	if !strings.Contains(s, "[•] Riverside Legal Clinic — 416 555 0177") {
		t.Fatalf("the clinic's number is not picked:\n%s", s)
	}
	tm.keys("Enter")
	tm.focus("Then:")
	tm.keys("Enter")

	// Page 3: nothing answered but the care text.
	tm.waitFor("Home, children and pets — part 3 of 7")
	tm.focus("Who would look after")
	tm.keys("Enter")
	tm.focus("What do they need to know?")
	tm.text("marker-care-7Q")
	tm.noPlaintext("marker-care-7Q") // while the wizard runs, before the page is saved
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// Page 4: the bond person, new, agreed, to learn by heart.
	tm.waitFor("Bond person — part 4 of 7")
	tm.focus("Who could bring money")
	tm.pointAt("+ Add someone new")
	tm.keys("Enter")
	tm.waitFor("They will be in your plan as: bond person (money)")
	tm.text("Mei")
	tm.keys("Enter")
	tm.focus("Phone number")
	tm.text("(016) 555-0123")
	tm.keys("Enter")
	tm.waitFor("This area code does not exist")
	tm.focus("Phone number") // the field keeps the text and the focus
	tm.keys("C-u")
	tm.text("416 555 0123")
	tm.keys("Enter")
	tm.focus("Have they said yes")
	tm.keys("Up")
	tm.keys("Enter")
	tm.focus("Learn this number by heart?")
	tm.keys("Up")
	tm.keys("Enter")
	tm.focus("Name on the card")
	tm.keys("Enter")
	tm.waitFor("Bond person — part 4 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// Pages 5 to 7: Enter through them. After "Who calls whom", the
	// helpers to agree "if you don't hear from me" with: Done.
	for _, page := range []string{"Where you will stay — part 5 of 7", "Who calls whom — part 6 of 7", "Health, money and papers — part 7 of 7"} {
		tm.waitFor(page)
		tm.untilFocus("Then:")
		tm.keys("Enter")
		if strings.HasPrefix(page, "Who calls whom") {
			tm.focus("If they don't hear from you")
			tm.keys("Enter")
		}
	}
	tm.waitFor("Your plan")
	tm.waitFor("Enter: save this plan")
	tm.keys("Enter")
	// Once saved, the check-up of the plan.
	tm.waitFor("Your plans: a check-up")
	tm.waitFor("Practise your numbers until you know them")
	tm.keys("Enter")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}

	b := tm.export()
	if got := field(b, "plans/0/status"); got != "done" {
		t.Errorf("status %v", got)
	}
	if got := field(b, "plans/0/answers/bond.money/contacts/0"); got != "c2" {
		t.Errorf("bond person %v", got)
	}
	if got := field(b, "contacts/1"); got == nil || field(b, "contacts/1/name") != "Mei" ||
		field(b, "contacts/1/agreed") != true || field(b, "contacts/1/learn") != true ||
		field(b, "contacts/1/phones/0/number") != "+14165550123" {
		t.Errorf("bond person contact %v", got)
	}
	if field(b, "contacts/0/learn") != true || field(b, "contacts/0/roles/0") != "legal-clinic" {
		t.Errorf("clinic %v", field(b, "contacts/0"))
	}
	if got := field(b, "plans/0/answers/home.care/text"); got != "marker-care-7Q" {
		t.Errorf("care %v", got)
	}
	if got := field(b, "plans/0/answers/network.clinic"); fmt.Sprint(got) != "map[contacts:[c1] text:marker-note-7Q]" {
		t.Errorf("clinic and its note: %v", got)
	}
	tm.noPlaintext("marker-note-7Q")
	tm.noPlaintext("marker-care-7Q")
	tm.noPlaintext("marker-context-7Q")
}

// focusScreen waits for the focus on title and returns the screen.
func (tm *tmuxTerm) focusScreen(title string) string {
	tm.t.Helper()
	return tm.waitFor("┃ " + title)
}

// TestTerminalQuickExit presses Esc twice in the middle of a page: the
// screen and the scrollback are empty afterwards, nothing was printed, and
// the pages finished before are saved.
func TestTerminalQuickExit(t *testing.T) {
	tm := newTerm(t)
	tm.start("new", "safety", "--passphrase-file", tm.passFile())
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.focus("In a few words")
	tm.text("marker-context-3K")
	tm.keys("Enter")
	tm.focus("If you leave, could the person")
	tm.text("marker-risk-3K")
	for !strings.Contains(tm.quiet(), "┃ Then:") {
		tm.keys("Enter")
	}
	tm.keys("Enter")
	tm.waitFor("People and help — part 2 of 4")
	tm.focus("Who can help you find")
	tm.keys("Enter") // a list has no note field until one is asked for
	tm.focus("What other help do you need?")
	tm.text("marker-unsaved-3K")

	tm.keys("Escape")
	tm.waitFor("Press Esc again to close at once")
	tm.tmux("send-keys", "-t", "t", "Escape")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after the quick exit:\n%q", all)
	}
	b := tm.export()
	if got := field(b, "plans/0/answers/leave.risk/text"); got != "marker-risk-3K" {
		t.Errorf("the finished page was not saved: %v", got)
	}
	if got := field(b, "plans/0/resume"); got != "supports" {
		t.Errorf("resume at %v", got)
	}
	if got := field(b, "plans/0/answers/supports.needs"); got != nil {
		t.Errorf("the unfinished page was saved: %v", got)
	}
	for _, m := range []string{"marker-context-3K", "marker-risk-3K", "marker-unsaved-3K"} {
		tm.noPlaintext(m)
	}
}

// TestTerminalCtrlC: Ctrl-C is a quick exit too.
func TestTerminalCtrlC(t *testing.T) {
	tm := newTerm(t)
	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.waitFor("What do you want to do?")
	tm.tmux("send-keys", "-t", "t", "C-c")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after Ctrl-C:\n%q", all)
	}
}

var updateScreens = flag.Bool("update-screens", false, "rewrite docs/screens from the terminal")

// TestScreens captures, at 80×24, the home menu, a wizard page and the
// summary of the sample binder, and compares them with docs/screens/.
// Run with -update-screens to rewrite them after a change, and read the
// difference before committing it.
func TestScreens(t *testing.T) {
	tm := newTerm(t)
	// The sample, with the release plan stopped before its last page.
	var b map[string]any
	data, err := os.ReadFile("../../testdata/sample-binder.json")
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(data, &b)
	rel := jsonPath(b, "plans/1").(map[string]any)
	rel["status"], rel["resume"] = "draft", "heart"
	data, _ = json.Marshal(b)
	in := filepath.Join(tm.dir, "in.json")
	os.WriteFile(in, data, 0o600)
	if out, err := exec.Command(pathwayBinary(t), "--vault", tm.vault, "--passphrase-file", tm.passFile(), "import", in).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}

	tm.start("--passphrase-file", tm.passFile())
	shots := map[string]string{}
	shots["home"] = tm.settled("Quit")
	tm.keys("Down") // Practise my numbers
	tm.keys("Down") // Go on with a plan
	tm.keys("Enter")
	shots["which-plan"] = tm.settled("Which plan?")
	tm.keys("Down")
	tm.keys("Enter")
	shots["wizard-page"] = tm.settled("Numbers you know by heart — part 2 of 7")
	tm.keys("Enter")
	tm.focus("Then:")
	tm.keys("Enter")
	// The pages after it, to the summary; after "Who calls whom", the
	// helpers to agree "if you don't hear from me" with: Done.
	for _, page := range []string{"part 3 of 7", "part 4 of 7", "part 5 of 7", "Who calls whom — part 6 of 7", "part 7 of 7"} {
		tm.waitFor(page)
		for !strings.Contains(tm.quiet(), "┃ Then:") {
			tm.keys("Enter")
		}
		tm.keys("Enter")
		if strings.HasPrefix(page, "Who calls whom") {
			tm.focus("If they don't hear from you")
			tm.keys("Enter")
		}
	}
	shots["summary"] = tm.settled("Enter: save this plan")

	// The home menu in two of the languages, to see that the text lines up
	// in display cells (a Chinese character takes two).
	for _, tag := range []string{"zh-Hans", "vi"} {
		lt := newTerm(t)
		if out, err := exec.Command(pathwayBinary(t), "--vault", lt.vault, "--passphrase-file", lt.passFile(), "import", in).CombinedOutput(); err != nil {
			t.Fatalf("import: %v\n%s", err, out)
		}
		lt.start("--lang", tag, "--passphrase-file", lt.passFile())
		l, _ := locales.Get(tag)
		shots["home-"+tag] = lt.settled(l.T("home.quit"))
	}

	for name, got := range shots {
		for _, line := range strings.Split(got, "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("%s: a line is %d cells wide: %q", name, w, line)
			}
		}
		path := filepath.Join("..", "..", "docs", "screens", name+".txt")
		got = strings.TrimRight(got, "\n") + "\n"
		if *updateScreens {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/pathway -run TestScreens -update-screens)", err)
		}
		if string(want) != got {
			t.Errorf("%s differs from the screen now; if the change is right, rerun with -update-screens.\nwant:\n%s\ngot:\n%s", path, want, got)
		}
	}
}

// TestTerminalDrill runs one drill in the full-screen interface.
func TestTerminalDrill(t *testing.T) {
	tm := newTerm(t)
	if out, err := exec.Command(pathwayBinary(t), "--vault", tm.vault, "--passphrase-file", tm.passFile(), "import", "../../testdata/sample-binder.json").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	tm.start("practise", "--passphrase-file", tm.passFile())
	tm.focus("Ana: type the number from memory.")
	tm.text("647-555-0142")
	tm.keys("Enter")
	tm.focus("Butterfly: type the number from memory.")
	tm.waitFor("Right: 647 · 555 · 0142")
	tm.keys("Enter") // nothing typed: shown the number
	tm.focus("Mei: type the number from memory.")
	tm.waitFor("Not quite. The number is 416 · 906 · 3098.")
	tm.text("416 555 0123")
	tm.keys("Enter")
	tm.focus("Butterfly: type the number from memory.")
	tm.text("(416) 906-3098")
	tm.keys("Enter")
	// What happened, not a verdict: Butterfly was missed once.
	s := tm.waitForDrillEnd()
	if !strings.Contains(s, "2 right first time, 1 to practise again.") || strings.Contains(s, "by heart") {
		t.Errorf("the drill's report:\n%s", s)
	}
	tm.keys("Enter")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	b := tm.export()
	practice, _ := b["practice"].([]any)
	if len(practice) != 3 {
		t.Fatalf("practice: %v", b["practice"])
	}
	for _, p := range practice {
		if box := p.(map[string]any)["box"].(float64); box < 1 {
			t.Errorf("a number answered right in the end is in box %v", box)
		}
	}
	if strings.Contains(tm.everything(), "416 · 555 · 0123") {
		t.Error("a number was left in the terminal's scrollback")
	}
}
