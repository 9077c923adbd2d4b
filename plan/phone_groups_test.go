package plan

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

// phoneUsualCases are numbers typed as people of each country write them.
// Their groups are the country's usual ones, so ParsePhone keeps no
// grouping of its own for them, and a number stored without any (an old
// binder, or one typed with no separators) shows the same groups.
var phoneUsualCases = []struct {
	typed  string
	number string
	groups []string
}{
	{"416 555 0123", "+14165550123", []string{"416", "555", "0123"}},
	{"1 800 555 0199", "+18005550199", []string{"1", "800", "555", "0199"}},
	{"211", "211", []string{"211"}},
	{"911", "911", []string{"911"}},
	{"988", "988", []string{"988"}},

	{"+86 139 5550 0123", "+8613955500123", []string{"+86", "139", "5550", "0123"}}, // mobile
	{"+86 10 5550 0123", "+861055500123", []string{"+86", "10", "5550", "0123"}},    // Beijing
	{"+86 21 5550 0123", "+862155500123", []string{"+86", "21", "5550", "0123"}},    // Shanghai
	{"+86 571 5550 0123", "+8657155500123", []string{"+86", "571", "5550", "0123"}}, // Hangzhou
	{"+852 5550 0123", "+85255500123", []string{"+852", "5550", "0123"}},
	{"+886 955 501 234", "+886955501234", []string{"+886", "955", "501", "234"}}, // mobile
	{"+886 2 5550 0123", "+886255500123", []string{"+886", "2", "5550", "0123"}}, // Taipei
	{"+84 955 501 234", "+84955501234", []string{"+84", "955", "501", "234"}},    // mobile
	{"+84 24 5550 0123", "+842455500123", []string{"+84", "24", "5550", "0123"}}, // Hanoi
	{"+84 28 5550 0123", "+842855500123", []string{"+84", "28", "5550", "0123"}}, // Ho Chi Minh City
	{"+82 10 5550 0123", "+821055500123", []string{"+82", "10", "5550", "0123"}}, // mobile
	{"+82 2 5550 0123", "+82255500123", []string{"+82", "2", "5550", "0123"}},    // Seoul
	{"+82 2 555 0123", "+8225550123", []string{"+82", "2", "555", "0123"}},       // Seoul, 7-digit line
	{"+66 81 555 0123", "+66815550123", []string{"+66", "81", "555", "0123"}},    // mobile
	{"+66 2 555 0123", "+6625550123", []string{"+66", "2", "555", "0123"}},       // Bangkok
	{"+63 917 555 0123", "+639175550123", []string{"+63", "917", "555", "0123"}}, // mobile
	{"+63 2 5550 0123", "+63255500123", []string{"+63", "2", "5550", "0123"}},    // Manila
	{"+52 55 5550 0123", "+525555500123", []string{"+52", "55", "5550", "0123"}}, // Mexico City
	{"+52 222 555 0123", "+522225550123", []string{"+52", "222", "555", "0123"}}, // Puebla: the default
	{"+44 207 946 0958", "+442079460958", []string{"+44", "207", "946", "0958"}}, // no pattern: the default
	{"+971 50 555 0123", "+971505550123", []string{"+971", "50", "555", "0123"}}, // no pattern: the default
}

func TestPhoneUsualGroups(t *testing.T) {
	for _, c := range phoneUsualCases {
		if g := (Phone{Number: c.number}).Groups(); !slices.Equal(g, c.groups) {
			t.Errorf("Phone{Number: %q}.Groups() = %q, want %q", c.number, g, c.groups)
		}
		for _, in := range []string{c.typed, strings.ReplaceAll(c.typed, " ", "")} {
			p, err := ParsePhone(in)
			if err != nil {
				t.Errorf("ParsePhone(%q): %v", in, err)
				continue
			}
			if p.Number != c.number || p.Grouping != "" {
				t.Errorf("ParsePhone(%q) = %#v, want number %q with no grouping of its own", in, p, c.number)
			}
			if g := p.Groups(); !slices.Equal(g, c.groups) {
				t.Errorf("ParsePhone(%q).Groups() = %q, want %q", in, g, c.groups)
			}
		}
	}
}

