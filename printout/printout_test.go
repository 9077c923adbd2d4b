package printout

import (
	"bytes"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"pathway/internal/testtool"
	"pathway/locales"
	"pathway/plan"
)

func sample(t testing.TB) *plan.Binder {
	t.Helper()
	data, err := os.ReadFile("../testdata/sample-binder.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// save writes a PDF to a temporary file for the command-line readers.
func save(t *testing.T, pdf []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	testtool.Need(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pdfText is the text poppler reads from the PDF.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	return runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
}

// checkPDF runs qpdf --check and pdfinfo and returns the page count and
// the page size in points.
func checkPDF(t *testing.T, path string) (pages int, w, h float64) {
	t.Helper()
	if out := runTool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check:\n%s", out)
	}
	info := runTool(t, "pdfinfo", path)
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	s := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(info)
	if m == nil || s == nil {
		t.Fatalf("pdfinfo:\n%s", info)
	}
	pages, _ = strconv.Atoi(m[1])
	w, _ = strconv.ParseFloat(s[1], 64)
	h, _ = strconv.ParseFloat(s[2], 64)
	return pages, w, h
}

func en() Options { return Options{Loc: locales.English()} }

func TestChecklistReadsBack(t *testing.T) {
	b := sample(t)
	for _, p := range b.Plans {
		pdf, err := Checklist(b, &p, en())
		if err != nil {
			t.Fatal(err)
		}
		path := save(t, pdf)
		pages, w, h := checkPDF(t, path)
		if pages < 1 || math.Abs(w-612) > 0.5 || math.Abs(h-792) > 0.5 {
			t.Errorf("%s: %d pages of %v x %v pt, want Letter", p.ID, pages, w, h)
		}
		text := squash(pdfText(t, path))
		want := []string{
			locales.English().T(plan.KindTitleKey(p.Kind)),
			"Made on " + p.Updated.String(), "Look at it again by " + p.Updated.AddDays(ReviewAfter).String(),
		}
		for _, s := range plan.Sections(p.Kind) {
			want = append(want, locales.English().T(s.TitleKey()))
			for _, q := range s.Questions {
				want = append(want, squash(locales.English().T(q.TitleKey())))
			}
		}
		// The numbers to learn, in spoken groups.
		for _, c := range b.ToLearn() {
			want = append(want, c.Name, c.Phones[0].Spoken())
		}
		for _, s := range want {
			if !strings.Contains(text, squash(s)) {
				t.Errorf("%s: %q is not in the PDF's text", p.ID, s)
			}
		}
	}
}

// squash folds runs of white space, as pdftotext breaks and pads lines.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestChecklistOpenPointsHaveLines(t *testing.T) {
	b := sample(t)
	p := &plan.Plan{ID: "release-9", Kind: plan.Release, Status: plan.Draft, Answers: map[string]plan.Answer{}}
	b.Contacts = nil
	b.Plans = []plan.Plan{*p}
	pdf, err := Checklist(b, p, en())
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, save(t, pdf))
	if strings.Contains(text, "☑") || !strings.Contains(text, "☐") {
		t.Errorf("an empty plan shows ticked boxes, or none open:\n%s", text)
	}
}

