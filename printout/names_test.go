package printout

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	unorm "golang.org/x/text/unicode/norm"

	"pathway/internal/testtool"
	"pathway/locales"
	"pathway/plan"
)

// printedName is how a contact's name must read back from a printout: in
// normal form C, without the characters Dropped reports (emoji), white
// space folded.
func printedName(name string) string {
	drop := map[rune]bool{}
	for _, r := range Dropped(name) {
		drop[r] = true
	}
	s := strings.Map(func(r rune) rune {
		if drop[r] {
			return -1
		}
		return r
	}, unorm.NFC.String(name))
	return strings.Join(strings.Fields(s), " ")
}

// readBack is the text pdftotext gives of the PDF at path, in normal form
// C, without the direction marks it puts around right-to-left runs (and
// any other format character), white space folded.
func readBack(t *testing.T, path string) string {
	t.Helper()
	s := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, unorm.NFC.String(pdfRaw(t, path)))
	return strings.Join(strings.Fields(s), " ")
}

// dehyphenated reports whether text holds want with one of its hyphens
// left out: pdftotext joins a word broken after its hyphen at the end of
// a line, and drops the hyphen.
func dehyphenated(text, want string) bool {
	for i, r := range want {
		if r == '-' && strings.Contains(text, want[:i]+want[i+1:]) {
			return true
		}
	}
	return false
}

// scriptFonts are the fonts a printout carries only when its text has a
// letter of their script, by the name fpdf gives them (pdffonts).
var scriptFonts = []struct {
	font   string
	script *unicode.RangeTable
}{
	{"utf8ar", unicode.Arabic},
	{"utf8he", unicode.Hebrew},
	{"utf8km", unicode.Khmer},
	{"utf8lo", unicode.Lao},
}

// checkNames fails the test if a name of names is not in the text of the
// PDF at path, in logical order, if the text has a U+FFFD, or if a font
// of scriptFonts is embedded without its script in the text, or missing
// with it. Every font must be embedded.
func checkNames(t *testing.T, what, path string, names []string) {
	t.Helper()
	text := readBack(t, path)
	for _, n := range names {
		if want := printedName(n); !strings.Contains(text, want) && !dehyphenated(text, want) {
			t.Errorf("%s: %q does not read back (as %q)", what, n, want)
		}
	}
	if strings.ContainsRune(text, unicode.ReplacementChar) {
		t.Errorf("%s: a U+FFFD in the text", what)
	}
	fonts := runTool(t, "pdffonts", path)
	for _, l := range strings.Split(fonts, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 4 && f[len(f)-5] != "yes" {
			t.Errorf("%s: font not embedded: %s", what, l)
		}
	}
	for _, sf := range scriptFonts {
		has := false
		for _, l := range strings.Split(fonts, "\n") {
			if f := strings.Fields(l); len(f) > 0 && (f[0] == sf.font || f[0] == sf.font+"B") {
				has = true
			}
		}
		needs := strings.IndexFunc(text, func(r rune) bool { return unicode.Is(sf.script, r) }) >= 0
		if has != needs {
			t.Errorf("%s: font %s embedded %v, its script in the text %v", what, sf.font, has, needs)
		}
	}
}

// TestNamesReadBack prints the hard binder's checklists (both plans), its
// cards (front and back) and helpers' sheets in every language on Letter
// and A4, and reads every contact name back in logical order: Arabic,
// Hebrew, Khmer, Lao, Thai, Korean, Chinese and Vietnamese names, an emoji
// left out. Every contact with a sheet gets one, in every language too.
func TestNamesReadBack(t *testing.T) {
	if testing.Short() {
		t.Skip("prints some hundred PDFs")
	}
	testtool.Need(t, "pdftotext")
	testtool.Need(t, "pdffonts")
	b := hard(t)
	// Run first, before anything is printed: Dropped must parse the fonts.
	if d := Dropped("Ana 🌸"); len(d) != 1 || d[0] != '🌸' {
		t.Fatalf("Dropped(%q) = %q, want the flower", "Ana 🌸", string(d))
	}
	var learn []string
	for _, c := range b.ToLearn() {
		learn = append(learn, c.Name)
	}
	// The names each checklist must show: the people its plan names and
	// the numbers to learn.
	planNames := make([][]string, len(b.Plans))
	covered := map[string]bool{}
	for _, c := range b.ToLearn() {
		covered[c.ID] = true
	}
	for i, p := range b.Plans {
		planNames[i] = append([]string(nil), learn...)
		for _, a := range p.Answers {
			for _, id := range a.Contacts {
				if c := b.Contact(id); c != nil {
					planNames[i] = append(planNames[i], c.Name)
					covered[id] = true
				}
			}
		}
	}
	// The contacts with a helper's sheet.
	var sheets []*plan.Contact
	for i := range b.Contacts {
		c := &b.Contacts[i]
		if _, err := Sheet(b, c, Details{}, en()); err == nil {
			sheets = append(sheets, c)
			covered[c.ID] = true
		}
	}
	// A name left out of every printout would pass unseen.
	for _, c := range b.Contacts {
		if !covered[c.ID] {
			t.Errorf("%s (%q) is looked for on no printout", c.ID, c.Name)
		}
	}
	for _, tag := range locales.Available() {
		loc, _ := locales.Get(tag)
		t.Run(tag, func(t *testing.T) {
			t.Parallel() // poppler runs beside the printing
			for _, paper := range []Paper{Letter, A4} {
				o := Options{Paper: paper, Loc: loc}
				what := func(s string) string { return fmt.Sprintf("%s %s %s", tag, paper, s) }
				for i := range b.Plans {
					p := &b.Plans[i]
					pdf, err := Checklist(b, p, o)
					if err != nil {
						t.Fatalf("%s: %v", what(p.ID), err)
					}
					checkNames(t, what(p.ID), save(t, pdf), planNames[i])
				}
				pdf, err := Cards(b, CardOptions{Options: o, Back: true})
				if err != nil {
					t.Fatalf("%s: %v", what("cards"), err)
				}
				checkNames(t, what("cards"), save(t, pdf), learn)
				for _, c := range sheets {
					pdf, err := Sheet(b, c, Details{Name: "Li Na", Born: "1990-01-01"}, o)
					if err != nil {
						t.Fatalf("%s: %v", what("sheet "+c.ID), err)
					}
					checkNames(t, what("sheet "+c.ID), save(t, pdf), []string{c.Name})
				}
			}
		})
	}
}
