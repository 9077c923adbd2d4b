// Package printout makes pathway's paper: a plan as a checklist, wallet
// cards with the numbers to know by heart, and a sheet for one helper.
// It draws PDF with fpdf, in every language pathway speaks, switching
// fonts by script inside a line, and never lets a string break a page.
package printout

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"

	"pathway/locales"
	"pathway/plan"
)

// Paper is a paper size.
type Paper string

// The paper sizes pathway prints on.
const (
	Letter Paper = "letter" // 215.9 × 279.4 mm, the size used in Canada
	A4     Paper = "a4"     // 210 × 297 mm
)

// Size returns the width and height of the paper in mm.
func (p Paper) Size() (w, h float64) {
	if p == A4 {
		return 210, 297
	}
	return 215.9, 279.4
}

// Options says how to print.
type Options struct {
	Paper Paper
	// Loc is the language of the printout; Second, if not nil, a second
	// language printed beside it for a supporter and a worker who do not
	// share one.
	Loc    *locales.Locale
	Second *locales.Locale
	// Date is the day printed as the day the paper was made. It comes
	// from the binder, so that the same binder prints the same bytes.
	Date plan.Date
}

// Errors of the printouts.
var (
	ErrNothingToPrint = errors.New("nothing to print")
)

// Margin is the space kept blank at every edge: more than home printers
// need (most print to within 5 mm of the edge).
const Margin = 15.0

const ptToMM = 25.4 / 72

// doc is a PDF being laid out from top to bottom.
type doc struct {
	pdf   *fpdf.Fpdf
	w     *writer
	o     Options
	pageW float64
	pageH float64
	y     float64
	// pages is the number of pages of the finished document, known on
	// the second pass of render; 0 on the first.
	pages int
}

// render lays out a document with lay twice: once to count its pages,
// then again with the count known, so that each page can say "Page X of
// Y". The layout does not depend on the count, so both passes break the
// pages in the same places. fpdf's AliasNbPages is not used: with
// subset fonts, the digits it puts in at the end may be missing from the
// font.
func render(o Options, lay func(d *doc)) ([]byte, error) {
	pages := 0
	for {
		d, err := newDoc(o)
		if err != nil {
			return nil, err
		}
		d.pages = pages
		lay(d)
		if pages > 0 {
			return d.bytes()
		}
		pages = max(d.pdf.PageNo(), 1)
	}
}

func newDoc(o Options) (*doc, error) {
	if o.Paper == "" {
		o.Paper = Letter
	}
	if o.Loc == nil {
		o.Loc = locales.English()
	}
	pw, ph := o.Paper.Size()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pw, Ht: ph}})
	pdf.SetMargins(Margin, Margin, Margin)
	pdf.SetAutoPageBreak(false, 0)
	day := o.Date.Time()
	if o.Date.IsZero() {
		day = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(day)
	pdf.SetModificationDate(day)
	pdf.SetCatalogSort(true)
	// No word on the paper's file says what made it: fpdf names itself
	// as the Producer unless told otherwise, and an empty one is left out.
	pdf.SetProducer("", false)
	w, err := newWriter(pdf)
	if err != nil {
		return nil, err
	}
	return &doc{pdf: pdf, w: w, o: o, pageW: pw, pageH: ph}, nil
}

// bytes finishes the document.
func (d *doc) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("making the PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// safely runs f, turning a panic in the PDF library into an error: no
// string may crash a printout.
func safely(f func() ([]byte, error)) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("making the PDF: %v", r)
		}
	}()
	return f()
}

// lineH is the height of a line of text at size pt.
func lineH(size float64) float64 { return size * ptToMM * 1.35 }

// page starts a new page.
func (d *doc) page() {
	d.pdf.AddPage()
	d.y = Margin
}

// room makes sure h mm are left on the page, starting a new one if not.
func (d *doc) room(h float64) {
	if d.y+h > d.pageH-Margin-8 {
		d.footer()
		d.page()
	}
}

// footerSize is the size of the footer's text, in points; smaller, down
// to minFooterSize, when a language's words need it.
const (
	footerSize    = 8.0
	minFooterSize = 6.0
)

// footer writes, at the foot of the page, a line asking to keep the
// paper private and "Page X of Y", in each language of the printout.
func (d *doc) footer() {
	d.pdf.SetTextColor(110, 110, 110)
	y := d.pageH - Margin + 2
	for _, loc := range d.locales() {
		page := loc.T("print.page-of", "Page", d.pdf.PageNo(), "Pages", max(d.pages, d.pdf.PageNo()))
		pw := d.w.width(page, footerSize, false)
		d.w.text(d.pageW-Margin-pw, y, page, footerSize, false)
		private := loc.T("print.private")
		room := d.pageW - 2*Margin - pw - 6
		size := footerSize
		for size > minFooterSize && d.w.width(private, size, false) > room {
			size -= 0.5
		}
		// A line still too long goes on under the page number, wrapped.
		for _, l := range d.w.wrap(private, size, false, room) {
			d.w.text(Margin, y, l, size, false)
			y += lineH(size)
		}
	}
	d.pdf.SetTextColor(0, 0, 0)
}

