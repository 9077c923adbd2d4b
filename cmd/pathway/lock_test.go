package main

import (
	"strings"
	"testing"
)

// TestTerminalShowLockAfter: pathway show takes --lock-after; in the last
// seconds before it locks, the screen counts down, and then it closes
// with nothing left on the terminal.
func TestTerminalShowLockAfter(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("show", "--lock-after", "8s", "--passphrase-file", tm.passFile())
	tm.waitFor("Safety plan")
	tm.waitForWords("closes in")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after the lock:\n%q", all)
	}
}

// TestTerminalLockSavesTypedPage: when a page locks after idle time, what
// was typed on it so far is saved (encrypted), as the help promises, and
// the plan resumes at that page.
func TestTerminalLockSavesTypedPage(t *testing.T) {
	tm := newTerm(t)
	tm.start("new", "safety", "--lock-after", "10s", "--passphrase-file", tm.passFile())
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.focus("In a few words")
	tm.text("marker-context-8L")
	tm.keys("Enter")
	tm.focus("If you leave, could the person")
	tm.text("marker-typed-8L")
	tm.waitForWords("closes in")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after the lock:\n%q", all)
	}
	b := tm.export()
	if got := field(b, "plans/0/answers/leave.risk/text"); got != "marker-typed-8L" {
		t.Errorf("the page typed when it locked was not saved: %v", got)
	}
	if got := field(b, "plans/0/resume"); got != "leave" {
		t.Errorf("resume at %v, want the page that locked", got)
	}
	tm.noPlaintext("marker-typed-8L")
}

// TestTerminalAccessibleExitWord: in accessible mode at a real terminal,
// the start says how to close at once; the word typed closes at once and
// clears the screen and the scrollback, where the answers were.
func TestTerminalAccessibleExitWord(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("edit", "safety-1", "--accessible", "--passphrase-file", tm.passFile())
	tm.waitForWords("To close at once, type exit and press Enter.")
	// A plan gone through opens at a chooser of its parts: the first part.
	tm.waitFor("Which part?")
	tm.text("2")
	tm.keys("Enter")
	tm.waitFor("Enter keeps this one")
	tm.text("marker-typed-2X")
	tm.keys("Enter")
	tm.waitFor("2. Where would you go?")
	tm.text("exit")
	tm.tmux("send-keys", "-t", "t", "Enter")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	if all := tm.everything(); strings.TrimSpace(all) != "" {
		t.Fatalf("the terminal still shows something after the exit word:\n%q", all)
	}
	if got := field(tm.export(), "plans/0/answers/leave.risk/text"); got == "marker-typed-2X" {
		t.Error("the page left with the exit word was saved")
	}
}
