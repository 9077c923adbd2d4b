package printout

// fauxBoldStroke is the width of the outline drawn around the letters of
// a face that has no bold outlines, as a share of the text size: enough
// for a question in Chinese to stand apart from its answer.
const fauxBoldStroke = 0.035

// fauxBold runs f, which draws text of size pt, with the text filled and
// outlined in the text's colour (PDF text rendering mode 2): bold text in
// a face with no bold outlines of its own (Droid Sans Fallback for
// Chinese, Nanum Gothic for Korean) then prints heavier than regular text,
// where fpdf would print it exactly as regular. writer.text uses it.
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
