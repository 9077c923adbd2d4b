package flows

import (
	"errors"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/crypt"
	"pathway/plan"
	"pathway/pocket"
)

// BuildPocket makes the pocket file of the parts sel of b, sealed with
// pass, in the person's language: the page, and the part of the binder
// it holds (for the preview).
func BuildPocket(e *env.Env, b *plan.Binder, sel plan.Selection, pass string, callLinks bool) ([]byte, *plan.Binder, error) {
	sub := b.Subset(sel)
	page, err := pocket.Build(sub, pocket.Options{Loc: e.Loc, Passphrase: pass, CallLinks: callLinks})
	switch {
	case errors.Is(err, pocket.ErrNothing):
		return nil, nil, e.Fail("pocket.nothing")
	case err != nil:
		return nil, nil, e.Describe(err, "", "")
	}
	return page, sub, nil
}

// NewPocketPassphrase makes the pocket file's own passphrase: words from
// crypt's list, never the vault's.
func NewPocketPassphrase() (string, error) { return crypt.GeneratePassphrase(pocket.Words) }

// PocketPassphraseText is what the person reads once the file is written:
// the passphrase, shown this once, and what to do with the paper.
func PocketPassphraseText(e *env.Env, pass string) string {
	return strings.Join([]string{e.T("pocket.passphrase"), "", "    " + pass, "", e.T("pocket.paper")}, "\n")
}

// Pocket writes the pocket file of the default parts (see
// pocket.DefaultSelection) where the person says, with a new passphrase
// shown once. A path that cannot be written is said, and asked again.
func Pocket(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	pass, err := NewPocketPassphrase()
	if err != nil {
		return err
	}
	page, _, err := BuildPocket(e, s.Binder, pocket.DefaultSelection(s.Binder), pass, true)
	if err != nil {
		return err
	}
	for {
		path, err := u.Line("pathway", T("pocket.where", "Name", pocket.FileName), "")
		if err != nil || path == "" {
			return err
		}
		f := output.File{Path: path}
		if err := f.Check(e); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		if err := f.Write(e, page); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		return u.Show("pathway", T("pocket.written", "Path", path)+"\n\n"+PocketPassphraseText(e, pass))
	}
}
