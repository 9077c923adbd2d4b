package plan

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func readSample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../testdata/sample-binder.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSampleRoundTrip(t *testing.T) {
	data := readSample(t)
	b, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Fatalf("Encode(Decode(sample)) differs from the sample:\n%s", out)
	}
}

// The sample must be what the issue asks of it: both plans, every section
// answered, an agreed bond person, two numbers to learn.
func TestSampleIsComplete(t *testing.T) {
	b, err := Decode(readSample(t))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]bool{}
	for _, p := range b.Plans {
		kinds[p.Kind] = true
		for _, s := range Sections(p.Kind) {
			answered := false
			for _, q := range s.Questions {
				if !p.Answers[q.ID].Empty() || (q.Kind == Learn && len(b.ToLearn()) > 0) {
					answered = true
				}
			}
			if !answered {
				t.Errorf("%s: section %s has no answer", p.ID, s.ID)
			}
		}
	}
	// Contacts picked for a question play its role.
	for _, p := range b.Plans {
		for id, a := range p.Answers {
			q, _ := Lookup(id)
			for _, c := range a.Contacts {
				if !b.Contact(c).HasRole(q.Role) {
					t.Errorf("%s: %s answers %s without the role %s", p.ID, c, id, q.Role)
				}
			}
		}
	}
	if !kinds[Safety] || !kinds[Release] {
		t.Errorf("sample plans: %v", kinds)
	}
	agreedBond := false
	for _, c := range b.Contacts {
		if c.HasRole(RoleBondMoney) && c.Agreed {
			agreedBond = true
		}
		for _, p := range c.Phones {
			d := p.Digits()
			if strings.HasPrefix(p.Number, "+1") && !strings.Contains(d, "5550") && d != "4169063098" {
				t.Errorf("%s: %s is neither a 555-01xx number nor the guide's", c.Name, p.Number)
			}
		}
	}
	if !agreedBond {
		t.Error("no bond person who agreed")
	}
	if n := len(b.ToLearn()); n < 2 {
		t.Errorf("%d contacts to learn, want 2 or more", n)
	}
}

func code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return "not a plan.Error: " + err.Error()
}

