package plan

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

// phoneValidCases are numbers in the forms people write them: the guide's
// real numbers as printed, and fictional 555-01xx numbers.
var phoneValidCases = []struct {
	in      string
	want    Phone
	groups  []string
	digits  string
	str     string
	spoken  string
	comment string
}{
	// The guide's numbers, as printed.
	{
		in:     "416-977-8111",
		want:   Phone{Number: "+14169778111"},
		groups: []string{"416", "977", "8111"},
		digits: "4169778111",
		str:    "416 977 8111",
		spoken: "416 · 977 · 8111",
	},
	{
		in:     "1-800-668-8258",
		want:   Phone{Number: "+18006688258"},
		groups: []string{"1", "800", "668", "8258"},
		digits: "18006688258",
		str:    "1 800 668 8258",
		spoken: "1 · 800 · 668 · 8258",
	},
	{
		in:     "416-323-9149 ext. 234",
		want:   Phone{Number: "+14163239149", Ext: "234"},
		groups: []string{"416", "323", "9149"},
		digits: "4163239149",
		str:    "416 323 9149 ext. 234",
		spoken: "416 · 323 · 9149",
	},
	{
		in:     "1-855-567-4722 ext. 700",
		want:   Phone{Number: "+18555674722", Ext: "700"},
		groups: []string{"1", "855", "567", "4722"},
		digits: "18555674722",
		str:    "1 855 567 4722 ext. 700",
		spoken: "1 · 855 · 567 · 4722",
	},
	{
		in:     "TTY: 416-482-1254",
		want:   Phone{Number: "+14164821254", TTY: true},
		groups: []string{"416", "482", "1254"},
		digits: "4164821254",
		str:    "416 482 1254",
		spoken: "416 · 482 · 1254",
	},
	{
		in:     "TTY: 1-866-863-7868",
		want:   Phone{Number: "+18668637868", TTY: true},
		groups: []string{"1", "866", "863", "7868"},
		digits: "18668637868",
		str:    "1 866 863 7868",
		spoken: "1 · 866 · 863 · 7868",
	},
	{
		in:     "211",
		want:   Phone{Number: "211"},
		groups: []string{"211"},
		digits: "211",
		str:    "211",
		spoken: "211",
	},
	{
		in:     "911",
		want:   Phone{Number: "911"},
		groups: []string{"911"},
		digits: "911",
		str:    "911",
		spoken: "911",
	},
	{
		in:      "844-971-9674",
		want:    Phone{Number: "+18449719674"},
		groups:  []string{"1", "844", "971", "9674"},
		digits:  "18449719674",
		str:     "1 844 971 9674",
		spoken:  "1 · 844 · 971 · 9674",
		comment: "toll-free written without the 1",
	},
	{
		in:     "1-844-971-9674",
		want:   Phone{Number: "+18449719674"},
		groups: []string{"1", "844", "971", "9674"},
		digits: "18449719674",
		str:    "1 844 971 9674",
		spoken: "1 · 844 · 971 · 9674",
	},

	// Fictional numbers in other common forms.
	{
		in:     "(416) 555-0123",
		want:   Phone{Number: "+14165550123"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "416.555.0123",
		want:   Phone{Number: "+14165550123"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "+1 416 555 0123",
		want:   Phone{Number: "+14165550123"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "4165550123",
		want:   Phone{Number: "+14165550123"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "416 555 0123 x12",
		want:   Phone{Number: "+14165550123", Ext: "12"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123 ext. 12",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "+44 20 7946 0958",
		want:   Phone{Number: "+442079460958", Grouping: "2,4,4"},
		groups: []string{"+44", "20", "7946", "0958"},
		digits: "+442079460958",
		str:    "+44 20 7946 0958",
		spoken: "+44 · 20 · 7946 · 0958",
	},
	{
		in:     "011 44 20 7946 0958",
		want:   Phone{Number: "+442079460958", Grouping: "2,4,4"},
		groups: []string{"+44", "20", "7946", "0958"},
		digits: "+442079460958",
		str:    "+44 20 7946 0958",
		spoken: "+44 · 20 · 7946 · 0958",
	},

	// Separators, extension markers and prefixes.
	{
		in:      "  1 (416) 555-0199  ",
		want:    Phone{Number: "+14165550199"},
		groups:  []string{"416", "555", "0199"},
		digits:  "4165550199",
		str:     "416 555 0199",
		spoken:  "416 · 555 · 0199",
		comment: "leading 1 on a local number, spaces around",
	},
	{
		in:      "416\u00a0555\u00a00123",
		want:    Phone{Number: "+14165550123"},
		groups:  []string{"416", "555", "0123"},
		digits:  "4165550123",
		str:     "416 555 0123",
		spoken:  "416 · 555 · 0123",
		comment: "no-break spaces",
	},
	{
		in:      "416–555—0123",
		want:    Phone{Number: "+14165550123"},
		groups:  []string{"416", "555", "0123"},
		digits:  "4165550123",
		str:     "416 555 0123",
		spoken:  "416 · 555 · 0123",
		comment: "en and em dashes",
	},
	{
		in:      "416 · 555 · 0123",
		want:    Phone{Number: "+14165550123"},
		groups:  []string{"416", "555", "0123"},
		digits:  "4165550123",
		str:     "416 555 0123",
		spoken:  "416 · 555 · 0123",
		comment: "its own Spoken form",
	},
	{
		in:     "416/555/0123",
		want:   Phone{Number: "+14165550123"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "416-555-0123 EXTENSION 987654",
		want:   Phone{Number: "+14165550123", Ext: "987654"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123 ext. 987654",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "416-555-0123ext.5",
		want:   Phone{Number: "+14165550123", Ext: "5"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123 ext. 5",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "416-555-0123 Ext 007",
		want:   Phone{Number: "+14165550123", Ext: "007"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123 ext. 007",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "416-555-0123 # 42",
		want:   Phone{Number: "+14165550123", Ext: "42"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123 ext. 42",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "416 555 0123 X 3",
		want:   Phone{Number: "+14165550123", Ext: "3"},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123 ext. 3",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "tty 416 555 0123",
		want:   Phone{Number: "+14165550123", TTY: true},
		groups: []string{"416", "555", "0123"},
		digits: "4165550123",
		str:    "416 555 0123",
		spoken: "416 · 555 · 0123",
	},
	{
		in:     "TTY:1-888-555-0142 x9",
		want:   Phone{Number: "+18885550142", Ext: "9", TTY: true},
		groups: []string{"1", "888", "555", "0142"},
		digits: "18885550142",
		str:    "1 888 555 0142 ext. 9",
		spoken: "1 · 888 · 555 · 0142",
	},
	{
		in:     "+1-833-555-0100",
		want:   Phone{Number: "+18335550100"},
		groups: []string{"1", "833", "555", "0100"},
		digits: "18335550100",
		str:    "1 833 555 0100",
		spoken: "1 · 833 · 555 · 0100",
	},
	{
		in:      "011 1 416 555 0123",
		want:    Phone{Number: "+14165550123"},
		groups:  []string{"416", "555", "0123"},
		digits:  "4165550123",
		str:     "416 555 0123",
		spoken:  "416 · 555 · 0123",
		comment: "international prefix then the North American code",
	},
	{
		in:     "311",
		want:   Phone{Number: "311"},
		groups: []string{"311"},
		digits: "311",
		str:    "311",
		spoken: "311",
	},
	{
		in:      "４１６－５５５－０１２３",
		want:    Phone{Number: "+14165550123"},
		groups:  []string{"416", "555", "0123"},
		digits:  "4165550123",
		str:     "416 555 0123",
		spoken:  "416 · 555 · 0123",
		comment: "fullwidth digits from a Chinese or Japanese keyboard",
	},
	{
		in:      "٤١٦ ٥٥٥ ٠١٢٣",
		want:    Phone{Number: "+14165550123"},
		groups:  []string{"416", "555", "0123"},
		digits:  "4165550123",
		str:     "416 555 0123",
		spoken:  "416 · 555 · 0123",
		comment: "Arabic-Indic digits",
	},
	{
		in:      "۴۱۶ ۵۵۵ ۰۱۲۳",
		want:    Phone{Number: "+14165550123"},
		groups:  []string{"416", "555", "0123"},
		digits:  "4165550123",
		str:     "416 555 0123",
		spoken:  "416 · 555 · 0123",
		comment: "Persian digits",
	},

	// International numbers: country-code lengths and grouping.
	{
		in:     "+7 495 555 0123",
		want:   Phone{Number: "+74955550123"},
		groups: []string{"+7", "495", "555", "0123"},
		digits: "+74955550123",
		str:    "+7 495 555 0123",
		spoken: "+7 · 495 · 555 · 0123",
	},
	{
		in:     "+86 10 5555 0123",
		want:   Phone{Number: "+861055550123"},
		groups: []string{"+86", "10", "5555", "0123"},
		digits: "+861055550123",
		str:    "+86 10 5555 0123",
		spoken: "+86 · 10 · 5555 · 0123",
	},
	{
		in:      "+86 138 5555 0123",
		want:    Phone{Number: "+8613855550123"},
		groups:  []string{"+86", "138", "5555", "0123"},
		digits:  "+8613855550123",
		str:     "+86 138 5555 0123",
		spoken:  "+86 · 138 · 5555 · 0123",
		comment: "China mobile: the usual 3-4-4, so no grouping of its own",
	},
	{
		in:     "+63 2 5555 0123",
		want:   Phone{Number: "+63255550123"},
		groups: []string{"+63", "2", "5555", "0123"},
		digits: "+63255550123",
		str:    "+63 2 5555 0123",
		spoken: "+63 · 2 · 5555 · 0123",
	},
	{
		in:      "+502 5555 0123",
		want:    Phone{Number: "+50255550123", Grouping: "4,4"},
		groups:  []string{"+502", "5555", "0123"},
		digits:  "+50255550123",
		str:     "+502 5555 0123",
		spoken:  "+502 · 5555 · 0123",
		comment: "3-digit country code, 8 national digits",
	},
	{
		in:      "+355 12345",
		want:    Phone{Number: "+35512345"},
		groups:  []string{"+355", "12", "345"},
		digits:  "+35512345",
		str:     "+355 12 345",
		spoken:  "+355 · 12 · 345",
		comment: "shortest: 8 digits in all",
	},
	{
		in:      "+234 123 456 789 012",
		want:    Phone{Number: "+234123456789012", Grouping: "3,3,3,3"},
		groups:  []string{"+234", "123", "456", "789", "012"},
		digits:  "+234123456789012",
		str:     "+234 123 456 789 012",
		spoken:  "+234 · 123 · 456 · 789 · 012",
		comment: "longest: 15 digits in all",
	},
}

// phoneBadCases are inputs that must be refused, with the code expected.
var phoneBadCases = []struct {
	in   string
	code string
}{
	{"", "empty"},
	{"   ", "empty"},
	{"\u00a0\t\n", "empty"},
	{"TTY:", "empty"},
	{"tty : ", "empty"},
	{strings.Repeat("1", 65), "too-long"},
	{"416-555-0123" + strings.Repeat(" ", 53), "too-long"},
	{"12345", "too-few-digits"},
	{"555-0123", "too-few-digits"},
	{"112", "too-few-digits"},
	{"111", "too-few-digits"},
	{"011", "too-few-digits"},
	{"---", "too-few-digits"},
	{"ext. 12", "too-few-digits"},
	{"+44 20 12", "too-few-digits"},
	{"+355 1234", "too-few-digits"},
	{"+", "too-few-digits"},
	{"+1 416 555 012", "too-few-digits"},
	{"416-555-01234567890", "too-many-digits"},
	{"41655501234", "too-many-digits"},
	{"+1 416 555 01234", "too-many-digits"},
	{"+44 1234 5678 9012 345", "too-many-digits"},
	{"+234 123 456 789 0123", "too-many-digits"},
	{"011 44 1234 5678 9012 345", "too-many-digits"},
	{"(016) 555 0123", "bad-area-code"},
	{"116 555 0123", "bad-area-code"},
	{"416 155 0123", "bad-area-code"},
	{"416 055 0123", "bad-area-code"},
	{"1 016 555 0123", "bad-area-code"},
	{"+1 016 555 0123", "bad-area-code"},
	{"+0 416 555 0123", "bad-area-code"},
	{"416-555-CALL", "letters"},
	{"12ab", "letters"},
	{"1-800-FLOWERS", "letters"},
	{"\xff\xfe", "letters"},
	{"416\xff5550123", "letters"},
	{"416\x1b[2J5550123", "letters"},
	{"416\x005550123", "letters"},
	{"416\t555\t0123", "letters"},
	{"416+555+0123", "letters"},
	{"++1 416 555 0123", "letters"},
	{"416*555*0123", "letters"},
	{"TTYY 416 555 0123", "letters"},
	{"416 555 0123 TTY", "letters"},
	{"416 555 0123 xyz", "letters"},
	{"416-555-0123 ext", "bad-extension"},
	{"416-555-0123 ext.", "bad-extension"},
	{"416-555-0123 x", "bad-extension"},
	{"416-555-0123 #", "bad-extension"},
	{"416-555-0123 ext. 1234567", "bad-extension"},
	{"416-555-0123 ext. 12a", "bad-extension"},
	{"416-555-0123 ext. 1-2", "bad-extension"},
	{"416-555-0123 x12 x34", "bad-extension"},
	{"416-555-0123 ext. 12\x1b", "bad-extension"},
}

func TestParsePhoneValid(t *testing.T) {
	for _, c := range phoneValidCases {
		p, err := ParsePhone(c.in)
		if err != nil {
			t.Errorf("ParsePhone(%q): %v", c.in, err)
			continue
		}
		if p != c.want {
			t.Errorf("ParsePhone(%q) = %#v, want %#v", c.in, p, c.want)
		}
		if g := p.Groups(); !slices.Equal(g, c.groups) {
			t.Errorf("ParsePhone(%q).Groups() = %q, want %q", c.in, g, c.groups)
		}
		if d := p.Digits(); d != c.digits {
			t.Errorf("ParsePhone(%q).Digits() = %q, want %q", c.in, d, c.digits)
		}
		if s := p.String(); s != c.str {
			t.Errorf("ParsePhone(%q).String() = %q, want %q", c.in, s, c.str)
		}
		if s := p.Spoken(); s != c.spoken {
			t.Errorf("ParsePhone(%q).Spoken() = %q, want %q", c.in, s, c.spoken)
		}
	}
}

func TestParsePhoneRoundTrip(t *testing.T) {
	for _, c := range phoneValidCases {
		p, err := ParsePhone(c.in)
		if err != nil {
			t.Errorf("ParsePhone(%q): %v", c.in, err)
			continue
		}
		again, err := ParsePhone(p.String())
		if err != nil {
			t.Errorf("ParsePhone(%q) (String of %q): %v", p.String(), c.in, err)
			continue
		}
		p.TTY = false
		if again != p {
			t.Errorf("ParsePhone(%q) = %#v, want %#v (String of %q)", p.String(), again, p, c.in)
		}
	}
}

func TestParsePhoneBad(t *testing.T) {
	for _, c := range phoneBadCases {
		p, err := ParsePhone(c.in)
		if err == nil {
			t.Errorf("ParsePhone(%q) = %#v, want error %q", c.in, p, c.code)
			continue
		}
		if p != (Phone{}) {
			t.Errorf("ParsePhone(%q) = %#v with error, want zero Phone", c.in, p)
		}
		var pe *PhoneError
		if !errors.As(err, &pe) {
			t.Errorf("ParsePhone(%q) error %T, want *PhoneError", c.in, err)
			continue
		}
		if pe.Code != c.code {
			t.Errorf("ParsePhone(%q) code %q, want %q", c.in, pe.Code, c.code)
		}
		if pe.Input != c.in {
			t.Errorf("ParsePhone(%q) error Input %q", c.in, pe.Input)
		}
	}
}

func TestParsePhoneLengthLimit(t *testing.T) {
	// Exactly 64 bytes is still read.
	in := "416-555-0123" + strings.Repeat(" ", 52)
	if len(in) != 64 {
		t.Fatalf("test input is %d bytes", len(in))
	}
	p, err := ParsePhone(in)
	if err != nil || p.Number != "+14165550123" {
		t.Errorf("ParsePhone(64 bytes) = %#v, %v", p, err)
	}
}

func TestPhoneSameNumber(t *testing.T) {
	parse := func(s string) Phone {
		t.Helper()
		p, err := ParsePhone(s)
		if err != nil {
			t.Fatalf("ParsePhone(%q): %v", s, err)
		}
		return p
	}
	cases := []struct {
		a, b string
		same bool
	}{
		{"844-971-9674", "1-844-971-9674", true},
		{"416-555-0123", "+1 (416) 555-0123", true},
		{"416-555-0123", "TTY: 416 555 0123", true},
		{"+44 20 7946 0958", "011 44 20 7946 0958", true},
		{"416-555-0123 x12", "416.555.0123 ext. 12", true},
		{"416-555-0123", "416-555-0123 x12", false},
		{"416-555-0123 x12", "416-555-0123 x012", false},
		{"416-555-0123", "416-555-0124", false},
		{"211", "911", false},
	}
	for _, c := range cases {
		if got := parse(c.a).SameNumber(parse(c.b)); got != c.same {
			t.Errorf("%q SameNumber %q = %v, want %v", c.a, c.b, got, c.same)
		}
	}
	// Notes do not change the number.
	a := Phone{Number: "+14165550123", Note: "24 hours"}
	b := Phone{Number: "+14165550123", Note: "Chinese line"}
	if !a.SameNumber(b) {
		t.Errorf("%#v SameNumber %#v = false", a, b)
	}
}

func TestPhoneErrorText(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"12ab", `phone "12ab": letters`},
		{"", `phone "": empty`},
		{"\xff\xfe", `phone "\xff\xfe": letters`},
		{strings.Repeat("1", 70), `phone "` + strings.Repeat("1", 64) + `...": too-long`},
	}
	for _, c := range cases {
		_, err := ParsePhone(c.in)
		if err == nil {
			t.Errorf("ParsePhone(%q) succeeded", c.in)
			continue
		}
		if got := err.Error(); got != c.want {
			t.Errorf("ParsePhone(%q) error %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPhoneGroupsOfOddNumbers(t *testing.T) {
	// Numbers that ParsePhone does not make, such as from an edited file,
	// still format without losing anything.
	cases := []struct {
		number string
		groups []string
	}{
		{"", nil},
		{"+", []string{"+"}},
		{"+4", []string{"+4"}},
		{"+44", []string{"+44"}},
		{"+4420", []string{"+44", "20"}},
		{"4165550123", []string{"4165550123"}},
		{"hello", []string{"hello"}},
		{"+1416555012", []string{"+1", "41", "655", "5012"}},
	}
	for _, c := range cases {
		p := Phone{Number: c.number}
		if g := p.Groups(); !slices.Equal(g, c.groups) {
			t.Errorf("Phone{Number: %q}.Groups() = %q, want %q", c.number, g, c.groups)
		}
	}
}

func TestPhoneJSON(t *testing.T) {
	cases := []struct {
		p    Phone
		want string
	}{
		{Phone{Number: "211"}, `{"number":"211"}`},
		{
			Phone{Number: "+14164821254", Ext: "12", TTY: true, Note: "24 hours"},
			`{"number":"+14164821254","ext":"12","tty":true,"note":"24 hours"}`,
		},
	}
	for _, c := range cases {
		b, err := json.Marshal(c.p)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("json.Marshal(%#v) = %s, want %s", c.p, b, c.want)
		}
		var back Phone
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back != c.p {
			t.Errorf("json round trip of %#v gave %#v", c.p, back)
		}
	}
}

// Every code ParsePhone returns is listed in PhoneCodes.
func TestPhoneCodesListed(t *testing.T) {
	for _, in := range []string{"", strings.Repeat("1", 65), "416-555-CALL", "12345", "416-555-01234567890", "(016) 555 0123", "416-555-0123 ext"} {
		_, err := ParsePhone(in)
		var pe *PhoneError
		if !errors.As(err, &pe) || !slices.Contains(PhoneCodes, pe.Code) {
			t.Errorf("ParsePhone(%q): %v is not listed", in, err)
		}
	}
}
