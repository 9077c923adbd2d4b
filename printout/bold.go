package printout

// fauxBoldStroke is the width of the outline drawn around the letters of
// a face that has no bold outlines, as a share of the text size: enough
// for a question in Chinese to stand apart from its answer.
const fauxBoldStroke = 0.035

// draw is writer.text, except that bold text in a face with no bold
// outlines of its own (Droid Sans Fallback for Chinese, Nanum Gothic for
// Korean) is filled and outlined in the colour of the text (PDF text
// rendering mode 2), so that it prints heavier than regular text. fpdf
// would otherwise print such bold text exactly as regular.
//
// It returns the x after the text. The outline widens each letter by a
// fraction of a point at most, less than the space widths leave free.
func (w *writer) draw(x, y float64, s string, size float64, bold bool) float64 {
	if !bold {
		return w.text(x, y, s, size, false)
	}
	for _, r := range runs(s) {
		if r.face.bold != nil {
			x = w.text(x, y, r.text, size, true)
			continue
		}
		w.fauxBold(func() { x = w.text(x, y, r.text, size, true) }, size)
	}
	return x
}

// fauxBold runs f, which draws text of size pt, with the text filled and
// outlined in the text's colour.
func (w *writer) fauxBold(f func(), size float64) {
	lw := w.pdf.GetLineWidth()
	dr, dg, db := w.pdf.GetDrawColor()
	r, g, b := w.pdf.GetTextColor()
	w.pdf.SetDrawColor(r, g, b)
	w.pdf.SetLineWidth(size * fauxBoldStroke * ptToMM)
	w.pdf.SetTextRenderingMode(2)
	f()
	w.pdf.SetTextRenderingMode(0)
	w.pdf.SetLineWidth(lw)
	w.pdf.SetDrawColor(dr, dg, db)
}
