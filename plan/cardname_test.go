package plan

import (
	"errors"
	"strings"
	"testing"
)

func TestCardNameDecode(t *testing.T) {
	in := `{"format": 1, "contacts": [{"id": "c1", "name": "Mei", "card_name": " Auntie\tRose\n"}], "plans": []}`
	b, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Contacts[0].CardName; got != "Auntie Rose" {
		t.Errorf("card name cleaned to %q, want %q", got, "Auntie Rose")
	}
	if got := b.Contacts[0].OnCard(); got != "Auntie Rose" {
		t.Errorf("OnCard = %q", got)
	}
	// Written back, and left out when empty.
	out, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"card_name": "Auntie Rose"`) {
		t.Errorf("card name not written:\n%s", out)
	}
	b.Contacts[0].CardName = ""
	if out, _ := Encode(b); strings.Contains(string(out), "card_name") {
		t.Errorf("an empty card name is written:\n%s", out)
	}
	if got := b.Contacts[0].OnCard(); got != "Mei" {
		t.Errorf("OnCard without a card name = %q, want the name", got)
	}
}

func TestCardNameRefused(t *testing.T) {
	for _, tc := range []struct {
		card, code string
	}{
		{"A\u200bB", CodeNameChar},  // zero-width space
		{"Ana\u202e", CodeNameChar}, // right-to-left override
		{"\ufeffAna", CodeNameChar}, // byte-order mark
		{strings.Repeat("x", MaxCardName+1), CodeTooLong},
		{strings.Repeat("梅", MaxCardName/3+1), CodeTooLong}, // bytes, not characters
	} {
		in := `{"format": 1, "contacts": [{"id": "c1", "name": "Mei", "card_name": "` + tc.card + `"}], "plans": []}`
		_, err := Decode([]byte(in))
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != tc.code || pe.Field != "contacts[0].card_name" {
			t.Errorf("%q: got %v, want %s at contacts[0].card_name", tc.card, err, tc.code)
		}
	}
	// The longest allowed passes.
	in := `{"format": 1, "contacts": [{"id": "c1", "name": "Mei", "card_name": "` + strings.Repeat("x", MaxCardName) + `"}], "plans": []}`
	if _, err := Decode([]byte(in)); err != nil {
		t.Errorf("a card name of %d bytes refused: %v", MaxCardName, err)
	}
	// Validate catches what a caller set without cleaning.
	b := &Binder{Format: Format, Contacts: []Contact{{ID: "c1", Name: "Mei", CardName: "M\u200d"}}}
	if err := b.Validate(); err == nil {
		t.Error("Validate passed a card name with a zero-width joiner")
	}
}

func TestNeutralCardName(t *testing.T) {
	b := &Binder{}
	if got := b.NeutralCardName("Line"); got != "Line 1" {
		t.Errorf("first = %q, want Line 1", got)
	}
	b.Contacts = []Contact{
		{ID: "c1", Name: "A", CardName: "line 1"}, // any case
		{ID: "c2", Name: "Line 2"},                // a name with no card name counts too
		{ID: "c3", Name: "B", CardName: "Line 4"},
	}
	if got := b.NeutralCardName("Line"); got != "Line 3" {
		t.Errorf("next = %q, want Line 3", got)
	}
	if got := b.NeutralCardName("Ligne"); got != "Ligne 1" {
		t.Errorf("in French = %q, want Ligne 1", got)
	}
}
