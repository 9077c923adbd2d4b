package flows

import (
	"errors"
	"os"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/plan"
)

// BeforeSearchText is the page "Before a search": backup, hand over,
// wipe, restore later, and what deleting cannot hide. Facts, not legal
// advice: it points to the legal clinics in the list of organisations.
func BeforeSearchText(e *env.Env) string {
	T := e.T
	return T("before.intro") + "\n\n" + T("before.steps", "Backup", T("before.backup-now"), "Wipe", T("before.wipe"), "Restore", T("first.restore")) + "\n\n" + T("before.cannot-hide") + "\n\n" +
		T("before.legal", "Where", T("home.resources"), "Kind", T("dircat.legal"))
}

// BeforeSearch shows the page "Before a search" and, with a vault, offers
// its two steps at once: make the backup (locked with the passphrase that
// opened the session, written where the person says, never inside the
// vault, and checked right after), and delete the plans from this device,
// after a question whose first answer keeps them. After the deletion
// pathway ends (ErrWiped): there is nothing left to show.
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
	backedUp := false
	for {
		k, err := u.Menu(T("before.title"), T("home.title"), []string{T("before.backup-now"), T("before.wipe"), T("before.back")})
		if err != nil || k == 2 {
			return err
		}
		if k == 0 {
			done, err := backupNow(s, u)
			if err != nil {
				return err
			}
			backedUp = backedUp || done
			continue
		}
		wiped, err := wipeNow(s, u, backedUp)
		if err != nil || wiped {
			return err
		}
	}
}

// ErrWiped: the plans were deleted from this device; pathway ends.
var ErrWiped = errors.New("wiped")

// wipeNow asks, then deletes every vault pathway has on this device. It
// reports whether it did; after it, the session holds nothing. When
// another pathway window holds a folder, nothing is deleted: said, and the
// page comes back.
func wipeNow(s *session.Session, u ui.UI, backedUp bool) (bool, error) {
	e := s.E
	T := e.T
	var dirs []string
	for _, d := range session.AllDirs(e, s.Options()) {
		if _, err := os.Stat(d); err == nil {
			dirs = append(dirs, d)
		}
	}
	q := T("before.wipe-ask", "Dirs", folderLines(dirs))
	if !backedUp {
		q += "\n\n" + T("before.wipe-no-backup")
	}
	k, err := u.Menu(T("before.title"), q, []string{T("before.wipe-no"), T("before.wipe-yes")})
	if err != nil || k != 1 {
		return false, err
	}
	u.Busy(T("before.wiping"))
	kept, err := s.Wipe()
	if err != nil && kept == nil {
		u.Notice(e.Message(err))
		return false, nil
	}
	if err != nil {
		// Part of it is gone: said on the screen, then pathway ends with
		// the same words and a failure.
		msg := T("before.wipe-failed", "Dirs", folderLines(kept))
		if err := u.Show(T("before.title"), msg); err != nil {
			return true, err
		}
		return true, errors.Join(ErrWiped, &env.Error{Msg: msg, Code: env.ExitFailure})
	}
	msg := T("before.wiped") + "\n\n" + T("msg.wipe-ssd") + "\n\n" + T("before.wiped-paper")
	if err := u.Show(T("before.title"), msg); err != nil {
		return true, err
	}
	return true, ErrWiped
}

// lines is text of several lines put into a message: each line made
// visible already (a folder's name cannot drive the terminal), the line
// breaks kept.
type lines string

// folderLines lists folders, one per line, indented.
func folderLines(dirs []string) lines {
	var b strings.Builder
	for i, d := range dirs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("  " + plan.Visible(d))
	}
	return lines(b.String())
}

// backupNow asks where, writes the backup and checks it. It reports
// whether a backup was made; an empty answer goes back.
func backupNow(s *session.Session, u ui.UI) (bool, error) {
	e := s.E
	T := e.T
	for {
		path, err := u.Line(T("before.title"), T("before.ask-path"), "")
		if err != nil || path == "" {
			return false, err
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
		msg := T("before.written", "Path", path, "Count", len(r.Files), "Restore", T("first.restore"))
		if s.Key.IsPassphrase() {
			msg += "\n" + T("backup.locked-passphrase")
		}
		u.Notice(msg)
		return true, nil
	}
}
