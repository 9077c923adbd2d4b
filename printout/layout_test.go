package printout

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pathway/locales"
	"pathway/plan"
)

// printAll makes every kind of paper from the sample binder in loc: each
// plan's checklist, a helper's sheet and the cards, by name.
func printAll(t *testing.T, b *plan.Binder, o Options) map[string]string {
	t.Helper()
	out := map[string]string{}
	for i := range b.Plans {
		pdf, err := Checklist(b, &b.Plans[i], o)
		if err != nil {
			t.Fatal(err)
		}
		out[b.Plans[i].ID] = save(t, pdf)
	}
	pdf, err := Sheet(b, b.Contact("c1"), Details{Name: "Li Na"}, o)
	if err != nil {
		t.Fatal(err)
	}
	out["sheet"] = save(t, pdf)
	pdf, err = Cards(b, CardOptions{Options: o, Back: true})
	if err != nil {
		t.Fatal(err)
	}
	out["cards"] = save(t, pdf)
	return out
}

// No printout names pathway, or the library that made it, in its
// metadata or anywhere in its file: a paper found says nothing of the
// program on the person's computer.
func TestPaperSaysNothingOfPathway(t *testing.T) {
	zh, _ := locales.Get("zh-Hans")
	for name, path := range printAll(t, sample(t), Options{Loc: locales.English(), Second: zh}) {
		info := runTool(t, "pdfinfo", path)
		for _, bad := range []string{"pathway", "fpdf"} {
			if strings.Contains(strings.ToLower(info), bad) {
				t.Errorf("%s: pdfinfo says %q:\n%s", name, bad, info)
			}
		}
		if regexp.MustCompile(`(?m)^(Producer|Creator|Author|Title|Subject|Keywords):`).MatchString(info) {
			t.Errorf("%s: the PDF carries a word about itself:\n%s", name, info)
		}
		qdf := filepath.Join(t.TempDir(), "qdf.pdf")
		runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
		raw, err := os.ReadFile(qdf)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"pathway", "fpdf"} {
			if strings.Contains(strings.ToLower(string(raw)), bad) {
				t.Errorf("%s: the file holds %q", name, bad)
			}
		}
	}
}

// The checklists and the sheets say on every page "Page X of Y", and ask
// to be kept private, in each language of the paper.
func TestFooterPageOfAndPrivate(t *testing.T) {
	b := hard(t)
	for _, tag := range []string{"en", "zh-Hans", "th"} {
		loc, _ := locales.Get(tag)
		vi, _ := locales.Get("vi")
		for _, o := range []Options{{Loc: loc}, {Loc: loc, Second: vi}} {
			paths := printAll(t, b, o)
			for name, path := range paths {
				if name == "cards" {
					continue
				}
				pages, _, _ := checkPDF(t, path)
				if pages < 2 && strings.HasPrefix(name, "release") {
					t.Errorf("%s %s: %d page", tag, name, pages)
				}
				for p := 1; p <= pages; p++ {
					text := squash(runTool(t, "pdftotext", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), "-enc", "UTF-8", path, "-"))
					for _, l := range []*locales.Locale{o.Loc, o.Second} {
						if l == nil {
							continue
						}
						for _, want := range []string{
							l.T("print.page-of", "Page", p, "Pages", pages),
							l.T("print.private"),
						} {
							if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(want, " ", "")) {
								t.Errorf("%s %s p.%d: %q is not at its foot", tag, name, p, want)
							}
						}
					}
				}
			}
		}
	}
}