// phoneTypedCases are numbers grouped otherwise than the country usually
// does: the person's groups are kept.
var phoneTypedCases = []struct {
	typed    string
	grouping Grouping
	groups   []string
}{
	{"+44 20 7946 0958", "2,4,4", []string{"+44", "20", "7946", "0958"}},
	{"011 44 20 7946 0958", "2,4,4", []string{"+44", "20", "7946", "0958"}},
	{"+4420 7946-0958", "2,4,4", []string{"+44", "20", "7946", "0958"}},
	{"+86 1395 5500 123", "4,4,3", []string{"+86", "1395", "5500", "123"}},
	{"+86 139 55500123", "3,8", []string{"+86", "139", "55500123"}},
	{"+66 2 555 01 23", "1,3,2,2", []string{"+66", "2", "555", "01", "23"}},
	{"+84 9 5550 1234", "1,4,4", []string{"+84", "9", "5550", "1234"}},
	{"(416) 5550-123", "3,4,3", []string{"416", "5550", "123"}},
	{"1-800-5550199", "3,7", []string{"1", "800", "5550199"}},
	{"+1 416 555 01 23 ext. 7", "3,3,2,2", []string{"416", "555", "01", "23"}},
	{"＋８６（１０）５５５０－０１２３", "", []string{"+86", "10", "5550", "0123"}},
	{"+8613955500123", "", []string{"+86", "139", "5550", "0123"}},
	{"+86 13955500123", "", []string{"+86", "139", "5550", "0123"}},
	{"9 1 1", "", []string{"911"}},
}

func TestParsePhoneKeepsTypedGroups(t *testing.T) {
	for _, c := range phoneTypedCases {
		p, err := ParsePhone(c.typed)
		if err != nil {
			t.Errorf("ParsePhone(%q): %v", c.typed, err)
			continue
		}
		if p.Grouping != c.grouping {
			t.Errorf("ParsePhone(%q).Grouping = %q, want %q", c.typed, p.Grouping, c.grouping)
		}
		if g := p.Groups(); !slices.Equal(g, c.groups) {
			t.Errorf("ParsePhone(%q).Groups() = %q, want %q", c.typed, g, c.groups)
		}
		// The groups change how the number is shown, never what is dialled.
		plain := Phone{Number: p.Number, Ext: p.Ext}
		if !p.SameNumber(plain) || !plain.SameNumber(p) || p.Digits() != plain.Digits() {
			t.Errorf("ParsePhone(%q) = %#v dials otherwise than %#v", c.typed, p, plain)
		}
		spaced := strings.Join(plain.Groups(), " ")
		if !p.Matches(spaced) || !p.Matches(p.Spoken()) || !plain.Matches(strings.Join(p.Groups(), "-")) {
			t.Errorf("ParsePhone(%q) does not match its digits however grouped", c.typed)
		}
	}
}

// A grouping that does not fit its number, as set by a program, is passed
// over: Groups never loses or adds a digit.
func TestPhoneGroupsIgnoreGroupingThatDoesNotFit(t *testing.T) {
	for _, g := range []Grouping{"3,3,3", "2,4,5", "0,10", "-1,11", "x", "10,", "5,5,5"} {
		p := Phone{Number: "+442079460958", Grouping: g}
		if got := p.Groups(); !slices.Equal(got, []string{"+44", "207", "946", "0958"}) {
			t.Errorf("%#v.Groups() = %q", p, got)
		}
	}
	p := Phone{Number: "211", Grouping: "1,2"}
	if got := p.Groups(); !slices.Equal(got, []string{"211"}) {
		t.Errorf("%#v.Groups() = %q", p, got)
	}
}

func TestGroupingFits(t *testing.T) {
	cases := []struct {
		number string
		g      Grouping
		fits   bool
	}{
		{"+442079460958", "", true},
		{"+442079460958", "2,4,4", true},
		{"+442079460958", "10", true},
		{"+442079460958", "1,1,1,1,1,1,1,1,1,1", true},
		{"+442079460958", "2,4,5", false},
		{"+442079460958", "2,4,3", false},
		{"+442079460958", "0,2,4,4", false},
		{"+442079460958", "-2,4,4,4", false},
		{"+442079460958", "2,4,4,", false},
		{"+14165550123", "3,3,4", true},
		{"+14165550123", "1,3,3,4", false}, // the leading 1 is not a national digit
		{"+18005550199", "3,7", true},
		{"211", "3", false}, // a short number has no groups
		{"988", "", true},
		{"hello", "5", false},
	}
	for _, c := range cases {
		if got := c.g.Fits(c.number); got != c.fits {
			t.Errorf("Grouping(%q).Fits(%q) = %v, want %v", c.g, c.number, got, c.fits)
		}
	}
}

