package plan

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxVisible is the most characters of a value from outside that a
// message repeats; the rest is cut with "…".
const maxVisible = 300

// Visible returns s, a value that came from outside pathway (a file's
// contents, a file name, an argument, a list's field), as it may be shown
// in a message: control characters, bidirectional controls, zero-width
// characters and bytes that are not UTF-8 are written out (`\x1b`,
// `U+202E`), never sent to the terminal and never silently removed, so that
// a message can neither drive the terminal (move the cursor, write to the
// clipboard) nor make a wrong value look right. A very long value is cut.
func Visible(s string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		if n == maxVisible {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r), isBidiControl(r), isInvisible(r):
			fmt.Fprintf(&b, "U+%04X", r)
		default:
			b.WriteRune(r)
		}
		i += size
		n++
	}
	return b.String()
}

// isInvisible reports whether r is a character that takes no room and can
// make two different names look the same (zero-width and word joiners,
// the byte-order mark, soft hyphen, invisible operators).
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u180e', '\u200b', '\u200c', '\u200d', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff':
		return true
	}
	return unicode.Is(unicode.Cf, r) && !isBidiControl(r)
}

// NameChar checks a name for the characters that would let two different
// names look the same or read backwards: zero-width characters and
// bidirectional controls. It returns the first such character and its
// position (1 for the first character), and ok false; or ok true.
func NameChar(name string) (r rune, pos int, ok bool) {
	pos = 0
	for _, c := range name {
		pos++
		if isBidiControl(c) || isInvisible(c) {
			return c, pos, false
		}
	}
	return 0, 0, true
}
