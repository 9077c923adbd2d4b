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
// digit groups (with an extension) that has at least two groups or a plus.
func protected(s string) []span {
	var out []span
	for _, m := range numberRe.FindAllStringIndex(s, -1) {
		run := s[m[0]:m[1]]
		if strings.IndexFunc(run, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
			continue // one group of digits: UAX #14 keeps it whole already
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
// number between its groups ("416 · ", "555 · ", "0123 ", "ext. 12"; an
// extension word stays with its digits), a date nowhere, and other text
// between characters.
func pieces(seg string) []string {
	spans := protected(seg)
	if len(spans) == 0 {
		return clusters(seg)
	}
	var cuts []int
	for _, sp := range spans {
		if dateRe.MatchString(seg[sp.a:sp.b]) {
			continue
		}
		for i := sp.a; i < sp.b; {
			loc := groupRe.FindStringIndex(seg[i:sp.b])
			if loc == nil || loc[0] != 0 {
				break
			}
			digits := strings.TrimRightFunc(seg[i:i+loc[1]], func(r rune) bool { return !unicode.IsDigit(r) })
			i += loc[1]
			if i < sp.b && loc[1] > len(digits) {
				cuts = append(cuts, i)
			}
		}
	}
	var out []string
	last := 0
	for _, c := range cuts {
		out = append(out, seg[last:c])
		last = c
	}
	return append(out, seg[last:])
}

// Lines breaks s into lines no wider than max, as measured by width. The
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
	cur := ""
	fits := func(t string) bool { return width(trim(t)) <= max }
	flush := func() {
		if cur != "" {
			lines = append(lines, trim(cur))
			cur = ""
		}
	}
	for _, seg := range Segments(s) {
		if fits(cur + seg) {
			cur += seg
			continue
		}
		flush()
		if fits(seg) {
			cur = seg
			continue
		}
		// Wider than a whole line.
		for _, p := range pieces(seg) {
			if cur != "" && !fits(cur+p) {
				flush()
			}
			cur += p
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
