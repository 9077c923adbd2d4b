package cli

import (
	"io"
	"testing"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/locales"
	"pathway/pocket"
)

// The flags of pathway pocket reach its options: the default file name
// says nothing, and call links are on unless turned off.
func TestPocketFlags(t *testing.T) {
	e := &env.Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }, Loc: locales.English()}
	f := &Factory{E: e, Vault: &session.Options{}}
	for _, c := range []struct {
		args     []string
		out      string
		sections string
		noCall   bool
		force    bool
	}{
		{nil, pocket.FileName, "", false, false},
		{[]string{"-o", "x.html", "--no-call-links"}, "x.html", "", true, false},
		{[]string{"--sections", "release-1/bond,heart", "--output", "y.html", "--force"}, "y.html", "release-1/bond,heart", false, true},
	} {
		var got *PocketOptions
		cmd := newCmdPocket(f, func(o *PocketOptions) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%q: %v", c.args, err)
		}
		if got.Out.Path != c.out || got.Sections != c.sections || got.NoCallLinks != c.noCall || got.Out.Force != c.force {
			t.Errorf("%q: got output %q, sections %q, no call links %v, force %v", c.args, got.Out.Path, got.Sections, got.NoCallLinks, got.Out.Force)
		}
	}
}
