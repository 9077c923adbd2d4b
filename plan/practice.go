package plan

import (
	"slices"
	"strings"
)

// Intervals are the days until a number in each Leitner box is asked
// again: box 0 now, then after 1, 3, 7, 14 and 30 days.
var Intervals = []int{0, 1, 3, 7, 14, 30}

// KnownBox is the box from which a number counts as known by heart: it
// was answered right the last time it was asked.
const KnownBox = 1

// A Drill is one number to practise: whose it is, and how well it is known.
type Drill struct {
	Contact  Contact
	Phone    Phone
	Progress Progress
}

// Drills returns the numbers the person marked to learn, each with its
// progress (a new one if never practised), in the order they are due:
// a number an organisations' list changed first (until it is known), then
// the most overdue, then the least known.
func (b *Binder) Drills() []Drill {
	var out []Drill
	for _, c := range b.ToLearn() {
		d := Drill{Contact: c, Phone: c.Phones[0], Progress: Progress{Contact: c.ID, Number: c.Phones[0].Number}}
		if p := b.progress(c.ID, c.Phones[0].Number); p != nil {
			d.Progress = *p
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(x, y Drill) int {
		// A number a list changed comes first, until it is known.
		if fx, fy := b.changedFirst(x), b.changedFirst(y); fx != fy {
			if fx {
				return -1
			}
			return 1
		}
		if c := x.Progress.Due.t.Compare(y.Progress.Due.t); c != 0 {
			return c
		}
		return x.Progress.Box - y.Progress.Box
	})
	return out
}

// Due returns the drills due on day today.
func (b *Binder) Due(today Date) []Drill {
	var out []Drill
	for _, d := range b.Drills() {
		if d.Progress.IsDue(today) {
			out = append(out, d)
		}
	}
	return out
}

// IsDue reports whether the number is to be asked on day today: never
// practised, or its day has come.
func (p Progress) IsDue(today Date) bool {
	return p.Due.IsZero() || !today.Before(p.Due)
}

// Known reports whether the number counts as known by heart.
func (p Progress) Known() bool { return p.Box >= KnownBox && !p.Practised.IsZero() }

// Answered moves a number after an answer on day today: right moves it up
// a box and asks it again later; wrong moves it down to the first box and
// makes it due now.
func (p *Progress) Answered(right bool, today Date) {
	if right {
		p.Box = min(p.Box+1, len(Intervals)-1)
	} else {
		p.Box = 0
	}
	p.Due = today.AddDays(Intervals[p.Box])
	p.Practised = today
}

func (b *Binder) progress(contact, number string) *Progress {
	for i := range b.Practice {
		if b.Practice[i].Contact == contact && b.Practice[i].Number == number {
			return &b.Practice[i]
		}
	}
	return nil
}

// Record keeps the progress of one number in the binder.
func (b *Binder) Record(p Progress) {
	if q := b.progress(p.Contact, p.Number); q != nil {
		*q = p
		return
	}
	b.Practice = append(b.Practice, p)
}

// Matches reports whether what the person typed is the number: forgiving
// about spaces, dashes, dots, brackets and a leading + or 1, strict about
// every digit. An extension, if the number has one, may be left out.
func (p Phone) Matches(typed string) bool {
	var digits strings.Builder
	for _, r := range typed {
		if d, ok := phoneDigit(r); ok { // other scripts' digits too
			digits.WriteByte(d)
			continue
		}
		if r != '+' && !phoneIsSep(r) && !phoneIsSpace(r) {
			return false
		}
	}
	got := digits.String()
	want := strings.TrimPrefix(p.Number, "+")
	if got == want {
		return true
	}
	if strings.HasPrefix(p.Number, "+1") && len(want) == 11 && got == want[1:] {
		return true // a North American number without its leading 1
	}
	if !strings.HasPrefix(p.Number, "+1") && strings.HasPrefix(p.Number, "+") && got == "011"+want {
		return true // dialled from Canada with 011
	}
	return false
}

// ValidDialString reports whether s holds only what a phone number is
// typed with: digits, and the spaces and separators Matches passes over.
func ValidDialString(s string) bool {
	for _, r := range s {
		if _, ok := phoneDigit(r); !ok && r != '+' && !phoneIsSep(r) && !phoneIsSpace(r) {
			return false
		}
	}
	return true
}