func TestPhoneGroupingJSON(t *testing.T) {
	p, err := ParsePhone("+44 20 7946 0958")
	if err != nil {
		t.Fatal(err)
	}
	b := New(Date{})
	b.Contacts = append(b.Contacts,
		Contact{ID: "c1", Name: "Ana", Phones: []Phone{p}},
		Contact{ID: "c2", Name: "Bo", Phones: []Phone{{Number: "+14165550123", Grouping: MakeGrouping(3, 4, 3)}, {Number: "+14165550124"}}})
	data, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\"number\": \"+442079460958\",\n          \"groups\": [\n            2,\n            4,\n            4\n          ]",
		"\"number\": \"+14165550124\"\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("Encode wrote\n%s\nwithout %q", data, want)
		}
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Contacts[0].Phones[0]; got != p {
		t.Errorf("Decode(Encode) = %#v, want %#v", got, p)
	}
	if got := back.Contacts[0].Phones[0].Spoken(); got != "+44 · 20 · 7946 · 0958" {
		t.Errorf("Spoken after Decode = %q", got)
	}
	if got := back.Contacts[1].Phones[0].Spoken(); got != "416 · 5550 · 123" {
		t.Errorf("Spoken after Decode = %q", got)
	}
	if got := back.Contacts[1].Phones[1].Grouping; got != "" {
		t.Errorf("a phone without groups came back with %q", got)
	}
	again, err := Encode(back)
	if err != nil || !bytes.Equal(again, data) {
		t.Errorf("Encode(Decode(data)) differs:\n%s\n%v", again, err)
	}
}

// A number written by hand in a binder keeps the grouping it is written
// with, unless the binder gives one.
func TestDecodeKeepsGroupingOfHandWrittenNumber(t *testing.T) {
	for _, c := range []struct {
		phone, spoken string
	}{
		{`{"number":"+44 20 7946 0958"}`, "+44 · 20 · 7946 · 0958"},
		{`{"number":"+44 20 7946 0958","groups":[5,5]}`, "+44 · 20794 · 60958"},
		{`{"number":"+442079460958"}`, "+44 · 207 · 946 · 0958"},
	} {
		b, err := Decode([]byte(`{"format":1,"contacts":[{"id":"a","name":"A","phones":[` + c.phone + `]}]}`))
		if err != nil {
			t.Errorf("Decode(%s): %v", c.phone, err)
			continue
		}
		if got := b.Contacts[0].Phones[0].Spoken(); got != c.spoken {
			t.Errorf("Decode(%s): Spoken() = %q, want %q", c.phone, got, c.spoken)
		}
	}
}

func TestDecodeRefusesBadGroups(t *testing.T) {
	for _, c := range []struct {
		phone, code string
	}{
		{`{"number":"+442079460958","groups":[2,4,5]}`, CodeBadPhone},
		{`{"number":"+442079460958","groups":[2,4,3]}`, CodeBadPhone},
		{`{"number":"+442079460958","groups":[0,2,4,4]}`, CodeBadPhone},
		{`{"number":"+442079460958","groups":[-2,4,4,4]}`, CodeBadPhone},
		{`{"number":"+14165550123","groups":[1,3,3,4]}`, CodeBadPhone},
		{`{"number":"211","groups":[3]}`, CodeBadPhone},
		{`{"number":"+442079460958","groups":[2.5,7.5]}`, CodeInvalidJSON},
		{`{"number":"+442079460958","groups":"2,4,4"}`, CodeInvalidJSON},
		{`{"number":"+442079460958","groups":[99999999999999999999]}`, CodeInvalidJSON},
	} {
		_, err := Decode([]byte(`{"format":1,"contacts":[{"id":"a","name":"A","phones":[` + c.phone + `]}]}`))
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != c.code {
			t.Errorf("Decode(%s) = %v, want code %q", c.phone, err, c.code)
			continue
		}
		if c.code == CodeBadPhone && pe.Field != "contacts[0].phones[0].groups" {
			t.Errorf("Decode(%s): field %q", c.phone, pe.Field)
		}
	}
	// Encode refuses them too.
	b := New(Date{})
	b.Contacts = []Contact{{ID: "a", Name: "A", Phones: []Phone{{Number: "+442079460958", Grouping: "3,3"}}}}
	if _, err := Encode(b); err == nil {
		t.Errorf("Encode of a phone grouped 3,3 succeeded")
	}
}

// Binders written before groups existed read and write back unchanged.
// The hard binder is not in Encode's field order, so it is compared after
// one Decode and Encode; its phones must come back without groups.
func TestOldBindersUnchanged(t *testing.T) {
	for _, c := range []struct {
		name      string
		canonical bool
	}{{"../testdata/sample-binder.json", true}, {"../testdata/hard-binder.json", false}} {
		data, err := os.ReadFile(c.name)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(`"groups"`)) {
			t.Fatalf("%s has groups: it is no longer an old binder", c.name)
		}
		b, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		out, err := Encode(b)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.canonical && !bytes.Equal(out, data) {
			t.Errorf("Encode(Decode(%s)) differs from the file", c.name)
		}
		if bytes.Contains(out, []byte(`"groups"`)) {
			t.Errorf("Encode(Decode(%s)) added groups", c.name)
		}
		b2, err := Decode(out)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if again, err := Encode(b2); err != nil || !bytes.Equal(again, out) {
			t.Errorf("%s: a second Decode and Encode changed it (%v)", c.name, err)
		}
	}
}
