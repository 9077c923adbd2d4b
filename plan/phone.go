package plan

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phone is one phone number of a contact.
type Phone struct {
	// Number is the normalised number: "+14165550123" (E.164) for North
	// American (NANP) and international numbers, or the short digits such
	// as "211", "911" or "988".
	Number string `json:"number"`
	// Ext is the extension, digits only, such as "234".
	Ext string `json:"ext,omitempty"`
	// TTY marks a TTY (text telephone) line.
	TTY bool `json:"tty,omitempty"`
	// Note is free text such as "24 hours" or "Chinese line".
	Note string `json:"note,omitempty"`
	// Grouping is how the person grouped the national digits when they
	// typed the number, such as 2, 4, 4 for "+44 20 7946 0958". It is
	// empty when they typed no grouping, or the usual one of the country:
	// then [Phone.Groups] uses the country's usual pattern.
	Grouping Grouping `json:"groups,omitempty"`
}

// Grouping is the lengths of the groups of a number's national digits, in
// order. In JSON it is an array of numbers, such as [2,4,4]. It is held as
// text ("2,4,4") so that a [Phone] can still be compared with ==; make one
// with [MakeGrouping] and read it with [Grouping.Lens].
type Grouping string

// MakeGrouping returns the grouping with the given group lengths, or the
// empty grouping if lens is empty.
func MakeGrouping(lens ...int) Grouping {
	s := make([]string, len(lens))
	for i, n := range lens {
		s[i] = strconv.Itoa(n)
	}
	return Grouping(strings.Join(s, ","))
}

// Lens returns the group lengths, or nil for the empty grouping. It
// reports false if g is not a list of whole numbers.
func (g Grouping) Lens() ([]int, bool) {
	if g == "" {
		return nil, true
	}
	var lens []int
	for _, f := range strings.Split(string(g), ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, false
		}
		lens = append(lens, n)
	}
	return lens, true
}

// MarshalJSON writes the grouping as an array of numbers.
func (g Grouping) MarshalJSON() ([]byte, error) {
	lens, ok := g.Lens()
	if !ok {
		return nil, fmt.Errorf("phone grouping %q is not a list of numbers", string(g))
	}
	if lens == nil {
		lens = []int{}
	}
	return json.Marshal(lens)
}

// UnmarshalJSON reads an array of whole numbers. It does not check them
// against the number: [Binder.Validate] does.
func (g *Grouping) UnmarshalJSON(data []byte) error {
	var lens []int
	if err := json.Unmarshal(data, &lens); err != nil {
		return err
	}
	*g = MakeGrouping(lens...)
	return nil
}

