package plan

import (
	"errors"
	"strings"
	"testing"
)

func TestReadDate(t *testing.T) {
	for _, tc := range []struct{ in, want, code string }{
		{"2027-12-31", "2027-12-31", ""},
		{" 2027/12/31 ", "2027-12-31", ""},
		{"2027.1.5", "2027-01-05", ""},
		{"2027年12月31日", "2027-12-31", ""},
		{"2027. 12. 31.", "2027-12-31", ""},
		{"31/12/2027", "2027-12-31", ""}, // only day/month
		{"12/31/2027", "2027-12-31", ""}, // only month/day
		{"31.12.2027", "2027-12-31", ""},
		{"3/3/2027", "2027-03-03", ""}, // both readings are the same day
		{"03/04/2027", "", "ambiguous"},
		{"12/31/27", "", "format"},
		{"next friday", "", "format"},
		{"", "", "format"},
		{"2027-02-30", "", "no-such-day"},
		{"31/02/2027", "", "no-such-day"},
		{"31/13/2027", "", "no-such-day"},
		{"40/40/2027", "", "no-such-day"},
		{"2027-12-31-1", "", "format"},
		{"99999/1/1", "", "format"},
	} {
		d, err := ReadDate(tc.in)
		if tc.code == "" {
			if err != nil || d.String() != tc.want {
				t.Errorf("ReadDate(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
			}
			continue
		}
		var de *DateError
		if !errors.As(err, &de) || de.Code != tc.code {
			t.Errorf("ReadDate(%q) = %v, %v; want a %q error", tc.in, d, err, tc.code)
		}
	}
	_, err := ReadDate("03/04/2027")
	var de *DateError
	if errors.As(err, &de) && (de.First.String() != "2027-04-03" || de.Second.String() != "2027-03-04") {
		t.Errorf("ambiguous readings: %v and %v", de.First, de.Second)
	}
}

func TestLedger(t *testing.T) {
	l := NewLedger()
	made := day(t, "2026-01-10")
	if id := l.Add(Consent{Made: made, Parts: []string{"release-1/bond"}, For: "Mei\u202e", Until: day(t, "2026-02-01"), How: HowKey, Recipient: "age1x"}); id != "1" {
		t.Fatalf("first number %q", id)
	}
	l.Add(Consent{Made: made, For: "Sam", Until: day(t, "2026-12-01"), How: HowPassphrase})
	l.Add(Consent{Made: day(t, "2026-03-01"), For: "Lin", Until: day(t, "2027-01-01"), How: HowKey, Recipient: "age1y"})
	if strings.ContainsRune(l.Consents[0].For, '\u202e') {
		t.Errorf("a direction mark was kept in the name: %q", l.Consents[0].For)
	}
	l.Find("3").Withdrawn = day(t, "2026-03-02")
	// Numbers are never reused, even after the last is taken out.
	l.Consents = l.Consents[:2]
	if id := l.Add(Consent{Made: made, For: "Ana", Until: made, How: HowKey}); id != "3" {
		t.Errorf("number after a removal %q", id)
	}

	data, err := EncodeLedger(l)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeLedger(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Consents) != 3 || back.Consents[0].Until != l.Consents[0].Until || back.Find("2").For != "Sam" {
		t.Fatalf("round trip: %+v", back)
	}

	today := day(t, "2026-05-01")
	got := map[string]string{}
	for _, a := range back.CheckUp(today) {
		got[a.Share] = a.Code
	}
	// 1 passed its day; 2 stands and is older than ShareAskDays; 3 (Ana)
	// passed its day too.
	if got["1"] != "share-passed" || got["2"] != "share-old" || got["3"] != "share-passed" || len(got) != 3 {
		t.Errorf("check-up %v", got)
	}
	back.Find("1").Withdrawn = today
	for _, a := range back.CheckUp(today) {
		if a.Share == "1" {
			t.Errorf("a share taken back is still reminded of: %+v", a)
		}
	}
	if c := back.WithdrawnTo("age1x"); c == nil || c.ID != "1" {
		t.Errorf("WithdrawnTo = %v", c)
	}
	if c := back.WithdrawnTo("age1y"); c != nil {
		t.Errorf("WithdrawnTo a key never taken back = %v", c)
	}

	for _, bad := range []string{`{"format":1,"kind":"other","consents":[]}`, `{"format":9,"kind":"pathway-consents","consents":[]}`,
		`{"format":1,"kind":"pathway-consents","consents":[],"extra":1}`, `not json`} {
		if _, err := DecodeLedger([]byte(bad)); err == nil {
			t.Errorf("DecodeLedger(%s) was accepted", bad)
		}
	}
}

func TestSelectionParts(t *testing.T) {
	b := New(day(t, "2026-01-01"))
	b.Plans = []Plan{{ID: "safety-1", Kind: "safety", Context: "my partner", Answers: map[string]Answer{}}}
	sel, bad := b.SelectSections([]string{"safety-1/money"})
	if bad != "" {
		t.Fatal(bad)
	}
	if got := strings.Join(b.SelectionParts(sel), ","); got != "safety-1/money" {
		t.Errorf("parts %q", got)
	}
	sel, _ = b.SelectSections([]string{"safety-1/money", "safety-1/about"})
	if got := strings.Join(b.SelectionParts(sel), ","); got != "safety-1/about,safety-1/money" {
		t.Errorf("parts %q", got)
	}
}
