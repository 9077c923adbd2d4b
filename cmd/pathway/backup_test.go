package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/locales"
)

// TestTerminalBeforeASearch: the home menu's "Before a search" page in a
// real terminal: the steps and what deleting cannot hide, then the backup
// made from there (a place inside the vault refused and asked again), a
// quit that leaves nothing on the screen, and a backup that restores to
// the same binder.
func TestTerminalBeforeASearch(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	stick := filepath.Join(tm.dir, "stick")
	if err := os.Mkdir(stick, 0o700); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(stick, "plans-backup.age")

	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.choose("Before a search: take my plans off this device")
	tm.waitForWords("The safest device then holds no plans at all.")
	screenShot(t, "before-a-search", tm.settled("Before a search"))
	words := func() string { return strings.Join(strings.Fields(tm.screen()), " ") }
	for i := 0; !strings.Contains(words(), "What deleting cannot hide"); i++ {
		if i == 20 {
			t.Fatalf("the page never showed what deleting cannot hide:\n%s", tm.screen())
		}
		tm.keys("Down")
	}
	tm.keys("Enter")
	tm.choose("Make the backup now")
	tm.focus("Where should the backup go?")
	tm.text(filepath.Join(tm.vault, "inside.age"))
	tm.keys("Enter")
	tm.waitForWords("is inside the vault folder")
	tm.keys("Enter")
	tm.focus("Where should the backup go?")
	tm.text(backup)
	tm.keys("Enter")
	tm.waitForWords("pathway opened it again to check it")
	tm.keys("Enter")
	tm.choose("Back to the menu")
	tm.waitFor("Start a new plan")
	tm.choose("Quit")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after quitting:\n%q", all)
	}
	if _, err := os.Stat(filepath.Join(tm.vault, "inside.age")); err == nil {
		t.Error("a backup was written inside the vault")
	}

	export := func(vault string) []byte {
		out, err := exec.Command(pathwayBinary(t), "--vault", vault, "--passphrase-file", tm.passFile(), "export").Output()
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		return out
	}
	other := filepath.Join(tm.dir, "other")
	if out, err := exec.Command(pathwayBinary(t), "--vault", other, "--passphrase-file", tm.passFile(), "restore", backup).CombinedOutput(); err != nil {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	if a, b := export(tm.vault), export(other); !bytes.Equal(a, b) || len(a) == 0 {
		t.Errorf("the backup made from the menu restores to another binder:\n%s\n---\n%s", a, b)
	}
}

// screenShot compares a screen with docs/screens/NAME.txt, or writes it
// there with -update-screens, as TestScreens does.
func screenShot(t *testing.T, name, got string) {
	t.Helper()
	for _, line := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("%s: a line is %d cells wide: %q", name, w, line)
		}
	}
	path := filepath.Join("..", "..", "docs", "screens", name+".txt")
	got = strings.TrimRight(got, "\n") + "\n"
	if *updateScreens {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (rerun with -update-screens)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the screen now; if the change is right, rerun with -update-screens.\nwant:\n%s\ngot:\n%s", path, want, got)
	}
}

// TestBeforeSearchDocs: docs/before-a-search/<language>.md is the page
// "Before a search" as the home menu shows it, in each of pathway's
// languages, read from the same catalogue, so that the documentation never
// says other words than the program. -update-screens rewrites them.
func TestBeforeSearchDocs(t *testing.T) {
	for _, tag := range locales.Available() {
		e := &env.Env{Getenv: func(string) string { return "" }}
		if err := e.SetLanguage(tag); err != nil {
			t.Fatal(err)
		}
		got := "# " + e.T("before.title") + "\n\n" + flows.BeforeSearchText(e) + "\n"
		if strings.Contains(got, "before.") {
			t.Errorf("%s: a message is missing:\n%s", tag, got)
		}
		path := filepath.Join("..", "..", "docs", "before-a-search", tag+".md")
		if *updateScreens {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (rerun with -update-screens)", err)
		}
		if string(want) != got {
			t.Errorf("%s differs from the page; rerun with -update-screens.\nwant:\n%s\ngot:\n%s", path, want, got)
		}
	}
}

