package printout

import (
	"bytes"
	"testing"

	"pathway/plan"
)

// FuzzLayouts puts any text in the names, notes and answers of a binder
// and prints it both ways: never a panic, always a whole PDF.
func FuzzLayouts(f *testing.F) {
	for _, s := range []string{"", "Mei", "陳美玲 416", "😀🎉", "\u202eevil", "a\x00b\x1b[2J", "\xff\xfe",
		"สมศรี", "김민지", "مريم", "x\ny\nz", string(make([]rune, 300))} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := sample(t)
		s = plan.Clean(s) // as every text is, on its way into a binder
		if len(s) > plan.MaxText {
			s = s[:plan.MaxText]
		}
		b.Contacts[0].Name = s + "x"
		b.Contacts[1].Note = s
		p := &b.Plans[1]
		p.Context = s
		a := p.Answers["home.care"]
		a.Text = s
		p.Answers["home.care"] = a
		for _, out := range [][]byte{
			must(t)(Cards(b, CardOptions{Options: en(), Labels: true, Back: true})),
			must(t)(Checklist(b, p, en())),
			must(t)(Sheet(b, b.Contact("c2"), Details{Name: s}, en())),
		} {
			if !bytes.HasPrefix(out, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("%%EOF")) {
				t.Fatalf("not a whole PDF for %q", s)
			}
		}
	})
}

func must(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}
