package directory

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds any bytes to the list reader: it never panics, and what
// it accepts is clean and encodes to a list that reads again the same.
func FuzzParse(f *testing.F) {
	f.Add(GuideJSON())
	f.Add([]byte(`{"format":1,"name":"x","date":"2026-01","listings":[{"id":"a","name":"A\u001b[2J","phones":[{"text":"416-555-0101"}],"region":"r","categories":["legal"],"description":"d"}]}`))
	f.Add([]byte(`{"format":2}`))
	f.Add([]byte(`{"format":1,"name":"x","date":"2026-01","listings":[{"id":"a","fax":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, _, err := Parse(data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, x := range l.Listings {
			for _, s := range []string{x.Name, x.Description, x.Region, x.Web} {
				if !utf8.ValidString(s) || strings.ContainsAny(s, "\x1b\u202e\x00") {
					t.Fatalf("not clean: %q", s)
				}
			}
		}
		out, err := l.Encode()
		if err != nil {
			t.Fatal(err)
		}
		again, warns, err := Parse(out)
		if err != nil || len(warns) > 0 || len(again.Listings) != len(l.Listings) {
			t.Fatalf("does not read again: %v %v", err, warns)
		}
	})
}