// Fits reports whether g may be the grouping of number: empty, or group
// lengths of at least 1 that add up to the number of its national digits.
// A short number such as "211" has no national digits to group.
func (g Grouping) Fits(number string) bool {
	if g == "" {
		return true
	}
	lens, ok := g.Lens()
	_, national, isPhone := phoneSplit(number)
	if !ok || !isPhone || national == "" {
		return false
	}
	sum := 0
	for _, n := range lens {
		if n < 1 || n > len(national) {
			return false
		}
		sum += n
	}
	return sum == len(national)
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
// the short numbers 211, 311, ... 911 and 988, and international numbers
// written with "+" or with the North American prefix 011. Spaces, dashes,
// dots, slashes, brackets and middle dots may separate the digits; an
// extension may follow as "ext. 234", "extension 234", "x234" or "#234";
// a leading "TTY" or "TTY:" marks a TTY line. Letters are never turned
// into digits. Fullwidth digits and Arabic-Indic digits are read as the
// digits they are.
//
// Where the person put separators between the national digits, as in
// "+44 20 7946 0958", the returned Phone keeps their grouping (see
// [Phone.Grouping]) unless it is the country's usual one. A number typed
// without separators has no grouping of its own.
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
	var cuts []int // where a separator stood between two digits
	plus, sep := false, false
	for _, r := range main {
		if d, ok := phoneDigit(r); ok {
			if sep && len(digits) > 0 {
				cuts = append(cuts, len(digits))
			}
			sep = false
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
			sep = true
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
	case phoneIsShort(d):
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
	p.Grouping = phoneTyped(number, len(d), cuts)
	return p, nil
}

// phoneTyped returns the grouping the person typed: number is what they
// typed normalised, n the count of digits they typed, and cuts the places
// (counted in digits from the start) where they put separators. Cuts in
// or right after a country code, a leading 1 or an exit code 011 do not
// count. It returns the empty grouping if they left the national digits
// whole, or grouped them as the country usually does.
func phoneTyped(number string, n int, cuts []int) Grouping {
	_, national, ok := phoneSplit(number)
	if !ok || national == "" {
		return ""
	}
	start := n - len(national) // the typed digits end with the national ones
	var lens []int
	at := start
	for _, c := range cuts {
		if c > at {
			lens = append(lens, c-at)
			at = c
		}
	}
	if len(lens) == 0 {
		return ""
	}
	lens = append(lens, n-at)
	if slices.Equal(lens, phoneUsual(number, national)) {
		return ""
	}
	return MakeGrouping(lens...)
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

// phoneIsShort reports whether d is a short number: an N11 number (211,
// 311, ... 911) or 988, the suicide crisis line of Canada and the US.
func phoneIsShort(d string) bool {
	return len(d) == 3 && ((d[0] >= '2' && d[1] == '1' && d[2] == '1') || d == "988")
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
// digits: ["+86", "138", "0013", "8000"].
//
// The national digits are in the person's own groups if the Phone has a
// Grouping that fits it, else in the country's usual pattern (see
// phonePatterns), else in groups of three ending with a group of four, no
// group shorter than two: ["+44", "207", "946", "0958"].
//
// A Number that ParsePhone would not have made is returned as one group;
// an empty one gives no groups.
func (p Phone) Groups() []string {
	if p.Number == "" {
		return nil
	}
	head, national, ok := phoneSplit(p.Number)
	if !ok {
		return []string{p.Number}
	}
	if national == "" {
		return []string{head}
	}
	lens, _ := p.Grouping.Lens()
	if lens == nil || !p.Grouping.Fits(p.Number) {
		lens = phoneUsual(p.Number, national)
	}
	var g []string
	if head != "" {
		g = append(g, head)
	}
	for _, n := range lens {
		g = append(g, national[:n])
		national = national[n:]
	}
	return g
}

// phoneSplit splits a normalised number into what is said before the
// national digits and the national digits: "" and "4165550123" for a
// North American number, "1" and "8005550199" for a toll-free one, "+44"
// and "2079460958" for an international one, and "211" and "" for a short
// one. It reports false for a number ParsePhone would not have made.
func phoneSplit(number string) (head, national string, ok bool) {
	switch n := number; {
	case phoneIsShort(n):
		return n, "", true
	case len(n) == 12 && strings.HasPrefix(n, "+1") && phoneAllDigits(n[2:]):
		if slices.Contains(phoneTollFree[:], n[2:5]) {
			return "1", n[2:], true
		}
		return "", n[2:], true
	case len(n) > 1 && n[0] == '+' && phoneAllDigits(n[1:]):
		d := n[1:]
		cc := phoneCCLen(d)
		return "+" + d[:cc], d[cc:], true
	}
	return "", "", false
}

// phonePattern is how the national numbers of one kind are usually said
// in one country.
type phonePattern struct {
	cc     string // the country code: "1" for North America
	prefix string // the national number starts with this
	length int    // the national number has this many digits
	groups []int  // the lengths of its groups
}

// phonePatterns are the usual groupings of the countries pathway's users
// most often call. The first pattern that fits a number is used; numbers
// that none fits use phoneDefaultLens.
var phonePatterns = []phonePattern{
	{"1", "", 10, []int{3, 3, 4}}, // Canada, US: 416 555 0123; toll-free 1 800 555 0199

	{"86", "1", 11, []int{3, 4, 4}},  // China mobile: 138 0013 8000
	{"86", "10", 10, []int{2, 4, 4}}, // China, Beijing: 10 1234 5678
	{"86", "2", 10, []int{2, 4, 4}},  // China, areas 20 to 29: 21 1234 5678
	{"86", "", 11, []int{3, 4, 4}},   // China, 3-digit area, 8-digit line: 571 1234 5678

	{"852", "", 8, []int{4, 4}}, // Hong Kong: 1234 5678
	{"853", "", 8, []int{4, 4}}, // Macau: 6612 3456

	{"886", "9", 9, []int{3, 3, 3}}, // Taiwan mobile: 912 345 678
	{"886", "2", 9, []int{1, 4, 4}}, // Taiwan, Taipei: 2 1234 5678
	{"886", "4", 9, []int{1, 4, 4}}, // Taiwan, Taichung: 4 1234 5678
	{"886", "7", 8, []int{1, 3, 4}}, // Taiwan, Kaohsiung: 7 123 4567

	{"84", "3", 9, []int{3, 3, 3}},   // Vietnam mobile: 312 345 678
	{"84", "5", 9, []int{3, 3, 3}},   // Vietnam mobile
	{"84", "7", 9, []int{3, 3, 3}},   // Vietnam mobile
	{"84", "8", 9, []int{3, 3, 3}},   // Vietnam mobile
	{"84", "9", 9, []int{3, 3, 3}},   // Vietnam mobile: 912 345 678
	{"84", "24", 10, []int{2, 4, 4}}, // Vietnam, Hanoi: 24 1234 5678
	{"84", "28", 10, []int{2, 4, 4}}, // Vietnam, Ho Chi Minh City: 28 1234 5678

	{"82", "10", 10, []int{2, 4, 4}}, // Korea mobile: 10 1234 5678
	{"82", "2", 9, []int{1, 4, 4}},   // Korea, Seoul: 2 1234 5678
	{"82", "2", 8, []int{1, 3, 4}},   // Korea, Seoul: 2 123 4567
	{"82", "", 10, []int{2, 4, 4}},   // Korea, other areas: 31 1234 5678
	{"82", "", 9, []int{2, 3, 4}},    // Korea, other areas: 31 123 4567

	{"66", "6", 9, []int{2, 3, 4}}, // Thailand mobile: 61 234 5678
	{"66", "8", 9, []int{2, 3, 4}}, // Thailand mobile: 81 234 5678
	{"66", "9", 9, []int{2, 3, 4}}, // Thailand mobile: 91 234 5678
	{"66", "2", 8, []int{1, 3, 4}}, // Thailand, Bangkok: 2 123 4567
	{"66", "", 8, []int{2, 3, 3}},  // Thailand, provinces: 53 123 456

	{"63", "9", 10, []int{3, 3, 4}}, // Philippines mobile: 917 123 4567
	{"63", "2", 9, []int{1, 4, 4}},  // Philippines, Manila: 2 1234 5678
	{"63", "", 9, []int{2, 3, 4}},   // Philippines, provinces: 32 123 4567

	{"52", "55", 10, []int{2, 4, 4}}, // Mexico City: 55 1234 5678
	{"52", "33", 10, []int{2, 4, 4}}, // Mexico, Guadalajara: 33 1234 5678
	{"52", "81", 10, []int{2, 4, 4}}, // Mexico, Monterrey: 81 1234 5678
}

// phoneUsual returns the usual group lengths of national, the national
// digits of number: those of the first of phonePatterns that fits, else
// phoneDefaultLens.
func phoneUsual(number, national string) []int {
	cc := strings.TrimPrefix(number[:len(number)-len(national)], "+")
	for _, p := range phonePatterns {
		if p.cc == cc && p.length == len(national) && strings.HasPrefix(national, p.prefix) {
			return p.groups
		}
	}
	return phoneDefaultLens(len(national))
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

// phoneDefaultLens splits n national digits into groups of three ending
// with a group of four, using groups of two at the front where the count
// would otherwise leave a group of one.
func phoneDefaultLens(n int) []int {
	switch {
	case n == 0:
		return nil
	case n <= 4:
		return []int{n}
	case n == 5:
		return []int{2, 3}
	}
	var g []int
	head := n - 4
	switch head % 3 {
	case 1: // e.g. 8 digits: 12 34 5678
		g = append(g, 2, 2)
		n -= 4
	case 2: // e.g. 6 digits: 12 3456
		g = append(g, 2)
		n -= 2
	}
	for n > 4 {
		g = append(g, 3)
		n -= 3
	}
	return append(g, n)
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
// and the same Ext. How the digits are grouped does not matter.
func (p Phone) SameNumber(q Phone) bool { return p.Number == q.Number && p.Ext == q.Ext }
