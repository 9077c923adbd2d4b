package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// The wizard as a new person meets it, in a real terminal at 80×24: how
// many keys and screens a whole release plan takes, and the keys that must
// always work.

// pointAt moves the cursor of the focused list (huh marks the focused
// field with a bar) down to the option label, without picking it.
func (tm *tmuxTerm) pointAt(label string) {
	tm.t.Helper()
	re := regexp.MustCompile(`(?m)^\s*┃\s*>\s*(\[.\]\s*)?` + regexp.QuoteMeta(label))
	for range 30 {
		if re.MatchString(tm.quiet()) {
			return
		}
		tm.keys("Down")
	}
	tm.t.Fatalf("no option %q in the focused list:\n%s", label, tm.screen())
}

// untilFocus presses Enter until the field titled title has the focus.
func (tm *tmuxTerm) untilFocus(title string) {
	tm.t.Helper()
	for range 40 {
		if strings.Contains(tm.quiet(), "┃ "+title) {
			return
		}
		tm.keys("Enter")
	}
	tm.t.Fatalf("the field %q never had the focus:\n%s", title, tm.screen())
}

// newContact fills the screen "Someone new": a name, a number, whether
// they said yes and whether to learn the number.
func (tm *tmuxTerm) newContact(name, phone string, agreed, learn bool) {
	tm.t.Helper()
	tm.focus("Name or nickname")
	tm.text(name)
	tm.keys("Enter")
	tm.focus("Phone number")
	tm.text(phone)
	tm.keys("Enter")
	tm.focus("Have they said yes")
	if agreed {
		tm.keys("Up")
	}
	tm.keys("Enter")
	tm.focus("Learn this number by heart?")
	if learn {
		tm.keys("Up")
	}
	tm.keys("Enter")
	tm.focus("Name on the card")
	tm.keys("Enter")
}

