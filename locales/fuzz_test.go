package locales

import (
	"slices"
	"testing"
)

// FuzzDetect: any --lang, saved choice or LANG value gives an available
// language or, for an unknown --lang, an error; never a panic.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "en", "zh-Hant", "zh_TW.UTF-8", "C", "POSIX", "@@@", "fil_PH", "xx", "en-u-ca-gregory", "\xff"} {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, flag, saved, lang string) {
		tag, err := Detect(flag, saved, func(k string) string {
			if k == "LANG" {
				return lang
			}
			return ""
		})
		if err != nil {
			if flag == "" {
				t.Fatalf("an error without --lang: %v", err)
			}
			return
		}
		if !slices.Contains(Available(), tag) {
			t.Fatalf("Detect gave %q", tag)
		}
		if _, err := Get(tag); err != nil {
			t.Fatal(err)
		}
	})
}
