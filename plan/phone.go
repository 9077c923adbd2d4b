package plan

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phone is one phone number of a contact.
type Phone struct {
	// Number is the normalised number: "+14165550123" (E.164) for North
	// American (NANP) and international numbers, or the short digits such
	// as "211" or "911".
	Number string `json:"number"`
	// Ext is the extension, digits only, such as "234".
	Ext string `json:"ext,omitempty"`
	// TTY marks a TTY (text telephone) line.
	TTY bool `json:"tty,omitempty"`
	// Note is free text such as "24 hours" or "Chinese line".
	Note string `json:"note,omitempty"`
}

// PhoneCodes lists every PhoneError.Code, so that callers can check that
// each has a message.
var PhoneCodes = []string{"empty", "too-long", "letters", "too-few-digits", "too-many-digits", "bad-area-code", "bad-extension"}

// PhoneError says why a number could not be read.
type PhoneError struct {
	// Input is the text as it was given.
	Input string
	// Code is a stable machine word that the caller uses as a message key:
	// "empty", "too-long", "letters", "too-few-digits", "too-many-digits",
	// "bad-area-code" or "bad-extension".
	//
	// "letters" is also the code for any other character that cannot be
	// part of a number: control characters, invalid UTF-8, a misplaced "+".
	Code string
}

// Error returns English text for developers, such as `phone "12ab": letters`.
func (e *PhoneError) Error() string {
	in := e.Input
	if len(in) > phoneMaxInput {
		in = in[:phoneMaxInput] + "..."
	}
	return fmt.Sprintf("phone %q: %s", in, e.Code)
}

// phoneMaxInput is the longest text, in bytes, that ParsePhone reads.
const phoneMaxInput = 64

// phoneMaxExt is the most digits an extension may have.
const phoneMaxExt = 6

// ParsePhone reads a phone number as people write it and returns it
// normalised.
//
// It reads North American numbers with or without the leading 1 or +1,
// the short N11 numbers (211, 311, ... 911), and international numbers
// written with "+" or with the North American prefix 011. Spaces, dashes,
// dots, slashes, brackets and middle dots may separate the digits; an
// extension may follow as "ext. 234", "extension 234", "x234" or "#234";
// a leading "TTY" or "TTY:" marks a TTY line. Letters are never turned
// into digits. Fullwidth digits and Arabic-Indic digits are read as the
// digits they are.
//
// The error is always a *PhoneError.
func ParsePhone(s string) (Phone, error) {
	fail := func(code string) (Phone, error) {
		return Phone{}, &PhoneError{Input: s, Code: code}
	}
	if len(s) > phoneMaxInput {
		return fail("too-long")
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return fail("empty")
	}
	if !utf8.ValidString(t) {
		return fail("letters")
	}

	var p Phone
	if rest, ok := phoneCutTTY(t); ok {
		p.TTY = true
		t = rest
		if t == "" {
			return fail("empty")
		}
	}

	main, ext, code := phoneCutExt(t)
	if code != "" {
		return fail(code)
	}
	p.Ext = ext

	digits := make([]byte, 0, len(main))
	plus := false
	for _, r := range main {
		if d, ok := phoneDigit(r); ok {
			digits = append(digits, d)
			continue
		}
		switch {
		case r == '+' || r == '＋':
			if plus || len(digits) > 0 {
				return fail("letters")
			}
			plus = true
		case phoneIsSep(r):
		default:
			return fail("letters")
		}
	}
	d := string(digits)

	var number string
	switch {
	case plus:
		number, code = phoneIntl(d)
	case strings.HasPrefix(d, "011"):
		number, code = phoneIntl(d[3:])
	case len(d) == 3 && phoneIsN11(d):
		number = d
	case len(d) < 10:
		code = "too-few-digits"
	case len(d) == 10:
		number, code = phoneNANP(d)
	case len(d) == 11 && d[0] == '1':
		number, code = phoneNANP(d[1:])
	default:
		code = "too-many-digits"
	}
	if code != "" {
		return fail(code)
	}
	p.Number = number
	return p, nil
}

