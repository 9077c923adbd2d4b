package wrap

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// runes measures a string by its characters: one unit each.
func runes(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestNumbersNeverSplit(t *testing.T) {
	for _, c := range []struct {
		in   string
		keep string
	}{
		{"Call Mei on 416 555 0123 tonight please", "416 555 0123"},
		{"Mei +86 138 0013 8000 anytime", "+86 138 0013 8000"},
		{"Sam — 416 · 555 · 0123 ext. 12 — agreed", "416 · 555 · 0123 ext. 12"},
		{"Sam — 416 · 555 · 0123 poste 123456 — agreed", "416 · 555 · 0123 poste 123456"},
		{"Sam — 416 · 555 · 0123 máy lẻ 12 — đã đồng ý", "416 · 555 · 0123 máy lẻ 12"},
		{"Look at it again by 2026-12-01 or before", "2026-12-01"},
		{"打电话给梅416-555-0123，她会帮忙。", "416-555-0123"},
		{"Sam 416 555 0123 내선 12 동의함", "416 555 0123 내선 12"},
	} {
		// From the number's width and the mark that may follow it.
		for width := len([]rune(c.keep)) + 1; width < 45; width++ {
			lines := Lines(c.in, float64(width), runes)
			if nospace(strings.Join(lines, "")) != nospace(c.in) {
				t.Errorf("%q at %d: lines %q lose text", c.in, width, lines)
			}
			found := false
			for _, l := range lines {
				if strings.Contains(l, c.keep) {
					found = true
				}
				if runes(l) > float64(width) {
					t.Errorf("%q at %d: line %q is too wide", c.in, width, l)
				}
			}
			if !found {
				t.Errorf("%q at %d: %q was split: %q", c.in, width, c.keep, lines)
			}
		}
	}
}

// A number wider than the whole line breaks between its groups only, and
// an extension word stays with its digits.
func TestLongNumberBreaksBetweenGroups(t *testing.T) {
	in := "+86 · 101 · 234 · 567 · 8901 ext. 123456"
	for width := 2; width < len([]rune(in)); width++ {
		lines := Lines(in, float64(width), runes)
		if got := strings.Join(lines, " "); got != in {
			t.Fatalf("at %d: %q joined is %q", width, lines, got)
		}
		for _, l := range lines {
			f := strings.Fields(l)
			first, last := f[0], f[len(f)-1]
			if strings.Trim(first, "+0123456789") != "" && first != "ext." {
				t.Errorf("at %d: line %q starts inside a group", width, l)
			}
			if last == "ext." {
				t.Errorf("at %d: %q parts ext. from its digits", width, lines)
			}
		}
	}
	if got := Lines("2026-12-01", 3, runes); len(got) != 1 {
		t.Errorf("a date was broken: %q", got)
	}
}

func TestChinesePunctuation(t *testing.T) {
	in := "我们今天去医院，然后回家。（明天）再说、好吗？我们今天去医院，然后回家。"
	for width := 2; width < 20; width++ {
		lines := Lines(in, float64(width), runes)
		if strings.Join(lines, "") != in {
			t.Fatalf("at %d: text lost: %q", width, lines)
		}
		if len(lines) < 2 {
			t.Fatalf("at %d: Chinese was not broken: %q", width, lines)
		}
		for _, l := range lines {
			r, _ := utf8.DecodeRuneInString(l)
			if strings.ContainsRune("，。、）？", r) {
				t.Errorf("at %d: a line starts with %q: %q", width, r, lines)
			}
		}
	}
}

func TestThai(t *testing.T) {
	in := "สมศรี ใจดี โทรหาเพื่อนที่ไว้ใจได้ 416 555 0123 ต่อ 12 ทุกวัน"
	for width := 4; width < 30; width++ {
		lines := Lines(in, float64(width), runes)
		if strings.Join(lines, "") != strings.ReplaceAll(in, " ", "") &&
			strings.Join(lines, " ") != in {
			// Spaces at breaks are dropped; nothing else is.
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(in, " ", "") {
				t.Fatalf("at %d: text lost: %q", width, lines)
			}
		}
		for _, l := range lines {
			// No line starts with a combining mark cut from its letter.
			r, _ := utf8.DecodeRuneInString(l)
			if strings.ContainsRune("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c", r) {
				t.Errorf("at %d: a line starts with a mark: %q", width, lines)
			}
			if width >= 19 && !strings.Contains(strings.Join(lines, "\n"), "416 555 0123 ต่อ 12") {
				t.Errorf("at %d: the number was split: %q", width, lines)
			}
		}
	}
}

func TestLinesKeepsBreaksAndTrims(t *testing.T) {
	got := Lines("one two\n\nthree   four", 7, runes)
	want := []string{"one two", "", "three", "four"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Lines("", 5, runes); len(got) != 1 || got[0] != "" {
		t.Errorf("empty: %q", got)
	}
}

func TestCells(t *testing.T) {
	in := "梅的电话是416 555 0123，请记住。Mei's number is 416 555 0123 ext. 12, learn it."
	for n := 16; n < 40; n++ {
		lines := Cells(in, n)
		all := strings.Join(lines, "\n")
		if strings.Count(all, "416 555 0123") != 2 {
			t.Errorf("at %d cells a number was split: %q", n, lines)
		}
		for _, l := range lines {
			if w := uniseg.StringWidth(l); w > n {
				t.Errorf("at %d cells: %q is %d wide", n, l, w)
			}
		}
	}
}

func TestSegmentsJoinBack(t *testing.T) {
	for _, s := range []string{"", "a", "416 555 0123 ext. 12", "x\xffy 1 2 3", "mixed 梅 +1 800 555 0199, 2026-12-01."} {
		if got := strings.Join(Segments(s), ""); got != s {
			t.Errorf("Segments(%q) join to %q", s, got)
		}
	}
}

func nospace(s string) string { return strings.ReplaceAll(s, " ", "") }

// FuzzLines: any text wraps without a panic, loses nothing but the spaces
// at the breaks, and keeps every number of the text whole.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"", "416 555 0123", "梅，你好。416 · 555 · 0123 ext. 12", "สมศรี ใจดี", "\xff\xfe", "a\nb", "2026-12-01 +86 138 0013 8000"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = 1 + abs(width)%60
		s = strings.ToValidUTF8(s, "\uFFFD") // as every text is, before it is printed
		lines := Lines(s, float64(width), runes)
		blank := strings.NewReplacer("\r\n", "", "\n", "", "\t", "", "\u00a0", "", " ", "")
		if blank.Replace(strings.Join(lines, "")) != blank.Replace(s) {
			t.Fatalf("%q at %d: %q", s, width, lines)
		}
		for _, sp := range protected(s) {
			n := s[sp.a:sp.b]
			with := n // and the marks that close it, which go with it
			for _, r := range s[sp.b:] {
				if !closing(r) {
					break
				}
				with += string(r)
			}
			if runes(with) <= float64(width) && !strings.Contains(strings.Join(lines, "\n"), n) {
				t.Fatalf("%q at %d: %q split: %q", s, width, n, lines)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
