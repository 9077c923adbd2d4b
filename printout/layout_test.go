package printout

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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

// pageText is the text of page n of the PDF at path, in reading order.
func pageText(t *testing.T, path string, n int) string {
	t.Helper()
	return runTool(t, "pdftotext", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), "-enc", "UTF-8", path, "-")
}

// nospace drops all white space, for text in scripts poppler may space
// out.
func nospace(s string) string { return strings.Join(strings.Fields(s), "") }

// dayPages returns the text of the pages a checklist opens with, before
// the page where its detail starts under the plan's title.
func dayPages(t *testing.T, path string, loc *locales.Locale, k plan.Kind) string {
	t.Helper()
	pages, _, _ := checkPDF(t, path)
	var out []string
	for n := 1; n <= pages; n++ {
		s := pageText(t, path, n)
		if strings.Contains(nospace(s), nospace(loc.T(plan.KindTitleKey(k)))) {
			if n == 1 {
				t.Fatalf("the detail starts on page 1")
			}
			return strings.Join(out, "\n")
		}
		out = append(out, s)
	}
	t.Fatalf("no page starts the detail of the plan")
	return ""
}

// The checklist opens with a page for the day: its title, the numbers to
// know whole, each person of the plan once with their roles of this plan
// only, and the place to go; then the detail on a new page.
func TestDayPage(t *testing.T) {
	b := sample(t)
	en := locales.English()
	for i := range b.Plans {
		p := &b.Plans[i]
		pdf, err := Checklist(b, p, Options{Loc: en})
		if err != nil {
			t.Fatal(err)
		}
		path := save(t, pdf)
		day := dayPages(t, path, en, p.Kind)
		if n := strings.Count(pdfRaw(t, path), "\f"); strings.Count(day, "\f") != 1 {
			t.Errorf("%s: the day takes more than one page of %d", p.ID, n)
		}
		text := norm(day)
		for _, s := range []string{en.T(dayTitle[p.Kind]), en.T("print.learn"), en.T("print.day-people"),
			en.T(dayPlaceTitle[p.Kind]), p.Answers[dayPlace[p.Kind]].Text} {
			if !strings.Contains(text, norm(s)) {
				t.Errorf("%s: %q is not on the first page", p.ID, s)
			}
		}
		var learnt []string
		for _, c := range b.ToLearn() {
			findWhole(t, p.ID+" day page", en, text, []plan.Phone{c.Phones[0]})
			learnt = append(learnt, c.ID)
		}
		for _, id := range planPeople(p) {
			c := RolesIn(*b.Contact(id), p.Kind)
			want := 1
			if slices.Contains(learnt, id) {
				want = 2
			} else {
				findWhole(t, p.ID+" day page", en, text, c.Phones)
			}
			if got := strings.Count(text, c.Name+" "); got != want {
				t.Errorf("%s: %s is named %d times on the first page, want %d", p.ID, c.Name, got, want)
			}
			for _, r := range c.Roles {
				if !strings.Contains(text, norm(en.T(plan.RoleKey(r)))) {
					t.Errorf("%s: %s's role %s is not on the first page", p.ID, c.Name, r)
				}
			}
		}
		for _, r := range plan.Roles {
			name := norm(en.T(plan.RoleKey(r)))
			inner := false // "lawyer" is in "immigration lawyer"
			for _, o := range plan.RolesOf(p.Kind) {
				inner = inner || strings.Contains(en.T(plan.RoleKey(o)), name)
			}
			if !r.In(p.Kind) && !inner && strings.Contains(text, name) {
				t.Errorf("%s: the first page names %q, a role of another plan", p.ID, en.T(plan.RoleKey(r)))
			}
		}
	}
}

// The first page is large enough to read at arm's length: no text under
// DayTextSize but the footer, the numbers to know at MinDayNumberSize or
// more. Sizes are read back from poppler's word boxes, which are a little
// taller than the size for DejaVu Sans (1.16 times).
func TestDayPageIsLarge(t *testing.T) {
	b := sample(t)
	const pt = 72 / 25.4
	groups := map[string]bool{}
	for _, c := range b.Contacts {
		for _, ph := range c.Phones {
			for _, g := range ph.Groups() {
				groups[g] = true
			}
		}
	}
	for i := range b.Plans {
		pdf, err := Checklist(b, &b.Plans[i], Options{Loc: locales.English()})
		if err != nil {
			t.Fatal(err)
		}
		path := save(t, pdf)
		_, _, h := checkPDF(t, path)
		nums := 0
		for _, w := range bbox(t, path)[0] {
			size := (w.y1 - w.y0) / 1.16
			switch {
			case w.y0 > h-(Margin+1)*pt: // the footer
			case groups[w.text]:
				nums++
				if size < MinDayNumberSize-0.5 {
					t.Errorf("%s: %q of a number at %.1f pt", b.Plans[i].ID, w.text, size)
				}
			case size < DayTextSize-0.5:
				t.Errorf("%s: %q at %.1f pt on the first page", b.Plans[i].ID, w.text, size)
			}
		}
		if nums < 3*len(b.ToLearn()) {
			t.Errorf("%s: %d groups of numbers on the first page", b.Plans[i].ID, nums)
		}
	}
}

