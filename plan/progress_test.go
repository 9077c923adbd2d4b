package plan

import (
	"errors"
	"strings"
	"testing"
)

// "Does not apply" goes through a file and back; it stands with a note
// alone; a file written before it existed reads as before.
func TestNotApplyInFiles(t *testing.T) {
	in := `{"format": 1, "contacts": [{"id": "c1", "name": "Ana"}], "plans": [{"id": "release-1", "kind": "release",
	"status": "draft", "resume": "out", "answers": {"home.carer": {"na": true, "text": "no pets"}, "home.care": {"text": "x"}}}]}`
	b, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	data, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"na": true`) {
		t.Fatalf("not written:\n%s", data)
	}
	p := b.Plans[0]
	q, _ := Lookup("home.carer")
	if got := b.StateOf(p, q); got != NotApply {
		t.Errorf("home.carer is %s", got)
	}
	for id, want := range map[string]State{"home.care": Answered, "network.clinic": Skipped, "bond.money": Skipped, "out.host": ToDo} {
		q, _ := Lookup(id)
		if got := b.StateOf(p, q); got != want {
			t.Errorf("%s is %s, want %s", id, got, want)
		}
	}
	bad := strings.Replace(in, `"na": true,`, `"na": true, "contacts": ["c1"],`, 1)
	var pe *Error
	if _, err := Decode([]byte(bad)); !errors.As(err, &pe) || pe.Code != CodeBadAnswer {
		t.Errorf("na with contacts: %v", err)
	}
	if _, err := Decode(readSample(t)); err != nil {
		t.Errorf("the sample, written before: %v", err)
	}
}

// Match finds the contact a new one may well be: the same name (case and
// spaces aside) or the same number; never someone else.
func TestMatch(t *testing.T) {
	b := New(Date{})
	n, _ := ParsePhone("416-555-0123")
	tony := b.AddContact(Contact{Name: "Tony", Phones: []Phone{n}}, RoleBondMoney, Date{})
	for _, c := range []Contact{{Name: " tony "}, {Name: "T.", Phones: []Phone{n}}} {
		if got := b.Match(c); got == nil || got.ID != tony.ID {
			t.Errorf("%+v: matched %v", c, got)
		}
	}
	other, _ := ParsePhone("416-555-0199")
	if got := b.Match(Contact{Name: "Toni", Phones: []Phone{other}}); got != nil {
		t.Errorf("someone else matched %v", got)
	}
}
