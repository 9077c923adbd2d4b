package session

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"strings"

	"pathway/crypt"
	"pathway/plan"
)

// Ledger opens the consent ledger sealed in the vault (crypt.SharesName):
// every share the person made, with whom, why, until when, and what they
// took back. A vault that has none gives an empty ledger; so does a
// session that keeps nothing (outreach).
func (s *Session) Ledger() (*plan.Ledger, error) {
	if s.Vault == nil {
		return plan.NewLedger(), nil
	}
	data, err := s.OpenFile(crypt.SharesName)
	if errors.Is(err, crypt.ErrNoVault) {
		return plan.NewLedger(), nil
	}
	if err != nil {
		return nil, err
	}
	l, err := plan.DecodeLedger(data)
	if err != nil {
		return nil, s.E.DescribeRead(err, s.Vault.Dir, s.Vault.Path(crypt.SharesName))
	}
	return l, nil
}

// SaveLedger seals l into the vault. The session must hold the vault's
// lock (Write, Lock or Start). In outreach mode nothing is kept.
func (s *Session) SaveLedger(l *plan.Ledger) error {
	if s.Vault == nil {
		return nil
	}
	data, err := plan.EncodeLedger(l)
	if err != nil {
		return err
	}
	return s.SealFile(crypt.SharesName, data)
}

// RecordShare adds one consent to the ledger and saves it: call it once a
// share is written, with what, whom, why, until when and how. Made is
// today if zero. It returns the consent's number. Any feature that hands
// the person's plans to someone else (a share, a backup an organisation
// keeps) records it here, so that `pathway shares` lists it and the
// check-up reminds of it. In outreach mode nothing is kept, and the
// number is "".
func (s *Session) RecordShare(c plan.Consent) (string, error) {
	if s.Vault == nil {
		return "", nil
	}
	l, err := s.Ledger()
	if err != nil {
		return "", err
	}
	if c.Made.IsZero() {
		c.Made = s.E.Today()
	}
	id := l.Add(c)
	if err := s.SaveLedger(l); err != nil {
		return "", err
	}
	return id, nil
}

// Withdraw records that the person took back consent id today and saves
// the ledger; it returns the consent as it now stands. Its passphrase, if
// it had one, is refused for later shares (see PassphraseWithdrawn).
func (s *Session) Withdraw(id string) (*plan.Consent, error) {
	l, err := s.Ledger()
	if err != nil {
		return nil, err
	}
	c := l.Find(id)
	if c == nil {
		return nil, s.E.Fail("shares.no-such", "ID", id)
	}
	if c.Withdrawn.IsZero() {
		c.Withdrawn = s.E.Today()
		if err := s.SaveLedger(l); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// CheckUp is the binder's check-up with the ledger's reminders added: a
// share whose day has passed, a share standing for long. A ledger that
// cannot be read leaves the binder's check-up as it is.
func (s *Session) CheckUp() plan.Report {
	r := s.Binder.CheckUp(s.E.Today())
	if l, err := s.Ledger(); err == nil {
		r.Old = append(r.Old, l.CheckUp(s.E.Today())...)
	}
	return r
}

// PassphraseCheck returns what the ledger keeps to recognise a share's
// passphrase later without keeping it: a random salt and the SHA-256 of
// salt and passphrase, in hex. It is sealed in the ledger with the vault
// key, like everything else there.
func PassphraseCheck(pass string) string {
	salt := make([]byte, 16)
	rand.Read(salt)
	return hex.EncodeToString(salt) + ":" + passHash(salt, pass)
}

func passHash(salt []byte, pass string) string {
	h := sha256.New()
	h.Write(salt)
	h.Write([]byte(pass))
	return hex.EncodeToString(h.Sum(nil))
}

// PassphraseWithdrawn returns the withdrawn consent whose file was locked
// with pass, or nil: the person it was told to still knows it, so a later
// share must not use it again.
func PassphraseWithdrawn(l *plan.Ledger, pass string) *plan.Consent {
	for i := range l.Consents {
		c := &l.Consents[i]
		if c.Withdrawn.IsZero() || c.Check == "" {
			continue
		}
		saltHex, sum, ok := strings.Cut(c.Check, ":")
		salt, err := hex.DecodeString(saltHex)
		if !ok || err != nil {
			continue
		}
		if subtle.ConstantTimeCompare([]byte(passHash(salt, pass)), []byte(sum)) == 1 {
			return c
		}
	}
	return nil
}
