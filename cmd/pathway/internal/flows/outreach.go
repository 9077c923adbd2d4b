package flows

import (
	"errors"

	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/crypt"
	"pathway/plan"
)

// outreachSave asks, at the end of an outreach session, what to take
// away: the plans, encrypted, in a folder (a USB stick), and printouts.
// Nothing else was written, and nothing else will be.
func outreachSave(s *session.Session, u ui.UI) error {
	e := s.E
	T := e.T
	o := s.Options()
	for {
		k, err := u.Menu("pathway", T("outreach.save-how"), []string{T("outreach.save-folder"), T("outreach.save-print"), T("outreach.save-done")})
		if err != nil {
			return err
		}
		switch k {
		case 0:
			dir, err := u.Line("pathway", T("outreach.folder"), "")
			if err != nil {
				return err
			}
			if dir == "" {
				continue
			}
			var key *crypt.Key
			if o.IdentityFile != "" {
				key, err = session.IdentityKey(e, o.IdentityFile)
			} else {
				key, err = session.NewPassphrase(e, u, o.PassphraseFile, "pathway", "prompt.new-passphrase")
			}
			if err != nil {
				if ends(err) {
					return err
				}
				u.Notice(e.Message(err))
				continue
			}
			data, err := plan.Encode(s.Binder)
			if err != nil {
				u.Notice(e.Message(e.Describe(err, dir, "")))
				continue
			}
			sealed, err := crypt.Seal(data, key)
			if err == nil {
				u.Busy(T("msg.saving"))
				err = crypt.WriteNew(dir, sealed)
			}
			switch {
			case errors.Is(err, crypt.ErrExists):
				u.Notice(T("error.vault-exists"))
			case err != nil:
				u.Notice(e.Message(e.Describe(err, dir, "")))
			default:
				u.Notice(T("outreach.saved-folder", "Dir", dir))
			}
		case 1:
			if err := PrintMenu(s, u); err != nil {
				if ends(err) {
					return err
				}
				u.Notice(e.Message(err))
			}
		default:
			return nil
		}
	}
}