func TestDecodeRefuses(t *testing.T) {
	long := strings.Repeat("a", MaxText+1)
	for _, c := range []struct {
		name, json, code string
		line             int
	}{
		{"empty", ``, CodeInvalidJSON, 1},
		{"not json", `hello`, CodeInvalidJSON, 1},
		{"array", `[1,2]`, CodeInvalidJSON, 1},
		{"syntax on line 3", "{\n\"format\": 1,\n\"plans\": [,]}", CodeInvalidJSON, 3},
		{"trailing data", `{"format":1} {}`, CodeInvalidJSON, 1},
		{"no format", `{"plans": []}`, CodeNoFormat, 0},
		{"newer", `{"format": ` + strconv.Itoa(Format+1) + `, "whatever": true}`, CodeNewerFormat, 0},
		{"zero format", `{"format": 0}`, CodeBadFormat, 0},
		{"string format", `{"format": "1"}`, CodeBadFormat, 0},
		{"unknown field", "{\"format\": 1,\n\"plan\": []}", CodeUnknownField, 2},
		{"bad utf8", "{\"format\": 1,\n\"language\": \"\xff\"}", CodeInvalidUTF8, 2},
		{"bad date", `{"format": 1, "created": "2026-13-40"}`, CodeBadDate, 0},
		{"wrong type", `{"format": 1, "contacts": {}}`, CodeInvalidJSON, 1},
		{"contact no id", `{"format":1,"contacts":[{"name":"A"}]}`, CodeBadID, 0},
		{"contact bad id", `{"format":1,"contacts":[{"id":"A B","name":"A"}]}`, CodeBadID, 0},
		{"contact twice", `{"format":1,"contacts":[{"id":"a","name":"A"},{"id":"a","name":"B"}]}`, CodeDuplicateID, 0},
		{"no name", `{"format":1,"contacts":[{"id":"a","name":" \u001b[1m "}]}`, CodeNoName, 0},
		{"bad role", `{"format":1,"contacts":[{"id":"a","name":"A","roles":["boss"]}]}`, CodeBadRole, 0},
		{"bad phone", `{"format":1,"contacts":[{"id":"a","name":"A","phones":[{"number":"12"}]}]}`, CodeBadPhone, 0},
		{"bad ext", `{"format":1,"contacts":[{"id":"a","name":"A","phones":[{"number":"+14165550123","ext":"12a"}]}]}`, CodeBadPhone, 0},
		{"long name", `{"format":1,"contacts":[{"id":"a","name":"` + long + `"}]}`, CodeTooLong, 0},
		{"bad kind", `{"format":1,"plans":[{"id":"p","kind":"escape","status":"draft"}]}`, CodeBadKind, 0},
		{"bad status", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"finished"}]}`, CodeBadStatus, 0},
		{"plan twice", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft"},{"id":"p","kind":"release","status":"draft"}]}`, CodeDuplicateID, 0},
		{"bad resume", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","resume":"bond"}]}`, CodeBadSection, 0},
		{"other kind's question", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"bond.money":{}}}]}`, CodeUnknownQuestion, 0},
		{"no such question", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.nope":{}}}]}`, CodeUnknownQuestion, 0},
		{"yes on text", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.how":{"yes":true}}}]}`, CodeBadAnswer, 0},
		{"bad choice", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.when":{"choice":"never"}}}]}`, CodeBadOption, 0},
		{"choice on text", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.how":{"choice":"soon"}}}]}`, CodeBadAnswer, 0},
		{"bad checked", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.bag":{"checked":["gun"]}}}]}`, CodeBadOption, 0},
		{"checked twice", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.bag":{"checked":["keys","keys"]}}}]}`, CodeDuplicateID, 0},
		{"unknown contact", `{"format":1,"plans":[{"id":"p","kind":"release","status":"draft","answers":{"bond.money":{"contacts":["c1"]}}}]}`, CodeUnknownContact, 0},
		{"contacts on text", `{"format":1,"contacts":[{"id":"c1","name":"A"}],"plans":[{"id":"p","kind":"release","status":"draft","answers":{"out.address":{"contacts":["c1"]}}}]}`, CodeBadAnswer, 0},
		{"long answer", `{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.how":{"text":"` + long + `"}}}]}`, CodeTooLong, 0},
		{"contact twice in an answer", `{"format":1,"contacts":[{"id":"c1","name":"A"}],"plans":[{"id":"p","kind":"release","status":"draft","answers":{"bond.money":{"contacts":["c1","c1"]}}}]}`, CodeDuplicateID, 0},
		{"practice unknown contact", `{"format":1,"practice":[{"contact":"c1","number":"+14165550123","box":1}]}`, CodeUnknownContact, 0},
		{"practice bad box", `{"format":1,"contacts":[{"id":"c1","name":"A"}],"practice":[{"contact":"c1","number":"+14165550123","box":-1}]}`, CodeBadAnswer, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.json))
			if err == nil {
				t.Fatal("accepted")
			}
			if got := code(err); got != c.code {
				t.Fatalf("code %q, want %q (%v)", got, c.code, err)
			}
			var e *Error
			errors.As(err, &e)
			if c.line != 0 && e.Line != c.line {
				t.Errorf("line %d, want %d (%v)", e.Line, c.line, err)
			}
			if !utf8.ValidString(err.Error()) {
				t.Errorf("message is not UTF-8: %q", err.Error())
			}
		})
	}
}

func TestDecodeTooBig(t *testing.T) {
	data := append([]byte(`{"format":1}`), bytes.Repeat([]byte(" "), MaxBinder)...)
	if _, err := Decode(data); code(err) != CodeTooBig {
		t.Fatalf("got %v", err)
	}
	// Exactly at the limit is fine.
	data = data[:MaxBinder]
	if _, err := Decode(data); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
}