// In every language, and with the hard binder's long numbers, the numbers
// to know are whole on the pages of the day.
func TestDayPageNumbersWhole(t *testing.T) {
	b := hard(t)
	for _, tag := range locales.Available() {
		loc, _ := locales.Get(tag)
		p := &b.Plans[1]
		pdf, err := Checklist(b, p, Options{Loc: loc, Paper: A4})
		if err != nil {
			t.Fatal(err)
		}
		path := save(t, pdf)
		var learn []plan.Phone
		for _, c := range b.ToLearn() {
			learn = append(learn, c.Phones[0])
		}
		findWhole(t, tag+" day page", loc, norm(dayPages(t, path, loc, p.Kind)), learn)
	}
}

// Every point of a checklist has one box: ticked if it is answered, empty
// if it is still to do.
func TestTicksAndBoxes(t *testing.T) {
	b := sample(t)
	for i := range b.Plans {
		p := &b.Plans[i]
		// One point more left open, to see an empty box.
		delete(p.Answers, plan.Sections(p.Kind)[0].Questions[1].ID)
		var done, open int
		for _, s := range plan.Sections(p.Kind) {
			for _, q := range s.Questions {
				if IsAnswered(b, *p, q) {
					done++
				} else {
					open++
				}
			}
		}
		pdf, err := Checklist(b, p, en())
		if err != nil {
			t.Fatal(err)
		}
		text := pdfRaw(t, save(t, pdf))
		if got := strings.Count(text, "☑"); got != done {
			t.Errorf("%s: %d ticks, want %d", p.ID, got, done)
		}
		if got := strings.Count(text, "☐"); got != open || open == 0 {
			t.Errorf("%s: %d empty boxes, want %d", p.ID, got, open)
		}
	}
}

// bottomLine returns the words of the lowest line of text of a page above
// its footer, joined, and the height of the tallest of them in points.
func bottomLine(ws []word, pageH float64) (string, float64) {
	const pt = 72 / 25.4
	low := 0.0
	for _, w := range ws {
		if w.y0 < pageH-(Margin+1)*pt {
			low = max(low, w.y0)
		}
	}
	var line []string
	h := 0.0
	for _, w := range ws {
		if w.y0 < pageH-(Margin+1)*pt && w.y0 > low-1 {
			line = append(line, w.text)
			h = max(h, w.y1-w.y0)
		}
	}
	return norm(strings.Join(line, " ")), h
}

// Pages break where paper allows: no heading is the last line of a page,
// and a pair of lines to write on is never split between two pages. The
// context line of the plan is made longer and longer, to move every point
// over every place where a page breaks.
func TestPagesBreakWell(t *testing.T) {
	en := locales.English()
	const pt = 72 / 25.4
	for _, bin := range []*plan.Binder{sample(t), hard(t)} {
		for i := range bin.Plans {
			var headings []string
			for _, s := range plan.Sections(bin.Plans[i].Kind) {
				headings = append(headings, norm(en.T(s.TitleKey())))
			}
			headings = append(headings, norm(en.T("print.people")), norm(en.T("print.learn")))
			for _, open := range []bool{false, true} {
				for n := 0; n < 36; n += 5 {
					p := bin.Plans[i]
					if open {
						p.Answers = map[string]plan.Answer{}
					}
					p.Context = strings.TrimSpace(strings.Repeat("somewhere ", n*4))
					for _, paper := range []Paper{Letter, A4} {
						what := fmt.Sprintf("%s open=%v context=%d %s", p.ID, open, n, paper)
						pdf, err := Checklist(bin, &p, Options{Loc: en, Paper: paper})
						if err != nil {
							t.Fatal(err)
						}
						path := save(t, pdf)
						_, ph := paper.Size()
						pages := bbox(t, path)
						for k, ws := range pages[:len(pages)-1] {
							// A heading is set at 14 pt, its words 16 pt
							// tall; the answers at 10 pt.
							last, tall := bottomLine(ws, ph*pt)
							for _, h := range headings {
								if last != "" && tall > 15 && strings.HasSuffix(h, last) {
									t.Errorf("%s: page %d ends with %q, of the heading %q", what, k+1, last, h)
								}
							}
						}
						qdf := filepath.Join(t.TempDir(), "qdf.pdf")
						runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
						raw, err := os.ReadFile(qdf)
						if err != nil {
							t.Fatal(err)
						}
						lineAt := fmt.Sprintf("\n%.2f ", (Margin+7)*pt)
						for k, pg := range strings.Split(string(raw), "%% Contents for page")[1:] {
							if n := strings.Count(pg, lineAt); n%2 != 0 {
								t.Errorf("%s: page %d has %d lines to write on: a pair is split", what, k+1, n)
							}
						}
					}
				}
			}
		}
	}
}

