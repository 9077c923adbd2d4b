package plan

import (
	"testing"
)

func listedBinder(t *testing.T) *Binder {
	t.Helper()
	today := mustDate(t, "2026-12-01")
	b := New(today)
	b.AddContact(Contact{Name: "Ana", Phones: []Phone{mustPhone(t, "416-555-0123")}, Learn: true}, "", today)
	b.AddContact(Contact{Name: "Riverside Drop-in", Phones: []Phone{mustPhone(t, "416-555-0170")}, Learn: true,
		Source: &Source{List: "Riverside outreach list", Listing: "riverside", Key: "0123456789ABCDEF", By: "Riverside Outreach", Confirmed: "2026-11"}}, "", today)
	return b
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustPhone(t *testing.T, s string) Phone {
	t.Helper()
	p, err := ParsePhone(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestUpdateFromList: only a signed newer version of the same list, with
// the same key, changes a contact's number; the change is kept, named by
// the check-up, and its drill comes first until the new number is known.
func TestUpdateFromList(t *testing.T) {
	today := mustDate(t, "2026-12-05")
	now := []ListedNumber{{Listing: "riverside", Phones: []Phone{mustPhone(t, "416-555-0171")}, Confirmed: "2026-12-03"}}

	b := listedBinder(t)
	if got := b.UpdateFromList("Riverside outreach list", "", "Riverside outreach list", now, today); len(got) != 0 {
		t.Errorf("an unsigned list changed %d numbers", len(got))
	}
	if got := b.UpdateFromList("Riverside outreach list", "FEDCBA9876543210", "Someone", now, today); len(got) != 0 {
		t.Errorf("another key changed %d numbers", len(got))
	}
	if got := b.UpdateFromList("Other list", "0123456789ABCDEF", "Riverside Outreach", now, today); len(got) != 0 {
		t.Errorf("another list changed %d numbers", len(got))
	}
	if b.Drills()[0].Contact.Name != "Ana" {
		t.Fatalf("before any change the drill starts with %q", b.Drills()[0].Contact.Name)
	}

	got := b.UpdateFromList("Riverside outreach list", "0123456789ABCDEF", "Riverside Outreach", now, today)
	if len(got) != 1 {
		t.Fatalf("changed %d numbers, want 1", len(got))
	}
	c := b.Contacts[1]
	if c.Phones[0].Number != "+14165550171" || c.Changed == nil || c.Changed.Old != "+14165550170" ||
		c.Changed.On != "2026-12-03" || c.Changed.Seen != today || c.Source.Confirmed != "2026-12-03" {
		t.Fatalf("contact after the change: %+v, %+v", c, c.Changed)
	}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	if d := b.Drills()[0]; d.Contact.Name != "Riverside Drop-in" || d.Phone.Number != "+14165550171" {
		t.Errorf("the drill starts with %q %s, want the changed number", d.Contact.Name, d.Phone.Number)
	}
	if !hasAging(b.CheckUp(today), "number-changed", c.ID) {
		t.Error("the check-up does not name the changed number")
	}

	// Known by heart, and ChangeDays later: no more notice, and the drill
	// goes back to its usual order.
	d := b.Drills()[0]
	d.Progress.Answered(true, today)
	b.Record(d.Progress)
	later := today.AddDays(ChangeDays + 1)
	if hasAging(b.CheckUp(later), "number-changed", c.ID) {
		t.Error("the notice stays once the new number is known and the cards had time")
	}
	if !hasAging(b.CheckUp(today.AddDays(2)), "number-changed", c.ID) {
		t.Error("the notice went before ChangeDays, while old cards may be about")
	}
	// The same list again changes nothing more.
	if got := b.UpdateFromList("Riverside outreach list", "0123456789ABCDEF", "Riverside Outreach", now, today); len(got) != 0 {
		t.Errorf("the same numbers again: %d changes", len(got))
	}
}

// TestNumberAging: an own number not confirmed with the contact for
// NumberDays is named; a number to learn that its list confirmed over
// ListDays ago is named with the list.
func TestNumberAging(t *testing.T) {
	b := listedBinder(t)
	if b.Contacts[0].NumberChecked.String() != "2026-12-01" || !b.Contacts[1].NumberChecked.IsZero() {
		t.Fatalf("number checked: %v, %v", b.Contacts[0].NumberChecked, b.Contacts[1].NumberChecked)
	}
	soon := mustDate(t, "2027-01-01")
	r := b.CheckUp(soon)
	if hasAging(r, "number-old", "c1") || hasAging(r, "list-old", "c2") {
		t.Errorf("named too early: %+v", r.Old)
	}
	late := mustDate(t, "2027-12-02")
	r = b.CheckUp(late)
	if !hasAging(r, "number-old", "c1") || !hasAging(r, "list-old", "c2") {
		t.Errorf("not named: %+v", r.Old)
	}
}

func hasAging(r Report, code, contact string) bool {
	for _, a := range r.Old {
		if a.Code == code && a.Contact == contact {
			return true
		}
	}
	return false
}

func TestListDate(t *testing.T) {
	for in, want := range map[string]string{"2020-01": "2020-01-01", "2026-11-23": "2026-11-23"} {
		if d, ok := ListDate(in); !ok || d.String() != want {
			t.Errorf("ListDate(%q) = %v, %v", in, d, ok)
		}
	}
	if _, ok := ListDate("soon"); ok {
		t.Error("ListDate read a word")
	}
}