// phoneCutTTY removes a leading "TTY" or "TTY:" in any case, and the spaces
// after it. It reports false if t does not start with one.
func phoneCutTTY(t string) (string, bool) {
	if len(t) < 3 || !strings.EqualFold(t[:3], "tty") {
		return t, false
	}
	rest := t[3:]
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
		return t, false // a word such as "ttyx", left to be refused
	}
	rest = strings.TrimLeftFunc(rest, phoneIsSpace)
	rest = strings.TrimPrefix(rest, ":")
	rest = strings.TrimLeftFunc(rest, phoneIsSpace)
	return rest, true
}

// phoneCutExt splits t at its extension marker, if any, into the number and
// the extension's digits. code is "letters" if t has letters that are not a
// marker, and "bad-extension" if the marker is not followed by 1 to
// phoneMaxExt digits and nothing else.
func phoneCutExt(t string) (main, ext, code string) {
	i := strings.IndexFunc(t, func(r rune) bool { return r == '#' || unicode.IsLetter(r) })
	if i < 0 {
		return t, "", ""
	}
	main, rest := t[:i], t[i:]
	if rest[0] == '#' {
		rest = rest[1:]
	} else {
		end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		switch {
		case strings.EqualFold(word, "ext"):
			rest = strings.TrimPrefix(rest, ".")
		case strings.EqualFold(word, "extension"), strings.EqualFold(word, "x"):
		default:
			return "", "", "letters"
		}
	}
	rest = strings.TrimFunc(rest, phoneIsSpace)
	if rest == "" {
		return "", "", "bad-extension"
	}
	digits := make([]byte, 0, phoneMaxExt)
	for _, r := range rest {
		d, ok := phoneDigit(r)
		if !ok || len(digits) == phoneMaxExt {
			return "", "", "bad-extension"
		}
		digits = append(digits, d)
	}
	return main, string(digits), ""
}

// phoneIntl reads the digits after "+" or "011": a North American number
// if they start with 1, else a country code and national number.
func phoneIntl(d string) (number, code string) {
	switch {
	case d == "":
		return "", "too-few-digits"
	case d[0] == '1':
		switch {
		case len(d) < 11:
			return "", "too-few-digits"
		case len(d) > 11:
			return "", "too-many-digits"
		}
		return phoneNANP(d[1:])
	case d[0] == '0':
		return "", "bad-area-code" // no country code starts with 0
	case len(d) < 8:
		return "", "too-few-digits"
	case len(d) > 15:
		return "", "too-many-digits"
	}
	return "+" + d, ""
}

// phoneNANP checks ten North American digits and returns them in E.164.
func phoneNANP(ten string) (number, code string) {
	if ten[0] < '2' || ten[3] < '2' {
		return "", "bad-area-code"
	}
	return "+1" + ten, ""
}

// phoneIsN11 reports whether three digits are a short N11 number.
func phoneIsN11(d string) bool {
	return len(d) == 3 && d[0] >= '2' && d[1] == '1' && d[2] == '1'
}

// phoneDigit returns the ASCII digit for r, reading ASCII, fullwidth and
// Arabic-Indic (Arabic and Persian/Urdu forms) digits.
func phoneDigit(r rune) (byte, bool) {
	for _, zero := range [...]rune{'0', '０', '٠', '۰'} {
		if r >= zero && r <= zero+9 {
			return byte('0' + r - zero), true
		}
	}
	return 0, false
}

// phoneIsSpace reports whether r is a space people put in numbers.
func phoneIsSpace(r rune) bool {
	switch r {
	case ' ',
		'\u00a0', // no-break space
		'\u2007', // figure space
		'\u2009', // thin space
		'\u202f', // narrow no-break space
		'\u3000': // ideographic space
		return true
	}
	return false
}

// phoneIsSep reports whether r may separate the digits of a number.
func phoneIsSep(r rune) bool {
	switch r {
	case '-', '.', '(', ')', '/',
		'\u00b7', // middle dot
		'\u2010', // hyphen
		'\u2011', // non-breaking hyphen
		'\u2012', // figure dash
		'\u2013', // en dash
		'\u2014', // em dash
		'\u2212', // minus sign
		'\uff08', // fullwidth (
		'\uff09', // fullwidth )
		'\uff0d': // fullwidth -
		return true
	}
	return phoneIsSpace(r)
}

