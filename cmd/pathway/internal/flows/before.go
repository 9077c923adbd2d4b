package flows

import (
	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
)

// BeforeSearchText is the page "Before a search": backup, hand over,
// wipe, restore later, and what deleting cannot hide. Facts, not legal
// advice: it points to the legal clinics in the list of organisations.
func BeforeSearchText(e *env.Env) string {
	T := e.T
	return T("before.intro") + "\n\n" + T("before.steps") + "\n\n" + T("before.cannot-hide") + "\n\n" +
		T("before.legal", "Where", T("home.resources"), "Kind", T("dircat.legal"))
}

// BeforeSearch shows the page "Before a search" and, with a vault, offers
// to make the backup at once: locked with the passphrase that opened the
// session, written where the person says (never inside the vault), and
// checked right after.
func BeforeSearch(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	if err := u.Show(T("before.title"), BeforeSearchText(e)); err != nil {
		return err
	}
	if s.Vault == nil {
		// Outreach mode: nothing is kept here, so there is nothing to back up.
		return nil
	}
	k, err := u.Menu(T("before.title"), T("before.title"), []string{T("before.backup-now"), T("before.back")})
	if err != nil || k != 0 {
		return err
	}
	for {
		path, err := u.Line(T("before.title"), T("before.ask-path"), "")
		if err != nil || path == "" {
			return err
		}
		f := output.File{Path: path}
		if path == "-" {
			continue
		}
		if err := f.Check(e); err != nil {
			u.Notice(e.Message(err))
			continue
		}
		if session.InsideVault(path, s.Vault.Dir) {
			u.Notice(T("backup.inside-vault", "Path", path, "Dir", s.Vault.Dir))
			continue
		}
		if s.Key.IsPassphrase() {
			u.Busy(T("backup.sealing"))
		}
		r, err := s.WriteBackup(f, nil)
		if err != nil {
			// Said, and another place asked: a pulled-out stick, a full disk.
			u.Notice(e.Message(err))
			continue
		}
		msg := T("backup.written", "Path", path, "Count", len(r.Files))
		if s.Key.IsPassphrase() {
			msg += "\n" + T("backup.locked-passphrase")
		}
		u.Notice(msg)
		return nil
	}
}
