package plan

import "testing"

func day(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The schedule with a fake clock: a number answered right moves up and is
// due later; wrong moves down and is due now.
func TestScheduleRightMovesUp(t *testing.T) {
	today := day(t, "2026-11-20")
	var p Progress
	if !p.IsDue(today) || p.Known() {
		t.Fatal("a new number is due at once and not known")
	}
	wantDue := []string{"2026-11-21", "2026-11-24", "2026-12-01", "2026-12-15", "2027-01-14", "2027-02-13"}
	for i, want := range wantDue {
		p.Answered(true, today)
		if p.Box != min(i+1, len(Intervals)-1) || p.Due.String() != want {
			t.Fatalf("right answer %d: box %d, due %s, want due %s", i+1, p.Box, p.Due, want)
		}
		if p.IsDue(today) || !p.IsDue(p.Due) || p.IsDue(p.Due.AddDays(-1)) {
			t.Fatalf("right answer %d: due on the wrong days", i+1)
		}
		today = p.Due
	}
	if !p.Known() || p.Box != len(Intervals)-1 {
		t.Fatalf("after many right answers: box %d", p.Box)
	}
}

func TestScheduleWrongMovesDown(t *testing.T) {
	today := day(t, "2026-11-20")
	p := Progress{Box: 4, Due: today, Practised: today.AddDays(-14)}
	p.Answered(false, today)
	if p.Box != 0 || p.Due != today || !p.IsDue(today) || p.Known() {
		t.Fatalf("after a wrong answer: %+v", p)
	}
	if p.Practised != today {
		t.Fatal("the practice day was not kept")
	}
}

func TestDrillsOrderAndDue(t *testing.T) {
	b, err := Decode(readSample(t))
	if err != nil {
		t.Fatal(err)
	}
	today := day(t, "2026-11-20")
	ds := b.Drills()
	if len(ds) != 3 {
		t.Fatalf("%d drills", len(ds))
	}
	// Never practised first (no due day), then Mei (due 2026-11-20).
	if ds[len(ds)-1].Contact.Name != "Mei" {
		t.Errorf("order %v %v %v", ds[0].Contact.Name, ds[1].Contact.Name, ds[2].Contact.Name)
	}
	if n := len(b.Due(today)); n != 3 {
		t.Errorf("%d due on the 20th", n)
	}
	if n := len(b.Due(day(t, "2026-11-19"))); n != 2 {
		t.Errorf("%d due on the 19th", n)
	}
	p := ds[0].Progress
	p.Answered(true, today)
	b.Record(p)
	b.Record(p)
	if len(b.Practice) != 2 || len(b.Due(today)) != 2 {
		t.Errorf("record: %d entries, %d due", len(b.Practice), len(b.Due(today)))
	}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestMatches(t *testing.T) {
	p, _ := ParsePhone("416-555-0123")
	for _, s := range []string{"4165550123", "416 555 0123", "(416) 555-0123", "1-416-555-0123", "+1 416.555.0123", "４１６５５５０１２３"} {
		if !p.Matches(s) {
			t.Errorf("%q does not match", s)
		}
	}
	for _, s := range []string{"416555012", "4165550124", "41655501233", "416-555-O123", "", "call 4165550123"} {
		if p.Matches(s) {
			t.Errorf("%q matches", s)
		}
	}
	tf, _ := ParsePhone("1-800-555-0199")
	if !tf.Matches("18005550199") || !tf.Matches("800 555 0199") {
		t.Error("toll-free")
	}
	short, _ := ParsePhone("211")
	if !short.Matches("211") || short.Matches("2110") {
		t.Error("short number")
	}
	intl, _ := ParsePhone("+44 20 7946 0958")
	if !intl.Matches("+44 20 7946 0958") || !intl.Matches("011 44 20 7946 0958") || intl.Matches("20 7946 0958") {
		t.Error("international")
	}
}

func TestCheckUp(t *testing.T) {
	b, err := Decode(readSample(t))
	if err != nil {
		t.Fatal(err)
	}
	r := b.CheckUp(day(t, "2026-11-20"))
	if r.Total != 3 || r.Known != 1 || r.Due != 3 {
		t.Errorf("numbers %+v", r)
	}
	// The sample is complete but for two numbers not known yet.
	for _, p := range r.Plans {
		switch p.Kind {
		case Safety:
			if len(p.Open) != 0 || len(p.Has) != 4 {
				t.Errorf("safety: %+v", p)
			}
		case Release:
			if len(p.Open) != 1 || p.Open[0].Code != "numbers-not-known" {
				t.Errorf("release: %+v", p)
			}
		}
	}
	// Two numbers never practised: not "getting old", still to do.
	if len(r.Old) != 0 {
		t.Errorf("old: %+v", r.Old)
	}
	// 100 days later everything is old.
	r = b.CheckUp(day(t, "2027-03-01"))
	codes := map[string]int{}
	for _, o := range r.Old {
		codes[o.Code]++
	}
	if codes["plan-old"] != 2 || codes["bond-old"] != 2 || codes["not-practised"] != 1 || codes["never-practised"] != 0 {
		t.Errorf("100 days on: %v", codes)
	}
	// An empty plan: every essential open; a bond person who has not
	// agreed is named.
	b.Contacts = append(b.Contacts, Contact{ID: "c9", Name: "Jo"})
	b.Plans = append(b.Plans, Plan{ID: "release-2", Kind: Release, Status: Draft,
		Answers: map[string]Answer{"bond.money": {Contacts: []string{"c9"}}}})
	r = b.CheckUp(day(t, "2026-11-20"))
	last := r.Plans[len(r.Plans)-1]
	if len(last.Has) != 0 || last.Open[0].Question != "network.clinic" {
		t.Errorf("empty plan: %+v", last)
	}
	found := false
	for _, o := range last.Open {
		if o.Code == "bond-not-agreed" && o.Contact == "c9" {
			found = true
		}
	}
	if !found {
		t.Errorf("the bond person who has not agreed is not named: %+v", last.Open)
	}
	// "Does not apply" is never asked for again, and counted apart.
	last0 := b.Plans[len(b.Plans)-1]
	b.SetAnswer(&b.Plans[len(b.Plans)-1], mustLookup(t, "home.carer"), Answer{NotApply: true, Contacts: []string{"c9"}, Text: "no pets"})
	if a := last0.Answers["home.carer"]; !a.NotApply || len(a.Contacts) != 0 || a.Text != "no pets" {
		t.Errorf("home.carer stored as %+v", a)
	}
	r = b.CheckUp(day(t, "2026-11-20"))
	last = r.Plans[len(r.Plans)-1]
	for _, o := range last.Open {
		if o.Question == "home.carer" {
			t.Errorf("the check-up still asks for what does not apply: %+v", last.Open)
		}
	}
	if len(last.NotApply) != 1 || last.NotApply[0] != "home.carer" {
		t.Errorf("not apply: %v", last.NotApply)
	}
	total := 0
	for _, s := range Sections(Release) {
		total += len(s.Questions)
	}
	// Answered: bond.money, and the numbers to learn (marked in the sample).
	if n := b.Tally(b.Plans[len(b.Plans)-1], ""); n[NotApply] != 1 || n[Answered] != 2 || n[ToDo] != total-3 {
		t.Errorf("tally %v", n)
	}
}

func mustLookup(t *testing.T, id string) Question {
	t.Helper()
	q, ok := Lookup(id)
	if !ok {
		t.Fatalf("no question %q", id)
	}
	return q
}
