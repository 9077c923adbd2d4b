package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"aead.dev/minisign"
)

// run runs pathway on the test's vault, with the passphrase file, and
// fails the test if it fails.
func (tm *tmuxTerm) run(args ...string) string {
	tm.t.Helper()
	args = append([]string{"--vault", tm.vault, "--passphrase-file", tm.passFile()}, args...)
	out, err := exec.Command(pathwayBinary(tm.t), args...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("pathway %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// signedList writes list as name in the test's folder, with its minisign
// signature beside it, made with sec.
func (tm *tmuxTerm) signedList(sec minisign.PrivateKey, name, list string) string {
	tm.t.Helper()
	p := filepath.Join(tm.dir, name)
	if err := os.WriteFile(p, []byte(list), 0o644); err != nil {
		tm.t.Fatal(err)
	}
	r := minisign.NewReader(strings.NewReader(list))
	if _, err := r.Read(make([]byte, len(list)+1)); err != nil {
		tm.t.Fatal(err)
	}
	if err := os.WriteFile(p+".minisig", r.SignWithComments(sec, "file:"+name, "test key"), 0o644); err != nil {
		tm.t.Fatal(err)
	}
	return p
}

const riversideList = `{"format": 1, "name": "Riverside outreach list", "date": "%s", "listings": [
  {"id": "riverside", "name": "Riverside Drop-in", "phones": [{"text": "%s"}], %s
   "region": "Toronto", "categories": ["community"], "description": "Open Tuesdays, food and nurses."}]}`

// TestTerminalChangedNumber: a number learnt by heart, changed in a newer
// signed list, is named on the home menu, with the cards to replace; the
// drill asks the new number first.
func TestTerminalChangedNumber(t *testing.T) {
	tm := newTerm(t)
	ana := filepath.Join(tm.dir, "ana.json")
	os.WriteFile(ana, []byte(`{"format": 1, "contacts": [{"id": "c1", "name": "Ana", "phones": [{"number": "+14165550123"}], "learn": true}], "plans": []}`), 0o600)
	tm.run("import", ana)
	pub, sec, err := minisign.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pubText, _ := pub.MarshalText()
	pubFile := filepath.Join(tm.dir, "org.pub")
	os.WriteFile(pubFile, pubText, 0o644)
	tm.run("resources", "trust", pubFile, "--name", "Riverside Outreach")
	tm.run("resources", "import", tm.signedList(sec, "v1.json", fmt.Sprintf(riversideList, "2026-11", "416-555-0170", "")))
	tm.run("resources", "add", "riverside")

	// Marked to learn by heart, as the wizard would.
	b := tm.export()
	b["contacts"].([]any)[1].(map[string]any)["learn"] = true
	learn, _ := json.Marshal(b)
	os.WriteFile(filepath.Join(tm.dir, "learn.json"), learn, 0o600)
	tm.run("import", "--replace", filepath.Join(tm.dir, "learn.json"))

	out := tm.run("resources", "import", tm.signedList(sec, "v2.json", fmt.Sprintf(riversideList, "2026-12", "416-555-0171", `"confirmed": "2026-12-03",`)))
	if !strings.Contains(out, "The number for Riverside Drop-in changed on 2026-12-03") {
		t.Fatalf("the import did not say the number changed:\n%s", out)
	}

	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	// Numbers and dates are never broken across lines: their spaces and
	// hyphens are no-break ones on this screen.
	tm.waitForWords("The number for Riverside Drop-in changed on 2026\u201112\u201103 (Riverside Outreach):")
	tm.waitForWords("416 555 0170 is now 416 555 0171. Practise the new one and reprint your cards")
	tm.waitFor("show \"Line 1\" with the old number.")
	tm.choose("Practise my numbers")
	tm.focus("Line 1: type the number from memory.")
	tm.text("416 555 0171")
	tm.keys("Enter")
	tm.focus("Ana: type the number from memory.")
	tm.waitFor("Right: 416 · 555 · 0171")
	tm.keys("Escape")
	tm.keys("Escape")
	tm.exited()
}

// TestTerminalOrganisations: the organisations screen searches by typed
// words, narrows to the lines open day and night, shows who confirmed a
// listing's numbers and when, and adds one to the contacts.
func TestTerminalOrganisations(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.choose("Organisations that can help")
	tm.waitFor("What kind of help?")
	tm.choose("All organisations")
	tm.waitForWords("51 organisations")

	tm.choose("Only those open day and night (24 hours)")
	tm.waitForWords("Show all, not only those open day and night")
	s := tm.screen()
	if !strings.Contains(s, "Assaulted Women's Helpline") || strings.Contains(s, "Barbra Schlifer") {
		t.Fatalf("the 24-hour filter shows:\n%s", s)
	}
	tm.choose("Show all, not only those open day and night")
	tm.waitForWords("51 organisations")

	tm.choose("Search by a word (a name, a place)")
	tm.focus("Which words?")
	tm.text("schlifer")
	tm.keys("Enter")
	tm.waitForWords("1 organisation")
	tm.waitFor(`Search: "schlifer" (change)`)
	tm.choose("Barbra Schlifer Commemorative Clinic — 416-323-9149 ext. 234")
	tm.waitForWords("confirmed by A Pathway to End Violence Against Migrant Sex Workers on 2020-01")
	if strings.Contains(tm.screen(), "2020-\n") {
		t.Errorf("a date is broken across lines:\n%s", tm.screen())
	}
	tm.keys("Enter")
	tm.choose("Add to my contacts")
	tm.waitForWords("Barbra Schlifer Commemorative Clinic is now in your contacts")
	tm.keys("Enter")
	tm.waitForWords(`Search: "schlifer" (change)`)
	tm.keys("Escape")
	tm.keys("Escape")
	tm.exited()

	b := tm.export()
	var found map[string]any
	for _, c := range b["contacts"].([]any) {
		if c.(map[string]any)["name"] == "Barbra Schlifer Commemorative Clinic" {
			found = c.(map[string]any)
		}
	}
	if found == nil {
		t.Fatalf("not added to the contacts: %v", b["contacts"])
	}
	src, _ := json.Marshal(found["source"])
	if !bytes.Contains(src, []byte(`"confirmed":"2020-01"`)) || !bytes.Contains(src, []byte(`"listing":"schlifer"`)) {
		t.Errorf("the contact does not say where its numbers come from: %s", src)
	}
}