// A bilingual sheet gives its titles and fixed lines in both languages,
// and so does the page for the day.
func TestBilingualSheetAndDay(t *testing.T) {
	b := sample(t)
	zh, _ := locales.Get("zh-Hans")
	en := locales.English()
	mei := b.Contact("c1")
	pdf, err := Sheet(b, mei, Details{Name: "Li Na", Born: "1990-01-01"}, Options{Loc: en, Second: zh})
	if err != nil {
		t.Fatal(err)
	}
	text := nospace(pdfRaw(t, save(t, pdf)))
	for _, l := range []*locales.Locale{en, zh} {
		for _, s := range []string{
			l.T("print.sheet-title", "Name", mei.Name),
			l.T("print.sheet-intro-release", "Person", "Li Na"),
			l.T("print.sheet-role", "Roles", l.T(plan.SheetRoleKey(plan.RoleBondMoney))+", "+l.T(plan.SheetRoleKey(plan.RoleBondTestify))+", "+l.T(plan.SheetRoleKey(plan.RoleReleaseHost))),
			l.T("print.sheet-bond"), l.T("print.sheet-bond-money"), l.T("print.sheet-address"),
			l.T("print.sheet-born", "Value", "1990-01-01"), l.T("print.not-legal-advice"),
		} {
			if !strings.Contains(text, nospace(s)) {
				t.Errorf("sheet: %s: %q is not printed", l.Tag, s)
			}
		}
	}

	p := &b.Plans[1]
	pdf, err = Checklist(b, p, Options{Loc: zh, Second: en})
	if err != nil {
		t.Fatal(err)
	}
	path := save(t, pdf)
	day := nospace(pageText(t, path, 1))
	all := nospace(pdfRaw(t, path))
	for _, l := range []*locales.Locale{en, zh} {
		for _, s := range []string{l.T(dayTitle[p.Kind]), l.T("print.day-people"), l.T(dayPlaceTitle[p.Kind]),
			l.T(plan.RoleKey(plan.RoleCallsLawyer)), l.T(plan.RoleKey(plan.RoleKeyHolder))} {
			if !strings.Contains(day, nospace(s)) {
				t.Errorf("day page: %s: %q is not printed", l.Tag, s)
			}
		}
		for _, s := range []string{l.T("print.learn-help"), l.T("show.agreed")} {
			if !strings.Contains(all, nospace(s)) {
				t.Errorf("checklist: %s: %q is not printed", l.Tag, s)
			}
		}
	}
}

// Bold text in a face with no bold outlines (Chinese, Korean) is drawn
// filled and outlined, so that a question stands apart from its answer;
// text in faces with bold outlines is not.
func TestFauxBold(t *testing.T) {
	b := sample(t)
	for _, c := range []struct {
		tag  string
		want bool
	}{{"en", false}, {"vi", false}, {"zh-Hans", true}, {"zh-Hant", true}, {"ko", true}} {
		loc, _ := locales.Get(c.tag)
		pdf, err := Checklist(b, &b.Plans[0], Options{Loc: loc})
		if err != nil {
			t.Fatal(err)
		}
		qdf := filepath.Join(t.TempDir(), "qdf.pdf")
		runTool(t, "qpdf", "--qdf", "--object-streams=disable", save(t, pdf), qdf)
		raw, err := os.ReadFile(qdf)
		if err != nil {
			t.Fatal(err)
		}
		strokes := strings.Count(string(raw), "\n2 Tr")
		if got := strokes > 0; got != c.want {
			t.Errorf("%s: %d runs of text drawn outlined, want some: %v", c.tag, strokes, c.want)
		}
		// Every outlined run ends: answers are plain.
		if ends := strings.Count(string(raw), "\n0 Tr"); ends != strokes {
			t.Errorf("%s: %d outlined runs, %d ends", c.tag, strokes, ends)
		}
	}
}
