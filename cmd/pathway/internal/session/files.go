package session

import (
	"errors"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/crypt"
	"pathway/directory"
)

// IdentityName is the vault file that holds the person's own age
// identity, made by pathway keygen, sealed like the binder.
const IdentityName = "identity.age"

// ImportedLists reads the organisations' lists sealed in the vault; none
// if there are none.
func (s *Session) ImportedLists() ([]*directory.List, error) {
	if s.Vault == nil {
		return nil, nil
	}
	plain, err := s.OpenFile(crypt.DirectoryName)
	if errors.Is(err, crypt.ErrNoVault) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st, err := directory.ReadStore(plain)
	if err != nil {
		return nil, DirError(s.E, err)
	}
	return st.Lists, nil
}

// ListStore reads the lists and the trusted keys sealed in the vault; an
// empty store if there are none.
func (s *Session) ListStore() (*directory.Store, error) {
	if s.Vault == nil {
		return &directory.Store{}, nil
	}
	plain, err := s.OpenFile(crypt.DirectoryName)
	if errors.Is(err, crypt.ErrNoVault) {
		return &directory.Store{}, nil
	}
	if err != nil {
		return nil, err
	}
	st, err := directory.ReadStore(plain)
	if err != nil {
		return nil, DirError(s.E, err)
	}
	return st, nil
}

// SaveListStore seals st in the vault.
func (s *Session) SaveListStore(st *directory.Store) error {
	plain, err := st.Encode()
	if err != nil {
		return err
	}
	return s.SealFile(crypt.DirectoryName, plain)
}

// OwnIdentity opens the sharing identity kept in the vault; a vault that
// has none gives crypt.ErrNoVault.
func (s *Session) OwnIdentity() (*crypt.Key, error) {
	plain, err := s.OpenFile(IdentityName)
	if err != nil {
		return nil, err
	}
	return crypt.ParseIdentities(strings.NewReader(string(plain)))
}

// DirError words a problem with an organisations' list.
func DirError(e *env.Env, err error) error {
	var de *directory.Error
	if !errors.As(err, &de) {
		return err
	}
	msg := e.T("error.dir."+de.Code, "Value", de.Value, "Field", de.Field)
	if de.Listing != "" {
		msg = e.T("error.dir.listing", "Listing", de.Listing, "Message", msg)
	}
	if de.Line > 0 {
		msg = e.T("error.plan.line", "Line", de.Line, "Message", msg)
	}
	return &env.Error{Msg: msg, Code: env.ExitFailure}
}