func TestDecodeFillsEmptyCollections(t *testing.T) {
	b, err := Decode([]byte(`{"format":1,"plans":[{"id":"p","kind":"safety","status":"draft"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if b.Contacts == nil || b.Plans[0].Answers == nil {
		t.Fatal("nil collections after decoding")
	}
	out, _ := Encode(b)
	if !bytes.Contains(out, []byte(`"contacts": []`)) {
		t.Errorf("encoded: %s", out)
	}
}

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"two\nlines", "two\nlines"},
		{"crlf\r\nline", "crlf\nline"},
		{"tab\there", "tab here"},
		{"red \x1b[31mtext\x1b[0m", "red text"},
		{"title \x1b]0;owned\x07done", "title done"},
		{"title \x1b]0;owned\x1b\\done", "title done"},
		{"clear\x1b[2J\x1b[3J", "clear"},
		{"c1 \u009b31mcsi", "c1 csi"},
		{"nul\x00bell\x07", "nulbell"},
		{"bidi \u202eevil\u202c", "bidi evil"},
		{"isolate \u2066x\u2069", "isolate x"},
		{"bad \xff utf8", "bad \ufffd utf8"},
		{"中文 Tiếng Việt 한국어 ไทย", "中文 Tiếng Việt 한국어 ไทย"},
		{"emoji 😀 stays", "emoji 😀 stays"},
		{"lone esc\x1b", "lone esc"},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := CleanLine("  a\nb \x1b[1m "); got != "a b" {
		t.Errorf("CleanLine = %q", got)
	}
}

func TestDecodeCleansAndNormalises(t *testing.T) {
	b, err := Decode([]byte(`{"format":1,"contacts":[{"id":"c1","name":"Ana\u001b[2J","phones":[{"number":"(416) 555-0123 ext. 7"}]}],
	  "plans":[{"id":"p","kind":"safety","status":"draft","answers":{"leave.how":{"text":"bus\u001b]0;x\u0007\u202e 300"}}}],
	  "practice":[{"contact":"c1","number":"416.555.0123","box":1}]}`))
	if err != nil {
		t.Fatal(err)
	}
	c := b.Contacts[0]
	if c.Name != "Ana" || c.Phones[0].Number != "+14165550123" || c.Phones[0].Ext != "7" {
		t.Errorf("contact %+v", c)
	}
	if got := b.Practice[0].Number; got != "+14165550123" {
		t.Errorf("practice number %q", got)
	}
	if got := b.Plans[0].Answers["leave.how"].Text; got != "bus 300" {
		t.Errorf("answer %q", got)
	}
}

// A direction or zero-width character in a name is refused, with where it
// is, rather than cleaned away: the file is not what it seems.
func TestDecodeRefusesInvisibleInNames(t *testing.T) {
	for in, pos := range map[string]int{"Ana\u202e": 4, "To\u200bny": 3, "\u2066Mei": 1} {
		_, err := Decode([]byte(`{"format":1,"contacts":[{"id":"c1","name":"` + in + `"}],"plans":[]}`))
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != CodeNameChar || pe.Limit != pos || pe.Field != "contacts[0].name" {
			t.Errorf("%s: %v", in, err)
		}
	}
}

func TestEncodeRefusesInvalid(t *testing.T) {
	b := New(Date{})
	b.Plans = append(b.Plans, Plan{ID: "p", Kind: "other", Status: Draft})
	if _, err := Encode(b); code(err) != CodeBadKind {
		t.Fatalf("got %v", err)
	}
}

func TestIDs(t *testing.T) {
	b := New(Date{})
	if id := b.NewPlanID(Release); id != "release-1" {
		t.Errorf("first release id %q", id)
	}
	b.Plans = append(b.Plans, Plan{ID: "release-1", Kind: Release, Status: Draft})
	if id := b.NewPlanID(Release); id != "release-2" {
		t.Errorf("second release id %q", id)
	}
	b.Contacts = append(b.Contacts, Contact{ID: "c1", Name: "A"})
	if id := b.NewContactID(); id != "c2" {
		t.Errorf("contact id %q", id)
	}
	if b.Plan("release-1") == nil || b.Plan("x") != nil || b.Contact("c1") == nil {
		t.Error("lookups")
	}
}

func TestDates(t *testing.T) {
	d, err := ParseDate("2026-02-28")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.AddDays(1).String(); got != "2026-03-01" {
		t.Errorf("AddDays: %s", got)
	}
	if d.DaysUntil(d.AddDays(90)) != 90 || !d.Before(d.AddDays(1)) {
		t.Error("DaysUntil/Before")
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Error("zero date")
	}
}
