package plan

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParsePhone(f *testing.F) {
	for _, c := range phoneValidCases {
		f.Add(c.in)
	}
	for _, c := range phoneBadCases {
		f.Add(c.in)
	}
	for _, c := range phoneUsualCases {
		f.Add(c.typed)
	}
	for _, c := range phoneTypedCases {
		f.Add(c.typed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParsePhone(in)
		if err != nil {
			var pe *PhoneError
			if !errors.As(err, &pe) || pe.Code == "" {
				t.Fatalf("ParsePhone(%q) error %#v, want a *PhoneError with a code", in, err)
			}
			if p != (Phone{}) {
				t.Fatalf("ParsePhone(%q) = %#v with error %v", in, p, err)
			}
			return
		}
		if p.Number == "" || !utf8.ValidString(p.Number) {
			t.Fatalf("ParsePhone(%q).Number = %q", in, p.Number)
		}
		for i, r := range p.Number {
			if (r != '+' || i != 0) && (r < '0' || r > '9') {
				t.Fatalf("ParsePhone(%q).Number = %q", in, p.Number)
			}
		}
		if len(p.Ext) > phoneMaxExt || (p.Ext != "" && !phoneAllDigits(p.Ext)) {
			t.Fatalf("ParsePhone(%q).Ext = %q", in, p.Ext)
		}
		groups := p.Groups()
		if len(groups) == 0 {
			t.Fatalf("ParsePhone(%q).Groups() is empty", in)
		}
		for _, g := range groups {
			if g == "" {
				t.Fatalf("ParsePhone(%q).Groups() = %q has an empty group", in, groups)
			}
		}
		if !p.Grouping.Fits(p.Number) {
			t.Fatalf("ParsePhone(%q) = %#v: the grouping does not fit the number", in, p)
		}
		// The groups hold every digit of the number, and nothing else.
		whole, err := ParsePhone(strings.Join(groups, ""))
		if err != nil || whole.Number != p.Number || whole.Grouping != "" {
			t.Fatalf("ParsePhone(%q).Groups() = %q, which read together give %#v, %v", in, groups, whole, err)
		}
		again, err := ParsePhone(p.String())
		if err != nil {
			t.Fatalf("ParsePhone(%q) = %#v, but its String %q: %v", in, p, p.String(), err)
		}
		if !again.SameNumber(p) || again.TTY || again.Grouping != p.Grouping {
			t.Fatalf("ParsePhone(%q) = %#v, but its String %q gives %#v", in, p, p.String(), again)
		}
	})
}