func TestCardsDiscreetByDefault(t *testing.T) {
	b := sample(t)
	for _, paper := range []Paper{Letter, A4} {
		o := CardOptions{Options: Options{Paper: paper, Loc: locales.English()}, Back: true}
		pdf, err := Cards(b, o)
		if err != nil {
			t.Fatal(err)
		}
		path := save(t, pdf)
		pages, _, _ := checkPDF(t, path)
		if pages != 2 {
			t.Errorf("%s: %d pages with a back side", paper, pages)
		}
		if back := runTool(t, "pdftotext", "-f", "2", "-l", "2", path, "-"); strings.Count(back, "Butterfly") != CardsPerPage(paper) {
			t.Errorf("%s: the back does not carry the 24-hour line on every card:\n%s", paper, back)
		}
		text := runTool(t, "pdftotext", "-f", "1", "-l", "1", path, "-")
		for _, c := range b.ToLearn() {
			if n := strings.Count(text, c.Name); n != CardsPerPage(paper) {
				t.Errorf("%s: %s appears %d times, want once a card (%d)", paper, c.Name, n, CardsPerPage(paper))
			}
			if !strings.Contains(text, c.Phones[0].Spoken()) {
				t.Errorf("%s: %s is not on the cards", paper, c.Phones[0].Spoken())
			}
		}
		// No role, no plan name, no title, in any language pathway speaks.
		lower := strings.ToLower(text)
		for _, tag := range locales.Available() {
			l, _ := locales.Get(tag)
			var words []string
			for _, r := range plan.Roles {
				words = append(words, l.T(plan.RoleKey(r)))
			}
			for _, k := range plan.Kinds {
				words = append(words, l.T(plan.KindTitleKey(k)))
			}
			for _, w := range words {
				if strings.Contains(lower, strings.ToLower(w)) {
					t.Errorf("%s: the discreet cards say %q (%s)", paper, w, tag)
				}
			}
		}
	}
	// With --labels, the roles are there.
	pdf, err := Cards(b, CardOptions{Options: en(), Labels: true})
	if err != nil {
		t.Fatal(err)
	}
	if text := squash(pdfText(t, save(t, pdf))); !strings.Contains(text, "bond person (money)") {
		t.Errorf("labels asked for, none printed:\n%s", text)
	}
}

// TestCardGeometry measures the cards in the PDF itself: every card box
// is 85.6 × 54 mm within 0.5 mm, and there are as many as fit the page.
func TestCardGeometry(t *testing.T) {
	testtool.Need(t, "qpdf")
	b := sample(t)
	for _, paper := range []Paper{Letter, A4} {
		pdf, err := Cards(b, CardOptions{Options: Options{Paper: paper, Loc: locales.English()}})
		if err != nil {
			t.Fatal(err)
		}
		in := save(t, pdf)
		out := filepath.Join(t.TempDir(), "qdf.pdf")
		runTool(t, "qpdf", "--qdf", "--object-streams=disable", in, out)
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`(?m)^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b`)
		cards := 0
		for _, m := range re.FindAllStringSubmatch(string(raw), -1) {
			w, _ := strconv.ParseFloat(m[3], 64)
			h, _ := strconv.ParseFloat(m[4], 64)
			wmm, hmm := math.Abs(w)*25.4/72, math.Abs(h)*25.4/72
			if math.Abs(wmm-CardW) <= 0.5 && math.Abs(hmm-CardH) <= 0.5 {
				cards++
			} else {
				t.Errorf("%s: a box of %.2f × %.2f mm", paper, wmm, hmm)
			}
		}
		want := map[Paper]int{Letter: 8, A4: 10}[paper]
		if cards != want || CardsPerPage(paper) != want {
			t.Errorf("%s: %d cards measured, %d laid out, want %d", paper, cards, CardsPerPage(paper), want)
		}
		// Every card inside the page, the crop marks too, with room.
		pw, ph := paper.Size()
		xs, ys := grid(pw, ph)
		if xs[0]-6.5 < 5 || ys[0]-6.5 < 5 || xs[len(xs)-1]+CardW+6.5 > pw-5 || ys[len(ys)-1]+CardH+6.5 > ph-5 {
			t.Errorf("%s: crop marks closer than 5 mm to the edge", paper)
		}
	}
}

func TestBackSideMirrorsColumns(t *testing.T) {
	pw, ph := Letter.Size()
	xs, _ := grid(pw, ph)
	// A card at x on the front is behind the card at pageW-x-CardW.
	left := xs[0]
	right := pw - left - CardW
	if math.Abs(right-xs[len(xs)-1]) > 0.01 {
		t.Fatalf("the grid is not centred: fronts at %v, the mirror of the first at %v", xs, right)
	}
}