// phoneTollFree lists the North American toll-free area codes, which are
// dialled with the leading 1.
var phoneTollFree = [...]string{"800", "833", "844", "855", "866", "877", "888"}

// phoneCC2 lists the two-digit country codes. Codes 1 and 7 have one digit;
// all others have three.
var phoneCC2 = [...]string{
	"20", "27", "30", "31", "32", "33", "34", "36", "39",
	"40", "41", "43", "44", "45", "46", "47", "48", "49",
	"51", "52", "53", "54", "55", "56", "57", "58",
	"60", "61", "62", "63", "64", "65", "66",
	"81", "82", "84", "86",
	"90", "91", "92", "93", "94", "95", "98",
}

// Groups returns the number in the groups a person says aloud and learns:
// ["416", "555", "0123"] for a North American number, ["1", "800", "555",
// "0199"] for a toll-free one, ["211"] for a short one, and for an
// international one the country code with its plus and then the national
// digits in groups of three ending with a group of four, no group shorter
// than two: ["+44", "207", "946", "0958"].
//
// A Number that ParsePhone would not have made is returned as one group;
// an empty one gives no groups.
func (p Phone) Groups() []string {
	n := p.Number
	switch {
	case n == "":
		return nil
	case len(n) == 12 && strings.HasPrefix(n, "+1") && phoneAllDigits(n[2:]):
		area, exch, line := n[2:5], n[5:8], n[8:]
		for _, tf := range phoneTollFree {
			if area == tf {
				return []string{"1", area, exch, line}
			}
		}
		return []string{area, exch, line}
	case len(n) > 1 && n[0] == '+' && phoneAllDigits(n[1:]):
		d := n[1:]
		cc := phoneCCLen(d)
		return append([]string{"+" + d[:cc]}, phoneGroupNational(d[cc:])...)
	}
	return []string{n}
}

// phoneCCLen returns the length of the country code that d starts with.
func phoneCCLen(d string) int {
	if d[0] == '1' || d[0] == '7' {
		return 1
	}
	if len(d) >= 2 {
		for _, cc := range phoneCC2 {
			if d[:2] == cc {
				return 2
			}
		}
	}
	return min(3, len(d))
}

// phoneGroupNational splits national digits into groups of three ending
// with a group of four, using groups of two at the front where the count
// would otherwise leave a group of one.
func phoneGroupNational(d string) []string {
	switch n := len(d); {
	case n == 0:
		return nil
	case n <= 4:
		return []string{d}
	case n == 5:
		return []string{d[:2], d[2:]}
	}
	var g []string
	head := len(d) - 4
	switch head % 3 {
	case 1: // e.g. 8 digits: 12 34 5678
		g = append(g, d[:2], d[2:4])
		d = d[4:]
	case 2: // e.g. 6 digits: 12 3456
		g = append(g, d[:2])
		d = d[2:]
	}
	for len(d) > 4 {
		g = append(g, d[:3])
		d = d[3:]
	}
	return append(g, d)
}

// phoneAllDigits reports whether s is one or more ASCII digits.
func phoneAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Digits returns only what a person dials, without the extension:
// "4165550123", "18005550199" (toll-free), "211", or "+442079460958".
func (p Phone) Digits() string { return strings.Join(p.Groups(), "") }

// String formats the number for display: the groups joined by spaces, then
// " ext. 234" if there is an extension. TTY and Note are left out.
func (p Phone) String() string {
	s := strings.Join(p.Groups(), " ")
	if p.Ext != "" {
		s += " ext. " + p.Ext
	}
	return s
}

// Spoken joins the groups with " · ", as in "416 · 555 · 0123".
func (p Phone) Spoken() string { return strings.Join(p.Groups(), " · ") }

// SameNumber reports whether p and q dial the same number: the same Number
// and the same Ext.
func (p Phone) SameNumber(q Phone) bool { return p.Number == q.Number && p.Ext == q.Ext }
