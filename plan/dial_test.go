package plan

import (
	"slices"
	"strings"
	"testing"
)

// matchesLikeJS judges a typed number with only what DialSeparators,
// DialZeros and MatchDigits export, as the pocket file's script does.
func matchesLikeJS(p Phone, typed string) bool {
	seps := DialSeparators()
	var got strings.Builder
	for _, r := range typed {
		digit := false
		for _, z := range DialZeros() {
			if r >= z && r <= z+9 {
				got.WriteByte(byte('0' + r - z))
				digit = true
			}
		}
		if !digit && r != '+' && !strings.ContainsRune(seps, r) {
			return false
		}
	}
	return slices.Contains(p.MatchDigits(), got.String())
}

// What the pocket file's drill knows of a number judges every typed
// answer as Matches does.
func TestMatchDigitsAgreesWithMatches(t *testing.T) {
	phones := []string{"+1 416 555 0123", "211", "988", "+44 20 7946 0958", "+86 138 0013 8000", "1-800-555-0199 ext 12"}
	typed := []string{"4165550123", "1 416 555 0123", "+1 (416) 555-0123", "416.555.0123", "４１６５５５０１２３",
		"416 555 0124", "416555012", "211", "+211", "988", "011 44 20 7946 0958", "+44 20 7946 0958", "442079460958",
		"1 2079460958", "+86 138 0013 8000", "011861380013800", "8005550199", "18005550199", "800 555 0199 x12",
		"٤١٦٥٥٥٠١٢٣", "۴۱۶۵۵۵۰۱۲۳", "416\u00a0555\u20130123", "abc", "416-555-0123!", "", "++4165550123"}
	for _, s := range phones {
		p, err := ParsePhone(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range typed {
			if got, want := matchesLikeJS(p, in), p.Matches(in); got != want {
				t.Errorf("%s, typed %q: exported rules say %v, Matches says %v", s, in, got, want)
			}
		}
	}
	for _, r := range DialSeparators() {
		if _, ok := phoneDigit(r); ok || !(phoneIsSep(r) || phoneIsSpace(r)) {
			t.Errorf("DialSeparators holds %q", r)
		}
	}
	for _, z := range DialZeros() {
		for d := range rune(10) {
			if got, ok := phoneDigit(z + d); !ok || got != byte('0'+d) {
				t.Errorf("DialZeros: %q is not read as %d", z+d, d)
			}
		}
	}
}
