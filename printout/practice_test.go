package printout

import (
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"pathway/internal/testtool"
	"pathway/locales"
	"pathway/plan"
)

// TestPracticeRows reads the practice rows of the numbers to learn back
// from the PDF: for each number, PracticeRows rows, each with its date
// label and line, a box per digit, and after the extension's label a box
// per digit of the extension.
func TestPracticeRows(t *testing.T) {
	testtool.Need(t, "qpdf")
	testtool.Need(t, "pdftotext")
	for _, tag := range []string{"en", "fr", "vi"} {
		loc, _ := locales.Get(tag)
		b := hard(t)
		// Trần Văn Đức alone: +1 416 555 0123, ext. 123456.
		var ph plan.Phone
		for i := range b.Contacts {
			c := &b.Contacts[i]
			c.Learn = c.ID == "c3"
			if c.Learn {
				ph = c.Phones[0]
			}
		}
		if ph.Ext != "123456" {
			t.Fatalf("the hard binder's c3 has extension %q", ph.Ext)
		}
		digits := 0
		for _, g := range ph.Groups() {
			digits += len(strings.TrimPrefix(g, "+"))
		}
		for _, paper := range []Paper{Letter, A4} {
			what := tag + " " + string(paper)
			pdf, err := Checklist(b, &b.Plans[1], Options{Paper: paper, Loc: loc})
			if err != nil {
				t.Fatal(err)
			}
			path := save(t, pdf)
			checkMargins(t, what, path, paper)
			pages := bbox(t, path)
			last := pages[len(pages)-1]
			_, pageH := paper.Size()
			pageH = pageH / 25.4 * 72

			// The labels: the date's and the extension's, each once a row.
			dateLabel := loc.T("print.practice-date")
			extLabel := strings.TrimSpace(loc.T("print.ext", "Ext", ""))
			var dates, exts []word
			for i, w := range last {
				if w.text == dateLabel {
					dates = append(dates, w)
				}
				// The label stands alone: not followed by the
				// extension's digits as in the number printed large.
				if w.text == strings.Fields(extLabel)[len(strings.Fields(extLabel))-1] &&
					(i+1 == len(last) || !isDigitsWord(last[i+1].text)) {
					exts = append(exts, w)
				}
			}
			if len(dates) != PracticeRows || len(exts) != PracticeRows {
				t.Errorf("%s: %d date labels and %d extension labels, want %d of each", what, len(dates), len(exts), PracticeRows)
				continue
			}

			// The boxes of the last page, in rows from the top.
			qdf := filepath.Join(t.TempDir(), "qdf.pdf")
			runTool(t, "qpdf", "--qdf", "--object-streams=disable", "--pages", path, strconv.Itoa(len(pages)), "--", "--empty", qdf)
			raw := runTool(t, "cat", qdf) // the content stream, uncompressed
			rows := map[int][]float64{}   // top in points from the top → left edges
			for _, m := range rectRe.FindAllStringSubmatch(raw, -1) {
				x, _ := strconv.ParseFloat(m[1], 64)
				y, _ := strconv.ParseFloat(m[2], 64)
				w, _ := strconv.ParseFloat(m[3], 64)
				h, _ := strconv.ParseFloat(m[4], 64)
				if math.Abs(math.Abs(w)*25.4/72-boxW) < 0.05 && math.Abs(math.Abs(h)*25.4/72-boxH) < 0.05 {
					top := pageH - math.Max(y, y+h)
					rows[int(math.Round(top))] = append(rows[int(math.Round(top))], x)
				}
			}
			var tops []int
			for top := range rows {
				tops = append(tops, top)
			}
			sort.Ints(tops)
			if len(tops) != PracticeRows {
				t.Errorf("%s: %d rows of boxes, want %d", what, len(tops), PracticeRows)
				continue
			}
			for i, top := range tops {
				// Each row's labels sit beside its boxes, their feet by
				// the boxes' feet.
				foot := float64(top) + boxH*72/25.4
				if d, e := dates[i], exts[i]; math.Abs(d.y1-foot) > 6 || math.Abs(e.y1-foot) > 6 {
					t.Errorf("%s: row %d at %dpt, its labels at %.0f and %.0f", what, i+1, top, d.y1, e.y1)
				}
				after := 0
				for _, x := range rows[top] {
					if x > exts[i].x1 {
						after++
					}
					if x < dates[i].x1 {
						t.Errorf("%s: row %d has a box over the date", what, i+1)
					}
				}
				if len(rows[top]) != digits+len(ph.Ext) || after != len(ph.Ext) {
					t.Errorf("%s: row %d has %d boxes, %d after %q; want %d and %d", what, i+1, len(rows[top]), after, extLabel, digits+6, 6)
				}
			}
		}
	}
}

// isDigitsWord reports whether s is a group of digits.
func isDigitsWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// TestPracticeRowsStayWhole prints the hard binder's and the generated
// binder's numbers to learn and checks that no practice row is cut by a
// page: every page's boxes come in whole rows of a number (a number, its
// name and its rows are on one page), counted by the date labels.
func TestPracticeRowsStayWhole(t *testing.T) {
	testtool.Need(t, "pdftotext")
	for _, b := range []*plan.Binder{hard(t), generated(t)} {
		for _, paper := range []Paper{Letter, A4} {
			pdf, err := Checklist(b, &b.Plans[1], Options{Paper: paper, Loc: locales.English()})
			if err != nil {
				t.Fatal(err)
			}
			path := save(t, pdf)
			dates := 0
			for p, words := range bbox(t, path) {
				n := 0
				for _, w := range words {
					if w.text == "Date" {
						n++
					}
				}
				if n%PracticeRows != 0 {
					t.Errorf("%s page %d: %d practice rows, not whole numbers' worth", paper, p+1, n)
				}
				dates += n
			}
			if want := PracticeRows * len(b.ToLearn()); dates != want {
				t.Errorf("%s: %d practice rows, want %d", paper, dates, want)
			}
		}
	}
}