// locales returns the languages of the printout: the first, and the
// second if there is one.
func (d *doc) locales() []*locales.Locale {
	if d.o.Second == nil {
		return []*locales.Locale{d.o.Loc}
	}
	return []*locales.Locale{d.o.Loc, d.o.Second}
}

// para writes s wrapped to the width left of x, and moves down.
func (d *doc) para(x float64, s string, size float64, bold bool) {
	for _, line := range d.w.wrap(s, size, bold, d.pageW-Margin-x) {
		d.room(lineH(size))
		d.w.text(x, d.y+size*ptToMM, line, size, bold)
		d.y += lineH(size)
	}
}

// col writes s wrapped in a column of width cw at x, starting at y, and
// returns the y below it. It does not break pages: callers ask room first.
func (d *doc) col(x, y, cw float64, s string, size float64, bold bool) float64 {
	for _, line := range d.w.wrap(s, size, bold, cw) {
		d.w.text(x, y+size*ptToMM, line, size, bold)
		y += lineH(size)
	}
	return y
}

// height returns the height s takes wrapped to cw.
func (d *doc) height(s string, size float64, bold bool, cw float64) float64 {
	return float64(len(d.w.wrap(s, size, bold, cw))) * lineH(size)
}

// both returns the text of id in the first language, and in the second
// one if the printout has two.
func (d *doc) both(id string, kv ...any) (string, string) {
	first := d.o.Loc.T(id, kv...)
	if d.o.Second == nil {
		return first, ""
	}
	return first, d.o.Second.T(id, kv...)
}

// heading writes a title in one or two languages, side by side.
func (d *doc) heading(x float64, id string, size float64, kv ...any) {
	first, second := d.both(id, kv...)
	if second == "" {
		d.para(x, first, size, true)
		return
	}
	cw := (d.pageW - Margin - x - 6) / 2
	h := max(d.height(first, size, true, cw), d.height(second, size, true, cw))
	d.room(h)
	d.col(x, d.y, cw, first, size, true)
	d.pdf.SetTextColor(70, 70, 70)
	d.col(x+cw+6, d.y, cw, second, size, true)
	d.pdf.SetTextColor(0, 0, 0)
	d.y += h
}

// rule draws a thin line across the page at the current height.
func (d *doc) rule(x float64) {
	d.pdf.SetDrawColor(160, 160, 160)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(x, d.y, d.pageW-Margin, d.y)
	d.pdf.SetDrawColor(0, 0, 0)
}

// headingHeight returns the height heading takes for the title id.
func (d *doc) headingHeight(x float64, id string, size float64, kv ...any) float64 {
	first, second := d.both(id, kv...)
	if second == "" {
		return d.height(first, size, true, d.pageW-Margin-x)
	}
	cw := (d.pageW - Margin - x - 6) / 2
	return max(d.height(first, size, true, cw), d.height(second, size, true, cw))
}

// Lines to write an answer on, and the height of a set of n of them.
const writingLineGap = 7.0

func writingLinesHeight(n int) float64 { return float64(n)*writingLineGap + 3 }

// writingLines draws n lines to write on from x to the right margin, all
// on one page.
func (d *doc) writingLines(x float64, n int) {
	d.room(writingLinesHeight(n))
	for range n {
		d.y += writingLineGap
		d.rule(x)
	}
	d.y += 3
}

// twice writes the line id in the printout's language and, if it has a
// second one, again under it in that language, smaller and grey.
func (d *doc) twice(x float64, id string, size float64, kv ...any) {
	first, second := d.both(id, kv...)
	r, g, b := d.pdf.GetTextColor()
	d.para(x, first, size, false)
	if second != "" {
		d.pdf.SetTextColor(min(r+40, 130), min(g+40, 130), min(b+40, 130))
		d.para(x, second, size-1, false)
		d.pdf.SetTextColor(r, g, b)
	}
}

// bothWords returns the text of id in the printout's language, followed
// by " / " and its text in the second language if there is one: for a
// word inside a line (yes, no, a role).
func (d *doc) bothWords(id string, kv ...any) string {
	first, second := d.both(id, kv...)
	if second != "" && second != first {
		return first + " / " + second
	}
	return first
}
