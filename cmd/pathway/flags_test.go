package main

import (
	"strings"
	"testing"

	"pathway/locales"
)

// TestFlagValueNames checks every option's help in every language: cobra
// takes the first word in backquotes as the name of the option's value
// (--plan KIND) and prints the rest as written, so a help with more than
// one such word shows stray backquotes on the screen.
func TestFlagValueNames(t *testing.T) {
	for _, tag := range locales.Available() {
		l, err := locales.Get(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range locales.Keys(tag) {
			if !strings.HasPrefix(k, "flag.") {
				continue
			}
			if n := strings.Count(l.T(k), "`"); n != 0 && n != 2 {
				t.Errorf("%s %s has %d backquotes: %q", tag, k, n, l.T(k))
			}
		}
	}
}