// TestKeystrokesReleasePlan is a whole release plan as a new person
// makes it, from the first run to Quit: a legal clinic, no children or
// pets, Ana with a key, Tony for the bond money and the hearing, an
// address. It counts the screens and keys (docs/keystrokes.md has the
// figures before and after) and fails if the keys grow back.
func TestKeystrokesReleasePlan(t *testing.T) {
	tm := newTerm(t)
	screens := 0
	seen := func(want string) { t.Helper(); tm.waitFor(want); screens++ }
	tm.start("--passphrase-file", tm.passFile())
	seen("Welcome to pathway")
	tm.keys("Enter")
	seen("What do you want to do?")
	tm.choose("Start a new plan")
	seen("Which plan?")
	tm.choose("Release plan")
	tm.focus("In a few words")
	screens++
	tm.text("detention")
	tm.keys("Enter")

	// 1: the legal clinic, someone new: Enter on "+ Add someone new".
	seen("part 1 of 7")
	tm.focus("A community legal clinic")
	tm.pointAt("+ Add someone new")
	tm.keys("Enter")
	seen("Someone new")
	tm.newContact("Riverside Legal Clinic", "416-555-0177", false, true)
	seen("part 1 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// 2: the numbers by heart, early: the clinic's is picked already.
	seen("part 2 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// 3: no children, no pets; Ana keeps a key.
	seen("part 3 of 7")
	tm.focus("Who would look after")
	tm.pointAt("Doesn't apply to me")
	tm.keys("x")
	tm.untilFocus("Who has a key")
	tm.pointAt("+ Add someone new")
	tm.keys("Enter")
	seen("Someone new")
	tm.newContact("Ana", "647-555-0142", true, false)
	seen("part 3 of 7")
	tm.focus("What should they bring")
	tm.keys("x")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// 4: Tony pays the bond and speaks for me: added once.
	seen("part 4 of 7")
	tm.focus("Who could bring money")
	tm.pointAt("+ Add someone new")
	tm.keys("Enter")
	seen("Someone new")
	tm.newContact("Tony", "416-555-0123", true, true)
	seen("part 4 of 7")
	tm.focus("Who could come to the hearing")
	tm.pointAt("Tony")
	tm.keys("x")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// 5: where I stay.
	seen("part 5 of 7")
	tm.focus("What address")
	tm.text("45 Sample Street")
	tm.keys("Enter")
	tm.untilFocus("Who lives there?")
	tm.pointAt("Ana")
	tm.keys("x")
	tm.untilFocus("Have you talked")
	tm.pointAt("We have started talking")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	// 6: who calls whom; then the helpers' "if you don't hear from me",
	// left for another day (Done).
	seen("part 6 of 7")
	tm.focus("Who will call a lawyer")
	tm.pointAt("Riverside")
	tm.keys("x")
	tm.untilFocus("Who will tell your family")
	tm.pointAt("Tony")
	tm.keys("x")
	tm.untilFocus("Then:")
	tm.keys("Enter")
	seen("If they don't hear from you")
	tm.keys("Enter")

	// 7: Enter through.
	seen("part 7 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")
	seen("Enter: save this plan")
	tm.keys("Enter")
	s := tm.waitFor("Your plans: a check-up")
	screens++
	if _, todo, _ := strings.Cut(s, "To do:"); strings.Contains(todo, "children or pets") {
		t.Errorf("the check-up still asks for a carer:\n%s", s)
	}
	tm.keys("Enter")
	seen("What do you want to do?")
	tm.choose("Quit")
	tm.exited()
	t.Logf("screens %d, navigation keys %d, typed characters %d", screens, tm.navKeys, tm.typed)
	// Today's wizard took 18 screens and 109 keys (docs/keystrokes.md).
	if tm.navKeys >= 109 {
		t.Errorf("%d navigation keys: no fewer than before", tm.navKeys)
	}
	b := tm.export()
	var tonys int
	for _, c := range b["contacts"].([]any) {
		if c.(map[string]any)["name"] == "Tony" {
			tonys++
		}
	}
	if tonys != 1 {
		t.Errorf("%d contacts named Tony", tonys)
	}
	if got := field(b, "plans/0/answers/home.carer/na"); got != true {
		t.Errorf("home.carer: %v", field(b, "plans/0/answers/home.carer"))
	}
}

// TestWizardOnePersonOneContact: Enter on "+ Add someone new" adds at
// once; the person added is offered for the next question of the same
// page; the same name and number typed again are offered as the same
// person, and one contact is kept.
func TestWizardOnePersonOneContact(t *testing.T) {
	tm := newTerm(t)
	tm.start("new", "release", "--passphrase-file", tm.passFile())
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.focus("In a few words")
	tm.keys("Enter")
	tm.waitFor("part 1 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")
	tm.waitFor("part 2 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")
	tm.waitFor("part 3 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")

	tm.waitFor("part 4 of 7")
	tm.focus("Who could bring money")
	tm.pointAt("+ Add someone new")
	tm.keys("Enter") // no x first
	tm.waitFor("They will be in your plan as: bond person (money)")
	tm.newContact("Tony", "416-555-0123", true, true)
	// Back on the same page, Tony picked for the money (said at the top),
	// and offered for the hearing, where the focus is now.
	tm.waitFor("part 4 of 7")
	tm.waitForWords("✓ Tony is picked for: Who could bring money")
	tm.focus("Who could come to the hearing")
	tm.pointAt("Tony")
	// Someone new again, with the same name and number.
	tm.pointAt("+ Add someone new")
	tm.keys("Enter")
	tm.newContact("tony", "(416) 555-0123", false, false)
	tm.waitForWords("Is this Tony, already in your plans?")
	tm.choose("Yes, the same person")
	tm.waitFor("part 4 of 7")
	tm.untilFocus("Then:")
	tm.keys("Down")
	tm.keys("Down")
	tm.keys("Enter") // save and stop
	tm.waitForWords("Saved.")
	tm.keys("Enter")
	tm.exited()

	b := tm.export()
	contacts := b["contacts"].([]any)
	if len(contacts) != 1 {
		t.Fatalf("%d contacts, want one Tony: %v", len(contacts), contacts)
	}
	for _, q := range []string{"bond.money", "bond.testify"} {
		if got := field(b, "plans/0/answers/"+q+"/contacts/0"); got != "c1" {
			t.Errorf("%s: %v", q, got)
		}
	}
	if roles := field(b, "contacts/0/roles"); len(roles.([]any)) != 2 {
		t.Errorf("Tony's roles %v", roles)
	}
}

// TestWizardListsShowThreeRows: at 80×24, every list of people on every
// page of a release plan shows at least three options, however long its
// help text, "+ Add someone new" among them, even with no one in the
// plans yet.
func TestWizardListsShowThreeRows(t *testing.T) {
	tm := newTerm(t)
	tm.start("new", "release", "--passphrase-file", tm.passFile())
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.focus("In a few words")
	tm.keys("Enter")
	row := regexp.MustCompile(`(?m)^\s*┃\s*>?\s*\[.\] `)
	lists := 0
	for page := 1; page <= 6; page++ {
		tm.waitFor(fmt.Sprintf("part %d of 7", page))
		for range 40 {
			s := tm.quiet()
			if strings.Contains(s, "┃ Then:") {
				break
			}
			if n := len(row.FindAllString(s, -1)); n > 0 {
				lists++
				if n < 3 {
					t.Errorf("page %d: a list shows %d rows:\n%s", page, n, s)
				}
			}
			tm.keys("Enter")
		}
		tm.keys("Enter")
	}
	tm.waitFor("part 7 of 7")
	tm.keys("Escape")
	tm.keys("Escape")
	tm.exited()
	if lists < 10 {
		t.Fatalf("only %d lists were seen", lists)
	}
}

// TestHomeKeysThatAlwaysWork: the home menu's cursor stays where it was;
// "Which plan?" has a way back; a finished plan opens at a chooser of its
// parts, which has a way back too.
func TestHomeKeysThatAlwaysWork(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	tm.choose("Check my plans")
	tm.waitFor("Your plans: a check-up")
	tm.keys("Enter")
	s := tm.waitFor("What do you want to do?")
	if !strings.Contains(s, "> Check my plans") {
		t.Errorf("the cursor went back to the top:\n%s", s)
	}
	tm.choose("Go on with a plan")
	tm.waitFor("Which plan?")
	tm.choose("Back")
	s = tm.waitFor("What do you want to do?")
	if !strings.Contains(s, "> Go on with a plan") {
		t.Errorf("after Back, the cursor is not where it was:\n%s", s)
	}
	tm.choose("Go on with a plan")
	tm.waitFor("Which plan?")
	tm.choose("Release plan")
	s = tm.waitForPart("Which part?")
	for _, want := range []string{"Bond person", "Numbers you know by heart", "Back"} {
		if !strings.Contains(s, want) {
			t.Errorf("the chooser has no %q:\n%s", want, s)
		}
	}
	tm.choose("Bond person")
	tm.waitFor("Release plan: Bond person — part 4 of 7")
	tm.untilFocus("Then:")
	tm.keys("Enter")
	tm.waitFor("Which part?")
	tm.choose("Back")
	tm.waitFor("What do you want to do?")
	tm.choose("Quit")
	tm.exited()
	if got := field(tm.export(), "plans/1/status"); got != "done" {
		t.Errorf("the finished plan is now %v", got)
	}
}

// waitForPart waits for a chooser titled title and returns the screen.
func (tm *tmuxTerm) waitForPart(title string) string { tm.t.Helper(); return tm.waitFor(title) }

// TestScreensSayNoCommands: no screen of the home menu's flows shows a
// command line's words: "pathway edit", "--force", "[c3]".
func TestScreensSayNoCommands(t *testing.T) {
	tm := newTerm(t)
	tm.importSample()
	tm.start("--passphrase-file", tm.passFile())
	tm.waitFor("What do you want to do?")
	var shots []string
	tm.choose("Check my plans")
	shots = append(shots, tm.settled("Your plans: a check-up"))
	tm.keys("Enter")
	tm.choose("Go on with a plan")
	shots = append(shots, tm.settled("Which plan?"))
	bad := regexp.MustCompile(`pathway [a-z]+|--[a-z]|\[[a-z]+[0-9-]*\]|\([a-z]+-[0-9]+\)`)
	for _, s := range shots {
		if m := bad.FindString(s); m != "" {
			t.Errorf("a screen shows %q:\n%s", m, s)
		}
	}
}

// waitForDrillEnd waits for the screen at the end of a drill.
func (tm *tmuxTerm) waitForDrillEnd() string {
	tm.t.Helper()
	return tm.waitFor("Your progress is saved.")
}
