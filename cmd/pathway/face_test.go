package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"pathway/crypt"
)

// importSample puts the sample binder into the test's vault.
func (tm *tmuxTerm) importSample() {
	tm.t.Helper()
	out, err := exec.Command(pathwayBinary(tm.t), "--vault", tm.vault, "--passphrase-file", tm.passFile(),
		"import", filepath.Join("..", "..", "testdata", "sample-binder.json")).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("import: %v\n%s", err, out)
	}
}

// waitForWords waits until the screen shows want, however its lines are
// wrapped: a long file name can push words onto the next line.
func (tm *tmuxTerm) waitForWords(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// choose moves the cursor of the menu on screen to label and picks it.
func (tm *tmuxTerm) choose(label string) {
	tm.t.Helper()
	// Down first; then up, for a menu that comes back with its cursor
	// where it was left, below the item.
	for _, key := range []string{"Down", "Up"} {
		for range 60 {
			if strings.Contains(tm.quiet(), "> "+label) {
				tm.keys("Enter")
				return
			}
			tm.keys(key)
		}
	}
	tm.t.Fatalf("no menu item %q on the screen:\n%s", label, tm.screen())
}

// TestTerminalNoticesStayOnScreen: in the full-screen home menu, what
// pathway says after an action (a folder that does not exist, a file that
// exists, a printout saved and NOT encrypted) is shown on the screen until
// the person goes on, and the menu comes back. Nothing is left in the
// scrollback.
func TestTerminalNoticesStayOnScreen(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	exists := filepath.Join(tm.dir, "exists.pdf")
	os.WriteFile(exists, []byte("mine"), 0o600)
	good := filepath.Join(tm.dir, "cards.pdf")

	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.choose("Print a plan or my number cards")
	tm.waitFor("What should it print?")
	tm.choose("Print wallet-size cards")

	// The choices the command line offers: labels, a back side, paper.
	tm.waitFor("Which paper size?")
	tm.choose("A4")
	tm.waitFor("Should the cards say who each person is")
	tm.choose("No: names and numbers only")
	tm.waitFor("Also print a back side")
	tm.choose("No")

	// A folder that does not exist is refused, and not made.
	tm.focus("Which folder should the printout go in?")
	tm.text(filepath.Join(tm.dir, "no-such-folder"))
	tm.keys("Enter")
	tm.waitForWords("There is no folder")
	tm.keys("Enter")
	if _, err := os.Stat(filepath.Join(tm.dir, "no-such-folder")); err == nil {
		t.Fatal("a folder was made")
	}

	// The same question again.
	tm.focus("Which folder should the printout go in?")
	tm.text(tm.dir)
	tm.keys("Enter")
	tm.focus("File name")
	tm.text("exists.pdf")
	tm.keys("Enter")
	tm.waitForWords("exists already")
	tm.keys("Enter")
	if b, _ := os.ReadFile(exists); string(b) != "mine" {
		t.Fatalf("the file that was there was changed: %q", b)
	}

	// Enter takes the name offered.
	tm.focus("File name")
	tm.waitForWords("keep the name cards.pdf")
	tm.keys("Enter")
	tm.waitForWords("It is NOT encrypted")
	tm.keys("Enter")
	tm.waitFor("What do you want to do?")
	if b, err := os.ReadFile(good); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("no PDF was written: %v", err)
	}

	tm.choose("Quit")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after quitting:\n%q", all)
	}
}

