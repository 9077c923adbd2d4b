package printout

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pathway/internal/testtool"
	"pathway/locales"
	"pathway/plan"
)

// hard is testdata/hard-binder.json: long international numbers, six-digit
// extensions, twelve numbers to learn, names in many scripts.
func hard(t testing.TB) *plan.Binder {
	t.Helper()
	data, err := os.ReadFile("../testdata/hard-binder.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// generated is a binder of invented numbers, made the same way every run:
// international numbers of up to 15 digits, North American 555-01xx
// numbers, extensions of up to six digits, all to learn, all named in
// both plans and on a helper's sheet.
func generated(t testing.TB) *plan.Binder {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	b := &plan.Binder{Created: plan.Date{}}
	var ids []string
	for i := range 22 {
		var ph plan.Phone
		switch i % 3 {
		case 0: // the longest international numbers
			cc := []string{"86", "855", "856", "971", "380", "44", "63"}[r.IntN(7)]
			ph.Number = "+" + cc + "5" + digits(15-len(cc)-1)
		case 1:
			ph.Number = "+1" + []string{"416", "647", "905", "800"}[r.IntN(4)] + "55501" + digits(2)
		default:
			cc := []string{"84", "82", "66", "52", "33"}[r.IntN(5)]
			ph.Number = "+" + cc + "55501" + digits(4+r.IntN(4))
		}
		if i%2 == 0 {
			ph.Ext = digits(1 + r.IntN(6))
		}
		if i%4 == 0 {
			ph.Ext = digits(6)
		}
		id := "g" + strconv.Itoa(i)
		ids = append(ids, id)
		c := plan.Contact{ID: id, Name: fmt.Sprintf("Person %d", i), Phones: []plan.Phone{ph}, Learn: true}
		if i%5 == 0 {
			c.Roles = []plan.Role{plan.RoleEmergencyService}
		}
		b.Contacts = append(b.Contacts, c)
	}
	b.Contacts = append(b.Contacts, plan.Contact{ID: "helper", Name: "Helper",
		Roles: []plan.Role{plan.RoleCallsLawyer}, Phones: []plan.Phone{{Number: "+14165550100"}}})
	b.Plans = []plan.Plan{
		{ID: "safety-1", Kind: plan.Safety, Answers: map[string]plan.Answer{"supports.people": {Contacts: ids}}},
		{ID: "release-1", Kind: plan.Release, Answers: map[string]plan.Answer{"network.immigration": {Contacts: ids}}},
	}
	return b
}

// planContacts returns the contacts plan p names, and the numbers to learn.
func planPhones(b *plan.Binder, p *plan.Plan) []plan.Phone {
	var out []plan.Phone
	for _, a := range p.Answers {
		for _, id := range a.Contacts {
			if c := b.Contact(id); c != nil {
				out = append(out, c.Phones...)
			}
		}
	}
	for _, c := range b.ToLearn() {
		out = append(out, c.Phones[0])
	}
	return out
}

// lawyerPhones are the numbers a calls-lawyer helper's sheet gives: those
// of the people named in the questions the role table gives that sheet.
func lawyerPhones(b *plan.Binder) []plan.Phone {
	var out []plan.Phone
	for _, id := range plan.RoleCallsLawyer.SheetQuestions() {
		for _, p := range b.Plans {
			for _, cid := range p.Answers[id].Contacts {
				if c := b.Contact(cid); c != nil {
					out = append(out, c.Phones...)
				}
			}
		}
	}
	return out
}

// whole is how a number reads when printed whole: its groups, then the
// extension words and digits, one space apart.
func whole(loc *locales.Locale, ph plan.Phone) string {
	s := strings.Join(ph.Groups(), " ")
	if ph.Ext != "" {
		s += " " + loc.T("print.ext", "Ext", ph.Ext)
	}
	return norm(s)
}

// norm folds what pdftotext gives: the " · " between groups and every run
// of white space (line breaks of a wrapped number too) to one space.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "·", " ")), " ")
}

// word is a word poppler found, with its box in points from the top left.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

// bbox returns the words of each page (pdftotext -bbox).
func bbox(t *testing.T, path string) [][]word {
	t.Helper()
	html := runTool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	var pages [][]word
	for _, pg := range pageRe.FindAllStringSubmatch(html, -1) {
		var ws []word
		for _, m := range wordRe.FindAllStringSubmatch(pg[3], -1) {
			var v [4]float64
			for k := range v {
				v[k], _ = strconv.ParseFloat(m[k+1], 64)
			}
			ws = append(ws, word{v[0], v[1], v[2], v[3], unescape(m[5])})
		}
		pages = append(pages, ws)
	}
	return pages
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
}

// cardText is the text of each card of a page, read card by card: the
// words whose middle lies on the card, in lines from the top, each line
// from the left. The cards are joined with " | ".
func cardText(words []word, xs, ys []float64) string {
	const pt = 72 / 25.4
	var parts []string
	for _, y := range ys {
		for _, x := range xs {
			var on []word
			for _, w := range words {
				mx, my := (w.x0+w.x1)/2/pt, (w.y0+w.y1)/2/pt
				if mx > x && mx < x+CardW && my > y && my < y+CardH {
					on = append(on, w)
				}
			}
			slices.SortStableFunc(on, func(a, b word) int {
				if math.Abs((a.y0+a.y1)-(b.y0+b.y1)) > 3 {
					return cmp.Compare(a.y0+a.y1, b.y0+b.y1)
				}
				return cmp.Compare(a.x0, b.x0)
			})
			var ts []string
			for _, w := range on {
				ts = append(ts, w.text)
			}
			parts = append(parts, norm(strings.Join(ts, " ")))
		}
	}
	return strings.Join(parts, " | ")
}

// findWhole fails the test for every number not found whole in text.
func findWhole(t *testing.T, what string, loc *locales.Locale, text string, phones []plan.Phone) {
	t.Helper()
	if len(phones) == 0 {
		t.Fatalf("%s: no numbers to look for", what)
	}
	for _, ph := range phones {
		if w := whole(loc, ph); !strings.Contains(" "+text+" ", " "+w+" ") {
			t.Errorf("%s: %q is not printed whole", what, w)
		}
	}
	if strings.Contains(text, "…") {
		for _, m := range regexp.MustCompile(`\d ?…`).FindAllString(text, -1) {
			t.Errorf("%s: a number ends in an ellipsis: %q", what, m)
		}
	}
}

// TestNumbersPrintWhole prints every number of the hard binder and of a
// generated set on the cards (front and back), the checklists and a
// helper's sheet, in every language and on both papers, and reads each
// number back whole. It also checks every page with qpdf and measures the
// margins.
func TestNumbersPrintWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("prints some hundred PDFs")
	}
	for _, bin := range []struct {
		name string
		b    *plan.Binder
		who  string
	}{{"hard", hard(t), "c3"}, {"generated", generated(t), "helper"}} {
		b := bin.b
		for _, tag := range locales.Available() {
			loc, _ := locales.Get(tag)
			t.Run(bin.name+"-"+tag, func(t *testing.T) {
				t.Parallel() // poppler and qpdf run beside each other
				for _, paper := range []Paper{Letter, A4} {
					what := fmt.Sprintf("%s %s %s", bin.name, tag, paper)
					o := Options{Paper: paper, Loc: loc}
					pdf, err := Cards(b, CardOptions{Options: o, Back: true, Labels: tag == "fr"})
					if err != nil {
						t.Fatalf("%s: %v", what, err)
					}
					path := save(t, pdf)
					pages, _, _ := checkPDF(t, path)
					words := checkMargins(t, what+" cards", path, paper)
					pw, ph := paper.Size()
					xs, ys := grid(pw, ph)
					mirrored := make([]float64, len(xs))
					for i, x := range xs {
						mirrored[len(xs)-1-i] = pw - x - CardW
					}
					var front, back []string
					for p := 1; p <= pages; p += 2 {
						front = append(front, cardText(words[p-1], xs, ys))
						back = append(back, cardText(words[p], mirrored, ys))
					}
					var learn, lines []plan.Phone
					for _, c := range b.ToLearn() {
						learn = append(learn, c.Phones[0])
					}
					for _, c := range b.Contacts {
						if c.HasRole(plan.RoleEmergencyService) {
							lines = append(lines, c.Phones[0])
						}
					}
					findWhole(t, what+" card fronts", loc, strings.Join(front, " | "), learn)
					findWhole(t, what+" card backs", loc, strings.Join(back, " | "), lines)

					for i := range b.Plans {
						p := &b.Plans[i]
						pdf, err := Checklist(b, p, o)
						if err != nil {
							t.Fatalf("%s: %v", what, err)
						}
						path := save(t, pdf)
						checkPDF(t, path)
						checkMargins(t, what+" "+p.ID, path, paper)
						findWhole(t, what+" "+p.ID, loc, norm(pdfRaw(t, path)), planPhones(b, p))
					}
					pdf, err = Sheet(b, b.Contact(bin.who), Details{Name: "Li Na"}, o)
					if err != nil {
						t.Fatalf("%s: %v", what, err)
					}
					path = save(t, pdf)
					checkPDF(t, path)
					checkMargins(t, what+" sheet", path, paper)
					findWhole(t, what+" sheet", loc, norm(pdfRaw(t, path)), lawyerPhones(b))
				}
			})
		}
	}
}