func TestCardsRefuse(t *testing.T) {
	b := sample(t)
	for i := range b.Contacts {
		b.Contacts[i].Learn = false
	}
	if _, err := Cards(b, CardOptions{Options: en()}); !errors.Is(err, ErrNothingToPrint) {
		t.Errorf("no numbers: %v", err)
	}
	b = sample(t)
	for i := range b.Contacts {
		b.Contacts[i].Learn = true
	}
	if _, err := Cards(b, CardOptions{Options: en()}); err != nil {
		t.Errorf("7 numbers are not refused: %v", err)
	}
	b = sample(t)
	for i := range b.Contacts {
		b.Contacts[i].Roles = nil
	}
	if _, err := Cards(b, CardOptions{Options: en(), Back: true}); !errors.Is(err, ErrNothingToPrint) {
		t.Errorf("back without 24-hour lines: %v", err)
	}
}

// Names in every script, with emoji and right-to-left text, long enough to
// overflow: printed or cleanly replaced, shortened to fit, never a crash.
func TestHardNames(t *testing.T) {
	b := sample(t)
	names := []string{
		"陳美玲", "Nguyễn Thị Hương", "김민지 선생님", "สมศรี ใจดี",
		strings.Repeat("Bartholomew-Alexandria ", 10), "Ana 😀 💐",
		"مريم Maryam", strings.Repeat("很长的名字", 30), "梅 (Mei) 李小龙的朋友",
	}
	for i, n := range names {
		if i < len(b.Contacts) {
			b.Contacts[i].Name = n
			b.Contacts[i].Learn = i < MaxCardNumbers
			b.Contacts[i].Note = strings.Repeat(n+" ", 20)
		} else {
			b.Contacts = append(b.Contacts, plan.Contact{ID: "x" + strconv.Itoa(i), Name: n,
				Phones: []plan.Phone{{Number: "+14165550199"}}, Roles: []plan.Role{plan.RoleCarer}})
		}
	}
	pdf, err := Cards(b, CardOptions{Options: en()})
	if err != nil {
		t.Fatal(err)
	}
	path := save(t, pdf)
	checkPDF(t, path)
	text := pdfText(t, path)
	for _, want := range []string{"陳美玲", "Nguyễn Thị Hương", "김민지", "สมศรี", "Ana"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not on the cards", want)
		}
	}
	if strings.Contains(text, "😀") {
		t.Error("an emoji reached the PDF")
	}
	if !strings.Contains(text, "…") {
		t.Error("a long name was not shortened")
	}
	for i, p := range b.Plans {
		if _, err := Checklist(b, &b.Plans[i], en()); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
	}
	// The card outlines still measure right: nothing drew outside.
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}

func TestSheets(t *testing.T) {
	b := sample(t)
	who := Details{Name: "Li Na", Born: "1990-01-01", FileNumber: "0000-0000"}
	for _, c := range []struct {
		id   string
		want []string
		not  []string
	}{
		{"c1", []string{"For Mei", "As their bond person", "financial", "Full name: Li Na", "Date of birth: 1990-01-01", "not legal advice"},
			[]string{"Cat food", "That I am safe", "Allergy"}},
		{"c2", []string{"For Ana", "bring them", "Clothes", "Important papers", "Medication", "Papers in the blue folder", "Cat food is under the sink"},
			[]string{"Full name", "That I am safe"}},
		{"c5", []string{"call their lawyer", "J. Okafor", "What you may say", "That I am safe", "What you must never say"},
			[]string{"Cat food"}},
	} {
		pdf, err := Sheet(b, b.Contact(c.id), who, en())
		if err != nil {
			t.Fatal(err)
		}
		path := save(t, pdf)
		if pages, _, _ := checkPDF(t, path); pages != 1 {
			t.Errorf("%s: %d pages", c.id, pages)
		}
		text := squash(pdfText(t, path))
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q missing", c.id, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: %q should not be on this helper's sheet", c.id, w)
			}
		}
	}
	if _, err := Sheet(b, &plan.Contact{ID: "z", Name: "Z"}, who, en()); !errors.Is(err, ErrNothingToPrint) {
		t.Errorf("a contact with no role: %v", err)
	}
}

