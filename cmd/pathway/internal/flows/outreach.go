package flows

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/crypt"
	"pathway/plan"
)

// A written file is one pathway wrote because the person asked: where,
// and what it is.
type written struct {
	path string
	what string
}

// outreachSave asks, at the end of an outreach session, what to take
// away: the plans, encrypted, in a folder (a USB stick), and printouts,
// each only in a folder the person chose and that exists. Until something
// is saved, the words say that nothing is; at the end, the list of what
// was written where. Nothing else was written, and nothing else will be.
func outreachSave(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	var done []written
	for {
		title := T("access.take-memory")
		if len(done) > 0 {
			title = T("access.take-more")
		}
		k, err := u.Menu("pathway", title, []string{T("outreach.save-folder"), T("outreach.save-print"), T("outreach.save-done")})
		if err != nil {
			return outreachEnded(u, e, done, err)
		}
		var w *written
		switch k {
		case 0:
			w, err = saveSealed(s, u)
		case 1:
			w, err = printMenu(s, u)
		default:
			u.Notice(writtenList(e, done))
			return nil
		}
		if err != nil {
			if ends(err) {
				return outreachEnded(u, e, done, err)
			}
			u.Notice(e.Message(err))
		}
		if w != nil {
			done = append(done, *w)
		}
	}
}

// saveSealed seals the binder with a passphrase (or the identity given)
// into a folder the person chooses. nil means nothing was written.
func saveSealed(s *session.Session, u ui.UI) (*written, error) {
	e := s.E
	T := e.T
	o := s.Options()
	for {
		dir, err := chooseFolder(e, u, T("access.folder-for-plans"))
		if err != nil || dir == "" {
			return nil, err
		}
		var key *crypt.Key
		if o.IdentityFile != "" {
			key, err = session.IdentityKey(e, o.IdentityFile)
		} else {
			key, err = session.NewPassphrase(e, u, o.PassphraseFile, "pathway", "prompt.new-passphrase")
		}
		if err != nil {
			return nil, err
		}
		data, err := plan.Encode(s.Binder)
		if err != nil {
			return nil, e.Describe(err, dir, "")
		}
		sealed, err := crypt.Seal(data, key)
		if err == nil {
			u.Busy(T("msg.saving"))
			err = crypt.WriteNew(dir, sealed)
		}
		switch {
		case errors.Is(err, crypt.ErrExists):
			u.Notice(T("access.folder-has-plans"))
			continue
		case err != nil:
			return nil, e.Describe(err, dir, "")
		}
		u.Notice(T("outreach.saved-folder", "Dir", dir))
		return &written{filepath.Join(dir, crypt.CurrentName), T("access.written-sealed")}, nil
	}
}

// chooseFolder asks for a folder that exists, to write into: one of the
// removable drives pathway sees mounted, by number, or a whole path. A
// bare name, or a folder that is not there, is refused and asked again;
// no folder is ever made. "" means the person went back.
func chooseFolder(e *env.Env, u ui.UI, title string) (string, error) {
	T := e.T
	for {
		drives := output.Removable()
		help := T("access.folder-help")
		if len(drives) > 0 {
			var b strings.Builder
			b.WriteString(T("access.drives-seen"))
			for i, d := range drives {
				b.WriteString("\n  " + strconv.Itoa(i+1) + ") " + d)
			}
			help = b.String() + "\n" + T("access.drives-help")
		}
		typed, err := u.Line("pathway", title, help)
		if err != nil || typed == "" {
			return "", err
		}
		if n, err := strconv.Atoi(typed); err == nil && n >= 1 && n <= len(drives) {
			typed = drives[n-1]
		}
		dir, err := output.Folder(e, typed)
		if err != nil {
			u.Notice(e.Message(err))
			continue
		}
		return dir, nil
	}
}

// writtenList says exactly what was written where, or that nothing was.
func writtenList(e *env.Env, done []written) string {
	if len(done) == 0 {
		return e.T("access.wrote-nothing")
	}
	var b strings.Builder
	b.WriteString(e.T("access.wrote-title"))
	for _, w := range done {
		b.WriteString("\n  " + w.path + "  (" + w.what + ")")
	}
	b.WriteString("\n" + e.T("access.wrote-end"))
	return b.String()
}

// outreachEnded is how the end of piped answers leaves outreach mode when
// something was saved already: the list of what was written, rather than
// the words that nothing was. A quick exit or a lock says nothing.
func outreachEnded(u ui.UI, e *env.Env, done []written, err error) error {
	if errors.Is(err, ui.ErrInputEnded) && len(done) > 0 {
		u.Notice(writtenList(e, done))
		return nil
	}
	return err
}
