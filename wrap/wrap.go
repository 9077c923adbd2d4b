// Package wrap breaks text into lines, for paper and for terminals.
//
// It finds the places where a line may break by the Unicode line breaking
// algorithm (UAX #14, as implemented by github.com/rivo/uniseg), so that
// Chinese breaks between characters, a line never starts with a closing
// mark such as "，" or "）", and words stay whole. On top of that it never
// breaks inside a phone number or a date: runs such as "416 555 0123",
// "+86 138 0013 8000", "416 · 555 · 0123 ext. 12" or "2026-12-01" are
// kept on one line. Only a number wider than a whole line is broken, and
// then between its groups, never inside a group and never between an
// extension word and its digits.
package wrap

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// ExtWords are the words that may stand between a number and its
// extension, in the languages pathway prints in: "ext.", "poste", "máy lẻ",
// "내선", "ต่อ", "分机", "分機" and a few more.
var ExtWords = []string{
	"extension", "ext.", "ext", "x", "poste", "anexo", "máy lẻ", "máy lẻ", "lẻ", "内线",
	"내선", "ต่อ", "分机", "分機", "轉", "转",
}

// sep is what joins two groups of digits: one space, or a dot, a middle
// dot or a hyphen with at most a space on either side.
const sep = `(?:[ \x{00A0}]?[·.\-/][ \x{00A0}]?|[ \x{00A0}])`

var (
	numberRe = regexp.MustCompile(`\+?\d+(?:` + sep + `\d+)*` + `(?:,?[ \x{00A0}]?(?:` + extAlt() + `)[ \x{00A0}]?\d{1,8})?`)
	dateRe   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	groupRe  = regexp.MustCompile(`\+?\d+(?:` + sep + `)?`)
)

func extAlt() string {
	var q []string
	for _, w := range ExtWords {
		q = append(q, regexp.QuoteMeta(w))
	}
	return strings.Join(q, "|")
}

// span is a protected run of s, from byte a to byte b.
type span struct{ a, b int }

// protected returns the runs of s that must not be broken: every run of
// digit groups, with an extension, and every single group of up to 15
// digits (the most a phone number has).
func protected(s string) []span {
	var out []span
	for _, m := range numberRe.FindAllStringIndex(s, -1) {
		run := s[m[0]:m[1]]
		if strings.IndexFunc(run, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 && len(run) > 15 {
			continue // more digits than any phone number has
		}
		out = append(out, span{m[0], m[1]})
	}
	return out
}

// Segments splits s into pieces that may each end a line: a line may
// break after any piece and nowhere else. A piece carries the spaces that
// follow it. Joined, the pieces are s.
func Segments(s string) []string {
	spans := protected(s)
	var out []string
	var cur strings.Builder
	pos, state := 0, -1
	rest := s
	for len(rest) > 0 {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		cur.WriteString(seg)
		pos += len(seg)
		inside := false
		for _, sp := range spans {
			if pos > sp.a && pos < sp.b {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// pieces splits a segment wider than a line where it may still break: a
// number that fits a line stays whole; one wider than a line breaks
// between its groups ("416 · ", "555 · ", "0123 ", "ext. 12"; an extension
// word stays with its digits); a date never breaks; any other text breaks
// between characters.
func pieces(seg string, fits func(string) bool) []string {
	var out []string
	last := 0
	for _, sp := range protected(seg) {
		out = append(out, clusters(seg[last:sp.a])...)
		// The marks that close the number go with it: "0123," or "0123）".
		for sp.b < len(seg) {
			r, n := utf8.DecodeRuneInString(seg[sp.b:])
			if !closing(r) {
				break
			}
			sp.b += n
		}
		last = sp.b
		run := seg[sp.a:sp.b]
		if fits(run) || dateRe.MatchString(run) {
			out = append(out, run)
			continue
		}
		from := 0
		for i := 0; i < len(run); {
			loc := groupRe.FindStringIndex(run[i:])
			if loc == nil || loc[0] != 0 {
				break
			}
			digits := strings.TrimRightFunc(run[i:i+loc[1]], func(r rune) bool { return !unicode.IsDigit(r) })
			i += loc[1]
			if i < len(run) && loc[1] > len(digits) {
				out = append(out, run[from:i])
				from = i
			}
		}
		out = append(out, run[from:])
	}
	out = append(out, clusters(seg[last:])...)
	// A closing mark stays with what it closes.
	for i := 1; i < len(out); i++ {
		if r, _ := utf8.DecodeRuneInString(out[i]); closing(r) {
			out[i-1] += out[i]
			out = append(out[:i], out[i+1:]...)
			i--
		}
	}
	return out
}

// Lines breaks s into lines no wider than max, as measured by width, which
// must add up: width(a+b) = width(a)+width(b), as it does for a PDF font
// without kerning and for terminal cells. The
// line breaks in s are kept, and spaces at the end of a line are dropped.
// A word or a number wider than max is broken: a number between its
// groups (a group wider than max stands alone on its line, wider than
// max: a number is never cut), another word between characters.
func Lines(s string, max float64, width func(string) float64) []string {
	var lines []string
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, paragraph(para, max, width)...)
	}
	return lines
}

func trim(s string) string { return strings.TrimRight(s, " \u00A0\t") }

func paragraph(s string, max float64, width func(string) float64) []string {
	if s == "" {
		return []string{""}
	}
	var lines []string
	// cur is the line so far, curW its width with its trailing spaces:
	// widths add up, so a line is measured piece by piece, not again and
	// again from its start.
	cur, curW := "", 0.0
	fits := func(t string) bool { return width(trim(t)) <= max }
	// fitsOn reports whether t fits at the end of the current line.
	fitsOn := func(t string) bool { return curW+width(trim(t)) <= max }
	add := func(t string) { cur += t; curW += width(t) }
	flush := func() {
		if cur != "" {
			lines = append(lines, trim(cur))
			cur, curW = "", 0
		}
	}
	for _, seg := range Segments(s) {
		if fitsOn(seg) || cur == "" && fits(seg) {
			add(seg)
			continue
		}
		flush()
		if fits(seg) {
			add(seg)
			continue
		}
		// Wider than a whole line.
		for _, p := range pieces(seg, fits) {
			if cur != "" && !fitsOn(p) {
				flush()
			}
			add(p)
		}
	}
	flush()
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// clusters splits s into user-perceived characters, so that a Thai or
// Vietnamese mark stays with its letter when a long word must be broken.
func clusters(s string) []string {
	var out []string
	state := -1
	for len(s) > 0 {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if r, _ := utf8.DecodeRuneInString(c); len(out) > 0 && closing(r) {
			out[len(out)-1] += c
			continue
		}
		out = append(out, c)
	}
	return out
}

// closing reports whether r must not start a line: closing brackets and
// quotes, and the marks that end a clause or a sentence.
func closing(r rune) bool {
	return unicode.In(r, unicode.Pe, unicode.Pf) || strings.ContainsRune(",.;:!?，。、．：；！？・…", r)
}

// Cells breaks s into lines of at most n terminal cells, measured with
// uniseg.StringWidth (a Chinese character takes two cells). It follows the
// same rules as Lines.
func Cells(s string, n int) []string {
	return Lines(s, float64(n), func(t string) float64 { return float64(uniseg.StringWidth(t)) })
}
