package plan

import "strings"

// DialSeparators returns, in one string, every character other than a
// digit and "+" that [Phone.Matches] passes over in a typed number:
// spaces, dashes, dots, brackets, slashes. A program that checks typed
// numbers elsewhere (the pocket file's drill, in a browser) uses it with
// [Phone.MatchDigits] to judge as Matches does.
func DialSeparators() string {
	var b strings.Builder
	for r := rune(0); r <= 0xffff; r++ {
		if phoneIsSep(r) || phoneIsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// DialZeros returns the zeros of the scripts whose digits [Phone.Matches]
// reads: ASCII, fullwidth, Arabic-Indic and its Persian form. The digit
// d of each script is its zero plus d.
func DialZeros() []rune { return []rune{'0', '０', '٠', '۰'} }

// MatchDigits returns the strings of ASCII digits that [Phone.Matches]
// accepts for p, once the typed number's separators, spaces and "+" are
// left out and its digits read as ASCII: the number with its country
// code, and also without the leading 1 of a North American number, or
// with 011 before an international one.
func (p Phone) MatchDigits() []string {
	want := strings.TrimPrefix(p.Number, "+")
	out := []string{want}
	if strings.HasPrefix(p.Number, "+1") && len(want) == 11 {
		out = append(out, want[1:])
	}
	if !strings.HasPrefix(p.Number, "+1") && strings.HasPrefix(p.Number, "+") {
		out = append(out, "011"+want)
	}
	return out
}
