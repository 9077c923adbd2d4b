package plan

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// The guide's first point for a release plan is the numbers known by
// heart. A person who stops after a part or two must have met it.
func TestNumbersByHeartComesEarly(t *testing.T) {
	at := -1
	for i, s := range Sections(Release) {
		if slices.ContainsFunc(s.Questions, func(q Question) bool { return q.Kind == Learn }) {
			at = i
		}
	}
	if at < 0 || at > 1 {
		t.Fatalf("numbers by heart is part %d of the release plan, want the first or second", at+1)
	}
}

// A binder saved before the parts were reordered and the new questions
// added still opens, its answers found under their ids, and a draft
// stopped at the old last part resumes there.
func TestSavedPlansSurviveTheNewOrder(t *testing.T) {
	b, err := Decode(readSample(t))
	if err != nil {
		t.Fatal(err)
	}
	p := b.Plan("release-1")
	if p.Answers["out.address"].Text == "" || p.Answers["home.where"].Text == "" {
		t.Fatalf("answers lost: %+v", p.Answers)
	}
	p.Status, p.Resume = Draft, "heart"
	data, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Decode(data)
	if err != nil || again.Plan("release-1").Resume != "heart" {
		t.Fatalf("a draft at the numbers part: %v", err)
	}
}

// silentBinder is the sample with Sam (c5) and Ana (c2) each agreeing on
// what they do if they do not hear from the person.
func silentBinder(t *testing.T) *Binder {
	t.Helper()
	b, err := Decode(readSample(t))
	if err != nil {
		t.Fatal(err)
	}
	b.Contact("c5").IfSilent = &IfSilent{After: "two days", First: "Call the clinic",
		Words: "Mai is held; her papers are in the blue folder.", Tell: []string{"c4", "c7"},
		Others: "The school office of her son", Agreed: day(t, "2026-11-01")}
	b.Contact("c2").IfSilent = &IfSilent{After: "one day", Words: "Ana-only words", Tell: []string{"c6"}}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIfSilentRoundTrip(t *testing.T) {
	b := silentBinder(t)
	data, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"if_silent"`)) {
		t.Fatalf("no if_silent in:\n%s", data)
	}
	again, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	got := again.Contact("c5").IfSilent
	if got == nil || got.Words != "Mai is held; her papers are in the blue folder." || !slices.Equal(got.Tell, []string{"c4", "c7"}) ||
		got.Agreed.String() != "2026-11-01" {
		t.Fatalf("read back: %+v", got)
	}
}

func TestIfSilentRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    IfSilent
		code string
	}{
		{"unknown contact", IfSilent{Tell: []string{"c99"}}, CodeUnknownContact},
		{"themselves", IfSilent{Tell: []string{"c5"}}, CodeUnknownContact},
		{"twice", IfSilent{Tell: []string{"c4", "c4"}}, CodeDuplicateID},
		{"too long", IfSilent{Words: strings.Repeat("a", MaxText+1)}, CodeTooLong},
	} {
		b, _ := Decode(readSample(t))
		b.Contact("c5").IfSilent = &tc.s
		if err := b.Validate(); err == nil || code(err) != tc.code {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
		}
	}
}

// The check-up asks to go over "if you don't hear from me" with a helper
// when it was never agreed, and again after SilenceDays.
func TestCheckUpSilence(t *testing.T) {
	b := silentBinder(t)
	find := func(r Report, contact string) (Aging, bool) {
		for _, a := range r.Old {
			if a.Contact == contact && strings.HasPrefix(a.Code, "silence-") {
				return a, true
			}
		}
		return Aging{}, false
	}
	r := b.CheckUp(day(t, "2026-11-20"))
	if a, ok := find(r, "c2"); !ok || a.Code != "silence-never" {
		t.Errorf("Ana, never agreed: %+v %v", a, ok)
	}
	if a, ok := find(r, "c5"); ok {
		t.Errorf("Sam, agreed 19 days ago: %+v", a)
	}
	r = b.CheckUp(day(t, "2027-03-01"))
	if a, ok := find(r, "c5"); !ok || a.Code != "silence-old" || a.Days != 120 {
		t.Errorf("Sam, agreed 120 days ago: %+v %v", a, ok)
	}
	b.Contact("c2").IfSilent = &IfSilent{Agreed: day(t, "2026-11-01")} // agreed, but nothing in it
	if a, ok := find(b.CheckUp(day(t, "2026-11-20")), "c2"); ok {
		t.Errorf("an empty agreement: %+v", a)
	}
}

// A share made for a helper carries their own "if you don't hear from me",
// with the names and numbers of those they tell; never another helper's.
func TestShareForCarriesOwnSilenceOnly(t *testing.T) {
	b := silentBinder(t)
	s := b.Subset(b.SelectFor("c5"))
	sam := s.Contact("c5")
	if sam == nil || sam.IfSilent == nil || sam.IfSilent.Words != b.Contact("c5").IfSilent.Words {
		t.Fatalf("Sam's share lacks his words: %+v", sam)
	}
	for _, id := range []string{"c4", "c7"} {
		if c := s.Contact(id); c == nil || len(c.Phones) == 0 {
			t.Errorf("Sam's share lacks %s, whom he tells", id)
		}
	}
	if ana := s.Contact("c2"); ana != nil && ana.IfSilent != nil {
		t.Errorf("Sam's share holds Ana's words: %+v", ana.IfSilent)
	}
	out, _ := Encode(s)
	if bytes.Contains(out, []byte("Ana-only")) {
		t.Error("Sam's share holds Ana's words")
	}
	// The share is a copy: changing it changes nothing of the binder.
	sam.IfSilent.Tell[0] = "c1"
	if b.Contact("c5").IfSilent.Tell[0] != "c4" {
		t.Error("the share shares its Tell with the binder")
	}
	// A share of other parts carries no one's words.
	sel, _ := b.SelectSections([]string{"release-1/bond"})
	out, _ = Encode(b.Subset(sel))
	if bytes.Contains(out, []byte("if_silent")) {
		t.Errorf("a share of the bond part holds if_silent:\n%s", out)
	}
	// Choosing the whole "calls" part carries every helper's of the plan.
	sel, _ = b.SelectSections([]string{"release-1/calls"})
	whole := b.Subset(sel)
	if c := whole.Contact("c5"); c == nil || c.IfSilent == nil {
		t.Error("the calls part lacks Sam's words")
	}
}

func TestHelpers(t *testing.T) {
	b := silentBinder(t)
	var names []string
	for _, c := range b.Helpers(b.Plan("release-1")) {
		names = append(names, c.ID)
	}
	// Every contact named for a release role with a sheet, once, in the
	// order of the questions: the clinic, the lawyer, Sam, Butterfly, Ana,
	// Mei, Lin.
	if !slices.Equal(names, []string{"c4", "c7", "c5", "c3", "c2", "c1", "c6"}) {
		t.Errorf("helpers of release-1: %v", names)
	}
	if !RoleBondMoney.HasSilence() || RoleEmergencyService.HasSilence() {
		t.Error("which roles carry if_silent")
	}
}
