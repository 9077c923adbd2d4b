package plan

import "testing"

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"Mei":                       "Mei",
		"陳美玲":                       "陳美玲",
		"a\x1b]52;c;x\x07b":         `a\x1b]52;c;x\x07b`,
		"safe\u202eytefas":          "safeU+202Eytefas",
		"Tony\u200b":                "TonyU+200B",
		"bad\xffbyte":               `bad\xffbyte`,
		"line\nbreak\ttab":          `line\x0abreak\x09tab`,
		"c1\u009bcontrol":           "c1U+009Bcontrol",
		"Nguyễn Thị Hương (NFD ok)": "Nguyễn Thị Hương (NFD ok)",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
	long := make([]byte, 1000)
	for i := range long {
		long[i] = 'a'
	}
	if got := Visible(string(long)); len([]rune(got)) != maxVisible+1 {
		t.Errorf("a long value is %d characters", len([]rune(got)))
	}
}