// The same binder always prints the same bytes.
func TestDeterministic(t *testing.T) {
	b := sample(t)
	one, _ := Cards(b, CardOptions{Options: en()})
	two, _ := Cards(b, CardOptions{Options: en()})
	c1, _ := Checklist(b, &b.Plans[0], en())
	c2, _ := Checklist(b, &b.Plans[0], en())
	if !bytes.Equal(one, two) || !bytes.Equal(c1, c2) {
		t.Fatal("two printouts of the same binder differ")
	}
}

func TestBilingualChecklist(t *testing.T) {
	b := sample(t)
	second := locales.English()
	for _, tag := range locales.Available() {
		if tag != "en" {
			second, _ = locales.Get(tag)
			break
		}
	}
	if second.Tag == "en" {
		t.Skip("only English is available")
	}
	o := en()
	o.Second = second
	pdf, err := Checklist(b, &b.Plans[1], o)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, save(t, pdf)))
	for _, l := range []*locales.Locale{locales.English(), second} {
		if want := squash(l.T("section.bond.title")); !strings.Contains(text, want) {
			t.Errorf("%s: %q missing from the bilingual printout", l.Tag, want)
		}
	}
}

// TestEveryLanguagePrints prints the checklist of both sample plans and
// the cards in each language pathway speaks: poppler reads back every
// section title, and the numbers.
func TestEveryLanguagePrints(t *testing.T) {
	b := sample(t)
	for _, tag := range locales.Available() {
		l, _ := locales.Get(tag)
		o := Options{Loc: l}
		for i := range b.Plans {
			p := &b.Plans[i]
			pdf, err := Checklist(b, p, o)
			if err != nil {
				t.Fatalf("%s: %v", tag, err)
			}
			path := save(t, pdf)
			checkPDF(t, path)
			text := squash(pdfText(t, path))
			for _, s := range plan.Sections(p.Kind) {
				if title := squash(l.T(s.TitleKey())); !strings.Contains(text, title) {
					t.Errorf("%s %s: the section title %q is not in the PDF", tag, p.ID, title)
				}
			}
			if title := squash(l.T(plan.KindTitleKey(p.Kind))); !strings.Contains(text, title) {
				t.Errorf("%s %s: the plan title %q is not in the PDF", tag, p.ID, title)
			}
		}
		pdf, err := Cards(b, CardOptions{Options: o, Back: true})
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		path := save(t, pdf)
		checkPDF(t, path)
		text := pdfText(t, path)
		for _, c := range b.ToLearn() {
			if !strings.Contains(text, c.Phones[0].Spoken()) {
				t.Errorf("%s: %s is not on the cards", tag, c.Phones[0].Spoken())
			}
		}
	}
}

// TestFontsCoverEveryLanguage: every character of every message of every
// catalogue has a font that prints it (none is replaced).
func TestFontsCoverEveryLanguage(t *testing.T) {
	if err := parseFaces(); err != nil {
		t.Fatal(err)
	}
	for _, tag := range locales.Available() {
		l, _ := locales.Get(tag)
		for _, k := range locales.Keys(tag) {
			s := l.T(k, "Count", 2)
			if d := Dropped(s); len(d) > 0 {
				t.Errorf("%s %s: no font prints %q", tag, k, string(d))
			}
		}
	}
	// And the check can fail: an emoji has no font.
	if p, d := Printable("a😀"), Dropped("a😀"); p != "a" || string(d) != "😀" {
		t.Errorf("Printable(emoji) = %q, Dropped = %q", p, string(d))
	}
}
