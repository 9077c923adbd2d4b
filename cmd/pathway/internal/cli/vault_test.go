package cli

import "testing"

func TestFoldWord(t *testing.T) {
	for _, c := range []struct{ a, b string }{{"Sí", "si"}, {"có", "co\u0301"}, {" OUI ", "oui"}, {"예", "예"}} {
		if foldWord(c.a) != foldWord(c.b) {
			t.Errorf("%q and %q differ", c.a, c.b)
		}
	}
	if foldWord("no") == foldWord("yes") {
		t.Error("folding made no and yes the same")
	}
}