// TestTerminalLanguageAtOnce: Tiếng Việt chosen in the menu changes the
// very next frame, its key hints included, and the next run's passphrase
// prompt, before the vault is open, is in the system's language as asked.
func TestTerminalLanguageAtOnce(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.choose("Language")
	tm.choose("Tiếng Việt (vi)")
	s := tm.waitFor("Bạn muốn làm gì?")
	for _, want := range []string{"In một kế hoạch hoặc thẻ số điện thoại của tôi", "lên"} {
		if !strings.Contains(s, want) {
			t.Errorf("the next frame has no %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "What do you want to do?") || strings.Contains(s, " up ") {
		t.Errorf("English is left in the next frame:\n%s", s)
	}
	// The next passphrase prompt is in Vietnamese too.
	tm.choose("Chia sẻ một phần kế hoạch của tôi")
	tm.focus("Bạn muốn chia sẻ những phần nào?")
	tm.keys("x")
	tm.keys("Enter")
	tm.focus("Cái này cho ai?")
	tm.keys("Enter")
	tm.waitFor("Họ sẽ mở tập tin bằng cách nào?")
	tm.choose("Bằng một cụm mật khẩu tôi sẽ nói cho họ")
	tm.waitFor("Bạn muốn tạo nó thế nào?")
	tm.choose("Tôi sẽ gõ một cụm mật khẩu cho tập tin này")
	tm.waitFor("Ít nhất 8 ký tự")
	tm.keys("Escape")
	tm.keys("Escape")
	tm.exited()

	// The language is saved in the vault: the next run speaks it once the
	// vault is open, commands without screens too.
	out, err := exec.Command(pathwayBinary(t), "--vault", tm.vault, "--passphrase-file", tm.passFile(), "keygen").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "age1") {
		t.Fatalf("keygen: %v\n%s", err, out)
	}
	vi := []string{"Khóa", "khóa"}
	if !strings.Contains(string(out), vi[0]) && !strings.Contains(string(out), vi[1]) {
		t.Errorf("keygen did not speak the saved language:\n%s", out)
	}
}

// TestTerminalTypingDuringSave: keys typed while pathway seals the new
// vault (the first run, with the passphrase's slow key derivation) are
// neither echoed into the scrollback nor given to the next question.
func TestTerminalTypingDuringSave(t *testing.T) {
	var tm *tmuxTerm
	for attempt := 1; ; attempt++ {
		tm = newTerm(t)
		tm.start("new", "safety", "--passphrase-file", tm.passFile())
		tm.waitFor("Welcome to pathway")
		tm.keys("Enter") // the welcome goes; the new vault is saved (scrypt)
		tm.tmux("send-keys", "-t", "t", "-l", "typed-while-saving")
		// tmux has put the keys in the terminal's input when send-keys
		// returns. If the next question is on the screen already, the save
		// had ended before they came (a slow machine delayed them): that
		// tests nothing, and it is tried again.
		if !strings.Contains(tm.screen(), "In a few words") {
			break
		}
		if attempt == 5 {
			t.Fatal("five times the save ended before the keys were typed: nothing was tested")
		}
		t.Logf("attempt %d: the save ended before the keys came; again", attempt)
	}
	tm.focus("In a few words")
	s := tm.quiet()
	if strings.Contains(s, "typed-while-saving") {
		t.Fatalf("keys typed during the save reached the next question:\n%s", s)
	}
	if all := tm.everything(); strings.Contains(all, "typed-while-saving") {
		t.Fatalf("keys typed during the save are in the scrollback:\n%s", all)
	}
	tm.keys("Escape")
	tm.keys("Escape")
	tm.exited()
	if all := tm.everything(); strings.Contains(all, "typed-while-saving") {
		t.Fatalf("keys typed during the save are in the scrollback after the end:\n%s", all)
	}
	// Nor in any answer: no file holds them, sealed or not.
	b := tm.export()
	if got := fmt.Sprint(b); strings.Contains(got, "typed-while-saving") {
		t.Fatalf("keys typed during the save are in the binder: %s", got)
	}
	tm.noPlaintext("typed-while-saving")
}

// TestTerminalShareErrorKeepsChoices: in the menu's share flow, a public
// key that cannot be used is said on the screen, and the same question
// comes back with the parts chosen before still chosen; the passphrase of
// the shared file is asked with its own words, not the vault's.
func TestTerminalShareErrorKeepsChoices(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.choose("Share a part of my plans")
	tm.focus("Which parts do you want to share?")
	tm.keys("x")
	tm.keys("Enter")
	tm.focus("Who is it for?")
	tm.keys("Enter")
	tm.waitFor("How will they open the file?")
	tm.choose("With their key")
	tm.focus("Paste their public key")
	tm.text("age1-not-a-key")
	tm.keys("Enter")
	tm.waitForWords("is not a public key pathway can use")
	tm.keys("Enter")
	tm.waitFor("How will they open the file?")
	tm.choose("With their key")
	tm.focus("Paste their public key")
	if s := tm.screen(); strings.Contains(s, "age1-not-a-key") {
		t.Fatalf("the refused key is still typed in:\n%s", s)
	}
	tm.keys("Enter")
	// The passphrase of a file for someone else has words of its own, not
	// those of the person's first passphrase.
	tm.waitFor("How will they open the file?")
	tm.choose("With a passphrase I will tell them")
	tm.waitForWords("your own passphrase does not change")
	if s := tm.screen(); strings.Contains(s, "How do you want to make your passphrase?") {
		t.Fatalf("the first-run words are used for someone else's passphrase:\n%s", s)
	}
	tm.choose("I will type a passphrase for this file")
	tm.waitForWords("A new passphrase for this file only (not your own passphrase)")
	tm.keys("Escape")
	tm.keys("Escape")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
}

// TestTerminalOutreachSaved: at the end of an outreach session, "Saved,
// encrypted, in FOLDER" is on the screen until the person goes on, and the
// folder holds the sealed plans.
func TestTerminalOutreachSaved(t *testing.T) {
	tm := newTerm(t)
	stick := filepath.Join(tm.dir, "stick")
	os.Mkdir(stick, 0o700)
	tm.start("--outreach", "--passphrase-file", tm.passFile())
	tm.waitFor("Outreach mode")
	tm.keys("Enter")
	tm.waitFor("What do you want to do?")
	tm.choose("Quit")
	tm.waitFor("what do you want to take with you?")
	tm.choose("Save my plans, encrypted")
	tm.focus("Which folder should the encrypted plans go in?")
	tm.text(stick)
	tm.keys("Enter")
	tm.waitForWords("Saved, encrypted, in " + stick)
	tm.keys("Enter")
	tm.waitFor("take with you?")
	tm.choose("Nothing more")
	// At the end, exactly what was written where.
	tm.waitForWords("What pathway wrote on this computer: " + filepath.Join(stick, "binder.age"))
	tm.keys("Enter")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if _, err := os.Stat(filepath.Join(stick, "binder.age")); err != nil {
		t.Fatalf("nothing was saved on the stick: %v", err)
	}
}

// TestTerminalFirstRunMismatch: on the first run, two passphrases that
// differ are said on the screen; a passphrase made for the person is shown
// again, the same one, and typing it right goes on.
func TestTerminalFirstRunMismatch(t *testing.T) {
	tm := newTerm(t)
	tm.start("new", "safety")
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.waitFor("How do you want to make your passphrase?")
	tm.choose("Make one for me from six random words")
	words := regexp.MustCompile(`\b[a-z]+( [a-z]+){5}\b`)
	first := words.FindString(tm.waitFor("Enter: continue"))
	if first == "" {
		t.Fatalf("no six words on the screen:\n%s", tm.screen())
	}
	tm.keys("Enter")
	tm.focus("Type it again")
	tm.text("not the same words at all")
	tm.keys("Enter")
	tm.waitForWords("The two passphrases are not the same")
	tm.keys("Enter")
	again := words.FindString(tm.waitFor("Enter: continue"))
	if again != first {
		t.Fatalf("a different passphrase was shown the second time: %q, then %q", first, again)
	}
	tm.keys("Enter")
	tm.focus("Type it again")
	tm.text(first)
	tm.keys("Enter")
	tm.focus("In a few words")
	tm.keys("Escape")
	tm.keys("Escape")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if _, err := os.Stat(filepath.Join(tm.vault, crypt.KeyName)); err != nil {
		t.Fatalf("the vault was not made: %v", err)
	}
}

// TestTerminalEscEscInOneRead: Esc Esc sent in one write (as a fast typist
// or some terminals deliver it) closes at once, like two separate Esc.
func TestTerminalEscEscInOneRead(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.tmux("send-keys", "-t", "t", "Escape", "Escape")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after the quick exit:\n%q", all)
	}
}