// pdfRaw is the text of a one-column printout in reading order.
func pdfRaw(t *testing.T, path string) string {
	t.Helper()
	return runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
}

// MinEdge is the least distance, in mm, from any mark to the paper's edge.
const minEdge = 5.0

var (
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	pageRe = regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	// Path operators as fpdf writes them, in points from the bottom left.
	moveRe = regexp.MustCompile(`(?m)(-?[\d.]+) (-?[\d.]+) [ml]\b`)
	rectRe = regexp.MustCompile(`(?m)(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b`)
	sizeRe = regexp.MustCompile(`/F\w+ (-?[\d.]+) Tf\b`)
)

// minTextSize is the smallest text on any printout, in points: the labels
// on a card at their smallest (minCardLabelSize).
const minTextSize = minCardLabelSize

// checkMargins fails the test if a word (pdftotext -bbox) or a line or box
// (the content streams, uncompressed by qpdf) comes closer than minEdge to
// an edge of the paper, or text is set smaller than minTextSize.
//
// It returns the words of each page.
func checkMargins(t *testing.T, what, path string, paper Paper) [][]word {
	t.Helper()
	const pt = 72 / 25.4
	pw, ph := paper.Size()
	W, H := pw*pt, ph*pt
	edge := minEdge * pt
	bad := func(x0, y0, x1, y1 float64) bool {
		return min(x0, x1) < edge-0.01 || min(y0, y1) < edge-0.01 || max(x0, x1) > W-edge+0.01 || max(y0, y1) > H-edge+0.01
	}
	pages := bbox(t, path)
	for i, ws := range pages {
		for _, w := range ws {
			if bad(w.x0, w.y0, w.x1, w.y1) {
				t.Errorf("%s p.%d: %q at %.1f–%.1f × %.1f–%.1f mm, closer than %v mm to the edge",
					what, i+1, w.text, w.x0/pt, w.x1/pt, w.y0/pt, w.y1/pt, minEdge)
			}
		}
	}
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range moveRe.FindAllStringSubmatch(string(raw), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		if bad(x, y, x, y) {
			t.Errorf("%s: a line at %.1f, %.1f mm", what, x/pt, y/pt)
		}
	}
	for _, m := range sizeRe.FindAllStringSubmatch(string(raw), -1) {
		if size, _ := strconv.ParseFloat(m[1], 64); size < minTextSize {
			t.Errorf("%s: text at %v pt, too small to read", what, size)
			break
		}
	}
	for _, m := range rectRe.FindAllStringSubmatch(string(raw), -1) {
		var v [4]float64
		for k := range v {
			v[k], _ = strconv.ParseFloat(m[k+1], 64)
		}
		if bad(v[0], v[1], v[0]+v[2], v[1]+v[3]) {
			t.Errorf("%s: a box at %.1f, %.1f mm", what, v[0]/pt, v[1]/pt)
		}
	}
	return pages
}