// TestTerminalSearchAndBack is the whole of "Before a search" as a person
// lives it, with no command typed: the backup made from the page, the
// plans deleted from the device (the question's first answer keeps them),
// then pathway started again on the empty device, where the passphrase
// screen offers to bring the plans back from the backup: a path that
// does not exist and a wrong passphrase are said and asked again, and the
// plans come back as they were, opening with the backup's passphrase, in
// the language they were made in (the hard binder's Vietnamese).
func TestTerminalSearchAndBack(t *testing.T) {
	tm := newTerm(t)
	out, err := exec.Command(pathwayBinary(t), "--vault", tm.vault, "--passphrase-file", tm.passFile(),
		"import", filepath.Join("..", "..", "testdata", "hard-binder.json")).CombinedOutput()
	if err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	before := tm.exportBytes()
	stick := filepath.Join(tm.dir, "stick")
	if err := os.Mkdir(stick, 0o700); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(stick, "plans-backup.age")

	// The hard binder speaks Vietnamese; the page in English here.
	tm.start("--lang", "en", "--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.choose("Before a search: take my plans off this device")
	tm.waitForWords("The safest device then holds no plans at all.")
	if s := strings.Join(strings.Fields(tm.everything()), " "); strings.Contains(s, "pathway wipe") || strings.Contains(s, "pathway restore") {
		t.Errorf("the page names a command:\n%s", tm.screen())
	}
	tm.keys("Enter") // on from the page
	tm.choose("Delete my plans from this device")
	tm.waitForWords("You have not made a backup on this page.")
	tm.choose("No, keep them")
	tm.choose("Make the backup now")
	tm.focus("Where should the backup go?")
	tm.text(backup)
	tm.keys("Enter")
	tm.waitForWords("pathway opened it again to check it")
	tm.keys("Enter")
	tm.choose("Delete my plans from this device")
	s := tm.waitFor("Yes, delete them now")
	if strings.Contains(strings.Join(strings.Fields(s), " "), "You have not made a backup") {
		t.Errorf("after a backup, the question still says there is none:\n%s", s)
	}
	tm.choose("Yes, delete them now")
	tm.waitForWords("Your plans are no longer on this device.")
	tm.keys("Enter")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if _, err := os.Stat(tm.vault); !os.IsNotExist(err) {
		t.Fatalf("the vault is still there after the deletion: %v", err)
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("the backup went with the plans: %v", err)
	}

	// The empty device: pathway again, no passphrase file.
	// A second session keeps the tmux server up while the first goes.
	tm.tmux("new-session", "-d", "-s", "keep", "sleep 600")
	tm.tmux("kill-session", "-t", "t")
	os.Remove(filepath.Join(tm.dir, "exit"))
	tm.start()
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.waitFor("How do you want to make your passphrase?")
	tm.choose("I have a backup: bring my plans back")
	tm.focus("Where is your backup file?")
	tm.text(filepath.Join(stick, "no-such-backup.age"))
	tm.keys("Enter")
	tm.waitForWords("Could not read")
	tm.keys("Enter")
	tm.focus("Where is your backup file?")
	tm.text(backup)
	tm.keys("Enter")
	if s := tm.waitFor("Passphrase of the backup"); !strings.Contains(s, "Welcome to pathway") {
		t.Errorf("the backup's passphrase is asked under another header:\n%s", s)
	}
	tm.text("not the passphrase at all")
	tm.keys("Enter")
	tm.waitForWords("That passphrase does not open")
	tm.text("correct horse battery staple")
	tm.keys("Enter")
	// Back in the language the plans were made in: Vietnamese.
	tm.waitForWords("Kho mở bằng cùng cụm mật khẩu với bản sao lưu.")
	tm.keys("Enter")
	tm.waitFor("Bạn muốn làm gì?")
	tm.choose("Thoát")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if after := tm.exportBytes(); !bytes.Equal(before, after) {
		t.Errorf("the plans that came back differ:\n%s\n---\n%s", before, after)
	}
}

// exportBytes runs pathway export on the vault.
func (tm *tmuxTerm) exportBytes() []byte {
	tm.t.Helper()
	out, err := exec.Command(pathwayBinary(tm.t), "--vault", tm.vault, "--passphrase-file", tm.passFile(), "export").Output()
	if err != nil {
		tm.t.Fatalf("export: %v", err)
	}
	return out
}

// TestAccessibleRestoreFirst: in accessible mode, a new pathway's
// passphrase question offers the backup as its third numbered choice; the
// plans come back and the numbered home menu speaks their language.
func TestAccessibleRestoreFirst(t *testing.T) {
	tm := newTerm(t)
	made := filepath.Join(tm.dir, "made")
	backup := filepath.Join(tm.dir, "plans-backup.age")
	for _, args := range [][]string{
		{"--vault", made, "--passphrase-file", tm.passFile(), "import", filepath.Join("..", "..", "testdata", "hard-binder.json")},
		{"--vault", made, "--passphrase-file", tm.passFile(), "backup", "-o", backup},
	} {
		if out, err := exec.Command(pathwayBinary(t), args...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	tm.start("--accessible")
	tm.waitFor("How do you want to make your passphrase?")
	tm.waitFor("3) I have a backup: bring my plans back")
	tm.text("3")
	tm.keys("Enter")
	tm.waitFor("Where is your backup file?")
	// A file from inside a vault opens with a key, not a passphrase: said
	// before any passphrase is asked, and the path asked again.
	tm.text(filepath.Join(made, "binder.age"))
	tm.keys("Enter")
	tm.waitForWords("does not open with a passphrase")
	tm.text(backup)
	tm.keys("Enter")
	tm.waitFor("Passphrase of the backup")
	// Typed without echo: the screen does not change until Enter.
	tm.tmux("send-keys", "-t", "t", "-l", "correct horse battery staple")
	tm.keys("Enter")
	s := tm.waitFor("Bạn muốn làm gì?")
	m := regexp.MustCompile(`(\d+)\) Thoát`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no numbered Quit in Vietnamese:\n%s", s)
	}
	tm.text(m[1])
	tm.keys("Enter")
	tm.waitFor("Bấm Enter") // to clear the screen and its history
	tm.keys("Enter")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s:\n%s", got, tm.everything())
	}
	b := tm.export()
	if n := len(b["contacts"].([]any)); n < 12 {
		t.Errorf("%d contacts came back", n)
	}
}
