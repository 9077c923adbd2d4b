package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// TestTerminalShareNewUser: someone new starts pathway, begins a safety
// plan and stops after its first page, then shares that page through the
// menu, from start to file: a screen explains keys, a date written the
// wrong way is named as such (not as a day that has passed), the preview
// says the day is a request, and the button says what it does. The real
// age opens the file, which holds the page and not what the plan is about.
// The list of shares then shows it.
func TestTerminalShareNewUser(t *testing.T) {
	ageDir := ageCommand(t)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	tm := newTerm(t)
	keyFile := filepath.Join(tm.dir, "lin.key")
	if err := os.WriteFile(keyFile, []byte(id.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tm.dir, "for-lin.age")

	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.waitFor("What do you want to do?")
	tm.choose("Start a new plan")
	tm.waitFor("Which plan?")
	tm.choose("Safety plan")
	tm.focus("In a few words")
	tm.text("marker-context-5C")
	tm.keys("Enter")
	tm.focus("If you leave, could the person")
	tm.text("marker-risk-5C")
	for !strings.Contains(tm.quiet(), "┃ Then:") {
		tm.keys("Enter")
	}
	tm.choose("Save and stop here")
	tm.waitForWords("To go on later")
	tm.keys("Enter")

	tm.waitFor("What do you want to do?")
	tm.choose("Share a part of my plans")
	tm.focus("Which parts do you want to share?")
	tm.keys("Down") // past "what this plan is about", to the first page
	tm.keys("x")
	tm.keys("Enter")
	tm.focus("Who is it for?")
	tm.text("Lin")
	tm.keys("Enter")
	tm.waitFor("How will they open the file?")
	tm.choose("What is a key?")
	tm.waitForWords("pathway keygen")
	tm.waitForWords("starts with age1")
	tm.keys("Enter")
	tm.waitFor("How will they open the file?")
	tm.choose("With their key")
	tm.focus("Paste their public key")
	tm.text(id.Recipient().String())
	tm.keys("Enter")

	tm.focus("After which day should they stop using it?")
	tm.text("12/31/27")
	tm.keys("Enter")
	tm.waitForWords(`"12/31/27" is not a date pathway can read. Write the date as YYYY-MM-DD`)
	if s := tm.screen(); strings.Contains(s, "has passed") {
		t.Fatalf("a date written the wrong way is called a day that has passed:\n%s", s)
	}
	tm.keys("Enter")
	tm.focus("After which day should they stop using it?")
	tm.text("31/12/2027") // only one reading is a day
	tm.keys("Enter")
	tm.focus("Why do you share it?")
	tm.text("if I have to leave fast")
	tm.keys("Enter")
	tm.focus("Where should the file go?")
	tm.text(out)
	tm.keys("Enter")

	tm.waitFor("This is exactly what will be shared:")
	tm.waitForWords("Until: 2027-12-31 (a request")
	tm.keys("Enter")
	tm.waitFor("Write this file?")
	if s := tm.screen(); strings.Contains(s, "Save this plan") {
		t.Fatalf("the button to write a share says it saves a plan:\n%s", s)
	}
	tm.choose("Yes, write the encrypted file")
	tm.waitForWords("You asked them to stop using it after 2027-12-31: that is a request, not a lock.")
	tm.waitForWords("number 1")
	tm.keys("Enter")

	tm.waitFor("What do you want to do?")
	tm.choose("Who has my plans")
	tm.waitForWords("1. For Lin, made on")
	tm.waitForWords("You asked them to stop using it after 2027-12-31.")
	tm.keys("Enter")
	tm.waitFor("Did you change your mind")
	tm.choose("Nothing, go back")
	tm.waitFor("What do you want to do?")
	tm.choose("Quit")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}

	plain, err := exec.Command(filepath.Join(ageDir, "age"), "-d", "-i", keyFile, out).Output()
	if err != nil {
		t.Fatalf("age -d: %v", err)
	}
	for _, want := range []string{`"for": "Lin"`, "marker-risk-5C", `"until": "2027-12-31"`, "if I have to leave fast"} {
		if !strings.Contains(string(plain), want) {
			t.Errorf("the shared file lacks %q:\n%s", want, plain)
		}
	}
	if strings.Contains(string(plain), "marker-context-5C") {
		t.Errorf("what the plan is about was shared without being chosen:\n%s", plain)
	}
	tm.noPlaintext("marker-risk-5C")
}
