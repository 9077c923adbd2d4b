package printout

import (
	"testing"

	"pathway/locales"
	"pathway/plan"
)

// benchBinders are the binders the benchmarks print: the sample binder
// (testdata/sample-binder.json) and the hard binder (twelve numbers to
// learn, names in nine scripts whose fonts are embedded).
func benchBinders(b *testing.B) []struct {
	name string
	bin  *plan.Binder
} {
	return []struct {
		name string
		bin  *plan.Binder
	}{{"sample", sample(b)}, {"hard", hard(b)}}
}

// benchPrint runs print b.N times, reporting the size of the PDF in
// bytes as pdf-bytes.
func benchPrint(b *testing.B, print func() ([]byte, error)) {
	b.ReportAllocs()
	var n int
	for b.Loop() {
		pdf, err := print()
		if err != nil {
			b.Fatal(err)
		}
		n = len(pdf)
	}
	b.ReportMetric(float64(n), "pdf-bytes")
}

// BenchmarkChecklist prints the release plan's checklist of each binder,
// in English.
func BenchmarkChecklist(b *testing.B) {
	for _, bb := range benchBinders(b) {
		b.Run(bb.name, func(b *testing.B) {
			var p *plan.Plan
			for i := range bb.bin.Plans {
				if bb.bin.Plans[i].Kind == plan.Release {
					p = &bb.bin.Plans[i]
				}
			}
			if p == nil {
				b.Fatal("no release plan")
			}
			benchPrint(b, func() ([]byte, error) {
				return Checklist(bb.bin, p, Options{Loc: locales.English()})
			})
		})
	}
}

// BenchmarkCards prints each binder's cards, front and back, in English.
func BenchmarkCards(b *testing.B) {
	for _, bb := range benchBinders(b) {
		b.Run(bb.name, func(b *testing.B) {
			benchPrint(b, func() ([]byte, error) {
				return Cards(bb.bin, CardOptions{Options: Options{Loc: locales.English()}, Back: true})
			})
		})
	}
}

// BenchmarkSheet prints the helper's sheet of each binder's first
// contact with one, in English.
func BenchmarkSheet(b *testing.B) {
	for _, bb := range benchBinders(b) {
		b.Run(bb.name, func(b *testing.B) {
			var c *plan.Contact
			for i := range bb.bin.Contacts {
				if _, err := Sheet(bb.bin, &bb.bin.Contacts[i], Details{}, Options{Loc: locales.English()}); err == nil {
					c = &bb.bin.Contacts[i]
					break
				}
			}
			if c == nil {
				b.Fatal("no contact with a sheet")
			}
			benchPrint(b, func() ([]byte, error) {
				return Sheet(bb.bin, c, Details{Name: "Li Na", Born: "1990-01-01"}, Options{Loc: locales.English()})
			})
		})
	}
}
