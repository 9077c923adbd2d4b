package plan

import (
	"slices"
	"time"
)

// How old a number may get before the check-up names it.
const (
	// NumberDays: a contact's own number not confirmed with them for this
	// long.
	NumberDays = 180
	// ListDays: a number learnt by heart from an organisations' list that
	// the list last confirmed this long ago.
	ListDays = 365
	// ChangeDays: how long a changed number is named at least, even once
	// the new one is known by heart, so that the old cards are replaced.
	ChangeDays = 30
)

// A Source is where a contact added from an organisations' list came
// from.
type Source struct {
	// List is the list's name and Listing the listing's id in it.
	List    string `json:"list"`
	Listing string `json:"listing"`
	// Key is the id of the key that signed the list (16 hex digits), or
	// empty for the guide's list and an unsigned one.
	Key string `json:"key,omitempty"`
	// By is who confirmed the numbers: the name the person gave the
	// signer's key, or the list's name.
	By string `json:"by"`
	// Confirmed is the day the list last confirmed the numbers: 2020-01
	// or 2026-11-23.
	Confirmed string `json:"confirmed"`
}

// A NumberChange is a main number that a newer version of a list changed.
type NumberChange struct {
	// Old is the number the person knew (normalised), OldExt its
	// extension.
	Old    string `json:"old"`
	OldExt string `json:"old_ext,omitempty"`
	// On is the day the list confirmed the new number; By who did.
	On string `json:"on"`
	By string `json:"by"`
	// Seen is the day the newer list was imported: cards printed before
	// it carry the old number.
	Seen Date `json:"seen,omitzero"`
}

// OldPhone returns the old number as a Phone, for showing it.
func (n NumberChange) OldPhone() Phone {
	p, err := ParsePhone(n.Old)
	if err != nil {
		return Phone{Number: n.Old}
	}
	p.Ext = n.OldExt
	return p
}

// ListDate reads a list's date (2020-01 or 2020-01-31) as a day, the
// first of the month when no day is given.
func ListDate(s string) (Date, bool) {
	for _, layout := range []string{time.DateOnly, "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{t}, true
		}
	}
	return Date{}, false
}

// A ListedNumber is what a list now says of one listing: for
// UpdateFromList.
type ListedNumber struct {
	Listing   string
	Phones    []Phone
	Confirmed string
}

// UpdateFromList takes in a newer version of the list named list, signed
// with key (empty if unsigned), as confirmed by by: the contacts added
// from one of its listings follow it. A contact whose main number the
// list changed gets the new numbers, and Changed says what it was; its
// drill starts again with the new number. Only contacts from the same
// list signed with the same key follow it, and only a signed list
// changes numbers: an unsigned list only changes its date. It returns the
// contacts whose number changed.
func (b *Binder) UpdateFromList(list, key, by string, now []ListedNumber, today Date) []*Contact {
	var changed []*Contact
	for i := range b.Contacts {
		c := &b.Contacts[i]
		if c.Source == nil || c.Source.List != list || c.Source.Key != key {
			continue
		}
		k := slices.IndexFunc(now, func(n ListedNumber) bool { return n.Listing == c.Source.Listing })
		if k < 0 {
			continue
		}
		n := now[k]
		c.Source.By, c.Source.Confirmed = by, n.Confirmed
		if key == "" || len(n.Phones) == 0 || len(c.Phones) == 0 {
			continue
		}
		if c.Phones[0].Number == n.Phones[0].Number && c.Phones[0].Ext == n.Phones[0].Ext {
			continue
		}
		c.Changed = &NumberChange{Old: c.Phones[0].Number, OldExt: c.Phones[0].Ext, On: n.Confirmed, By: by, Seen: today}
		c.Phones = slices.Clone(n.Phones)
		changed = append(changed, c)
	}
	return changed
}

// NumberNews reports whether c's main number changed and the person is
// still to hear of it on day today: the new number is not yet known by
// heart, or the change is less than ChangeDays old.
func (b *Binder) NumberNews(c Contact, today Date) bool {
	if c.Changed == nil || len(c.Phones) == 0 {
		return false
	}
	if c.Changed.Seen.IsZero() || c.Changed.Seen.DaysUntil(today) <= ChangeDays {
		return true
	}
	if !c.Learn {
		return false
	}
	p := b.progress(c.ID, c.Phones[0].Number)
	return p == nil || !p.Known()
}

// changedFirst reports whether the drill of c is a changed number not yet
// known by heart: such numbers are asked first.
func (b *Binder) changedFirst(d Drill) bool {
	return d.Contact.Changed != nil && !d.Progress.Known()
}

// listAging says what is getting old about the numbers of the contacts:
// a changed number, an own number not confirmed with the contact for
// NumberDays, a number learnt from a list the list confirmed over
// ListDays ago.
func (b *Binder) listAging(today Date) []Aging {
	var out []Aging
	for _, c := range b.Contacts {
		if len(c.Phones) == 0 {
			continue
		}
		if b.NumberNews(c, today) {
			out = append(out, Aging{Code: "number-changed", Contact: c.ID})
			continue
		}
		switch {
		case c.Source != nil:
			if d, ok := ListDate(c.Source.Confirmed); ok && c.Learn && d.DaysUntil(today) > ListDays {
				out = append(out, Aging{Code: "list-old", Contact: c.ID, Days: d.DaysUntil(today)})
			}
		case !c.NumberChecked.IsZero() && c.NumberChecked.DaysUntil(today) > NumberDays:
			out = append(out, Aging{Code: "number-old", Contact: c.ID, Days: c.NumberChecked.DaysUntil(today)})
		}
	}
	return out
}

// checkListed checks what a contact keeps of the list it came from.
func (c Contact) checkListed(at string) error {
	if s := c.Source; s != nil {
		for _, f := range [][2]string{{"list", s.List}, {"listing", s.Listing}, {"key", s.Key}, {"by", s.By}, {"confirmed", s.Confirmed}} {
			if err := checkText(at+".source."+f[0], f[1]); err != nil {
				return err
			}
		}
	}
	if n := c.Changed; n != nil {
		if p, err := ParsePhone(n.Old); err != nil || p.Number != n.Old {
			return &Error{Code: CodeBadPhone, Field: at + ".number_changed.old", Value: shorten(n.Old), Err: err}
		}
		if n.OldExt != "" && !isDigits(n.OldExt, 6) {
			return &Error{Code: CodeBadPhone, Field: at + ".number_changed.old_ext", Value: shorten(n.OldExt)}
		}
		for _, f := range [][2]string{{"on", n.On}, {"by", n.By}} {
			if err := checkText(at+".number_changed."+f[0], f[1]); err != nil {
				return err
			}
		}
	}
	return nil
}