// The hard binder's twelve numbers go on several different cards, none
// with more than MaxCardNumbers, each number on exactly one of them.
func TestCardsSplit(t *testing.T) {
	b := hard(t)
	d, err := newDoc(Options{Loc: locales.English()})
	if err != nil {
		t.Fatal(err)
	}
	learn := b.ToLearn()
	if len(learn) != 12 {
		t.Fatalf("the hard binder has %d numbers to learn, want 12", len(learn))
	}
	set := d.pack(learn, false)
	if len(set) < 2 {
		t.Fatalf("12 numbers on %d card", len(set))
	}
	n := 0
	for _, c := range set {
		if len(c.entries) > MaxCardNumbers || c.height > cardInnerH+0.01 {
			t.Errorf("a card holds %d numbers, %.1f mm high", len(c.entries), c.height)
		}
		for _, e := range c.entries {
			if e.numSize < MinCardNumberSize || e.nameSize < MinCardNameSize {
				t.Errorf("%q printed at %v pt", e.num, e.numSize)
			}
		}
		n += len(c.entries)
	}
	if n != 12 {
		t.Errorf("%d numbers on the cards, want 12", n)
	}
	// 22 numbers of the generated set, the pages full of whole sets.
	g := generated(t)
	pdf, err := Cards(g, CardOptions{Options: Options{Loc: locales.English()}})
	if err != nil {
		t.Fatal(err)
	}
	path := save(t, pdf)
	text := norm(runTool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	cards := len(d.pack(g.ToLearn(), false))
	if cards < 4 || !strings.Contains(text, fmt.Sprintf("1/%d", cards)) || !strings.Contains(text, fmt.Sprintf("%d/%d", cards, cards)) {
		t.Errorf("%d cards for 22 numbers, or not marked 1/%d … %d/%d", cards, cards, cards, cards)
	}
	for _, c := range g.ToLearn() {
		if got := strings.Count(text, c.Name+" "); got < 1 {
			t.Errorf("%s is on no card", c.Name)
		}
	}
}

// Every digit of every number to learn, and of its extension, has its box
// in each practice row of the checklist, inside the margins: boxes go on
// to a new row, never left out.
func TestDigitBoxesAllThere(t *testing.T) {
	testtool.Need(t, "qpdf")
	for _, b := range []*plan.Binder{hard(t), generated(t)} {
		want := 0
		for _, c := range b.ToLearn() {
			n := len(c.Phones[0].Ext)
			for _, g := range c.Phones[0].Groups() {
				n += len(strings.TrimPrefix(g, "+"))
			}
			want += PracticeRows * n
		}
		for _, paper := range []Paper{Letter, A4} {
			pdf, err := Checklist(b, &b.Plans[1], Options{Paper: paper, Loc: locales.English()})
			if err != nil {
				t.Fatal(err)
			}
			path := save(t, pdf)
			qdf := filepath.Join(t.TempDir(), "qdf.pdf")
			runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
			raw, err := os.ReadFile(qdf)
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, m := range rectRe.FindAllStringSubmatch(string(raw), -1) {
				w, _ := strconv.ParseFloat(m[3], 64)
				h, _ := strconv.ParseFloat(m[4], 64)
				if math.Abs(math.Abs(w)*25.4/72-boxW) < 0.05 && math.Abs(math.Abs(h)*25.4/72-boxH) < 0.05 {
					got++
				}
			}
			if got != want {
				t.Errorf("%s: %d digit boxes, want %d", paper, got, want)
			}
		}
	}
	// A group too long for one row goes on below, whole.
	if n := boxRows([]string{"+86", "138", "0013", "8000"}, 5*boxW); n != 4 {
		t.Errorf("boxRows in 5 boxes' width = %d, want 4", n)
	}
}
