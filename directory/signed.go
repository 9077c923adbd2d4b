package directory

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"aead.dev/minisign"

	"pathway/crypt"
	"pathway/plan"
)

// Signatures are minisign's (https://jedisct1.github.io/minisign/): an
// Ed25519 signature over the BLAKE2b-512 hash of the file ("ED", what the
// minisign tool makes by default), with a signed "trusted comment". The
// list and its signature travel as two files, ours.json and
// ours.json.minisig; the public key is one line of base64.

// Errors of checking a list's signature.
var (
	// ErrAltered: the signature was made by a trusted key, but not over
	// these bytes. The list was changed after it was signed (or the
	// signature was).
	ErrAltered = errors.New("the list does not match its signature")
	// ErrUntrusted: the signature was made by a key the person has not
	// trusted.
	ErrUntrusted = errors.New("the list is signed by a key that is not trusted")
	// ErrBadSignature: the signature file is not a minisign signature.
	ErrBadSignature = errors.New("not a minisign signature")
	// ErrBadKey: the text is not a minisign public key.
	ErrBadKey = errors.New("not a minisign public key")
)

// A TrustedKey is a minisign public key the person trusts to sign lists,
// with the name they gave it.
type TrustedKey struct {
	// Key is the public key as minisign writes it: one line of base64.
	Key string `json:"key"`
	// Name is the organisation's name, as the person gave it.
	Name string `json:"name"`
	// Added is the day the person trusted it.
	Added string `json:"added,omitempty"`
}

// A Signer is the trusted key a stored list was signed with, and when
// its signature was checked.
type Signer struct {
	KeyID   string `json:"key_id"`
	Name    string `json:"name"`
	Checked string `json:"checked,omitempty"`
}

// ParseKey reads a minisign public key: the .pub file minisign writes
// (an "untrusted comment" line, then the key), or the key's line alone.
// It returns the key's line.
func ParseKey(text string) (string, error) {
	var line string
	for l := range strings.Lines(text) {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "untrusted comment:") {
			continue
		}
		if line != "" {
			return "", ErrBadKey
		}
		line = l
	}
	var pk minisign.PublicKey
	if line == "" || pk.UnmarshalText([]byte(line)) != nil {
		return "", ErrBadKey
	}
	return line, nil
}

// ID returns the key's id, as minisign prints it: 16 hex digits.
func (k TrustedKey) ID() string {
	var pk minisign.PublicKey
	if pk.UnmarshalText([]byte(k.Key)) != nil {
		return ""
	}
	return fmt.Sprintf("%016X", pk.ID())
}

// Fingerprint returns the key as words to compare aloud: see
// crypt.Fingerprint.
func (k TrustedKey) Fingerprint() string {
	raw, err := base64.StdEncoding.DecodeString(k.Key)
	if err != nil {
		return ""
	}
	return crypt.Fingerprint(raw)
}

// Verify checks sig, a minisign signature, over data with the keys in
// trusted. It returns the key that made it; ErrUntrusted if no trusted
// key did (the error names the key's id); ErrAltered if the key is
// trusted but data or the signature was changed; ErrBadSignature if sig
// is not a signature at all.
func Verify(trusted []TrustedKey, data, sig []byte) (TrustedKey, error) {
	var s minisign.Signature
	if err := s.UnmarshalText(sig); err != nil {
		return TrustedKey{}, ErrBadSignature
	}
	id := fmt.Sprintf("%016X", s.KeyID)
	for _, k := range trusted {
		if k.ID() != id {
			continue
		}
		var pk minisign.PublicKey
		if err := pk.UnmarshalText([]byte(k.Key)); err != nil {
			continue
		}
		if !minisign.Verify(pk, data, sig) {
			return k, ErrAltered
		}
		return k, nil
	}
	return TrustedKey{}, fmt.Errorf("%w: key %s", ErrUntrusted, id)
}

// SignatureKeyID returns the id of the key that made sig, or "".
func SignatureKeyID(sig []byte) string {
	var s minisign.Signature
	if s.UnmarshalText(sig) != nil {
		return ""
	}
	return fmt.Sprintf("%016X", s.KeyID)
}

// ConfirmedOn returns the day the listing's numbers were last confirmed:
// its own date, or its list's.
func (x Listing) ConfirmedOn() string {
	if x.Confirmed != "" || x.List == nil {
		return x.Confirmed
	}
	return x.List.Date
}

// ConfirmedBy returns who confirmed the listing's numbers: the name the
// person gave the key that signed its list, or (for the guide's and an
// unsigned list) the list's own name. vouched is false for an
// unsigned list: nobody the person trusts stands behind its numbers.
func (x Listing) ConfirmedBy() (by string, vouched bool) {
	switch {
	case x.List == nil:
		return "", false
	case x.List.Signer != nil:
		return x.List.Signer.Name, true
	}
	return x.List.Name, x.List.IsGuide()
}

// Source returns where a contact made from the listing comes from.
func (x Listing) Source() *plan.Source {
	if x.List == nil {
		return nil
	}
	by, _ := x.ConfirmedBy()
	s := &plan.Source{List: x.List.Name, Listing: x.ID, By: by, Confirmed: x.ConfirmedOn()}
	if x.List.Signer != nil {
		s.Key = x.List.Signer.KeyID
	}
	return s
}

// Numbers returns what the list says of each listing's numbers, for
// plan.Binder.UpdateFromList.
func (l *List) Numbers() []plan.ListedNumber {
	var out []plan.ListedNumber
	for _, x := range l.Listings {
		n := plan.ListedNumber{Listing: x.ID, Confirmed: x.ConfirmedOn()}
		for _, p := range x.Phones {
			if ph, err := p.Parse(); err == nil {
				n.Phones = append(n.Phones, ph)
			}
		}
		out = append(out, n)
	}
	return out
}

// StoreFormat is the version of what EncodeStore writes: 2 added the
// trusted keys and each list's signer. A pathway that reads only 1 refuses
// 2, and so never writes it over without the keys.
const StoreFormat = 2

// A Store is what the vault keeps of lists: the lists the person
// imported and the keys they trust to sign them.
type Store struct {
	Lists   []*List
	Trusted []TrustedKey
}

// Trust adds k, or renames it if it is there; it returns false if it
// was there.
func (s *Store) Trust(k TrustedKey) bool {
	for i := range s.Trusted {
		if s.Trusted[i].Key == k.Key {
			s.Trusted[i].Name = k.Name
			return false
		}
	}
	s.Trusted = append(s.Trusted, k)
	return true
}

// Untrust removes the key whose id, key line or name is which, and
// returns it.
func (s *Store) Untrust(which string) (TrustedKey, bool) {
	for i, k := range s.Trusted {
		if strings.EqualFold(k.ID(), which) || k.Key == which || strings.EqualFold(k.Name, which) {
			s.Trusted = append(s.Trusted[:i:i], s.Trusted[i+1:]...)
			return k, true
		}
	}
	return TrustedKey{}, false
}

// Find returns the stored list named name, or nil.
func (s *Store) Find(name string) *List {
	for _, l := range s.Lists {
		if l.Name == name {
			return l
		}
	}
	return nil
}

// Replace puts l in place of the list of the same name, or adds it.
func (s *Store) Replace(l *List) {
	for i := range s.Lists {
		if s.Lists[i].Name == l.Name {
			s.Lists[i] = l
			return
		}
	}
	s.Lists = append(s.Lists, l)
}

// Encode writes the store, to be sealed in the vault.
func (s *Store) Encode() ([]byte, error) {
	raws := []json.RawMessage{}
	signers := []*Signer{}
	for _, l := range s.Lists {
		b, err := l.Encode()
		if err != nil {
			return nil, err
		}
		raws = append(raws, b)
		signers = append(signers, l.Signer)
	}
	trusted := s.Trusted
	if trusted == nil {
		trusted = []TrustedKey{}
	}
	return json.Marshal(struct {
		Format  int               `json:"format"`
		Lists   []json.RawMessage `json:"lists"`
		Signers []*Signer         `json:"signers"`
		Trusted []TrustedKey      `json:"trusted"`
	}{StoreFormat, raws, signers, trusted})
}

// ReadStore reads what Store.Encode (or EncodeStore, format 1) wrote,
// checking every list again.
func ReadStore(data []byte) (*Store, error) {
	var s struct {
		Format  int               `json:"format"`
		Lists   []json.RawMessage `json:"lists"`
		Signers []*Signer         `json:"signers"`
		Trusted []TrustedKey      `json:"trusted"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, &Error{Code: "invalid-json"}
	}
	if s.Format > StoreFormat {
		return nil, &Error{Code: "newer-format", Value: fmt.Sprint(s.Format)}
	}
	st := &Store{}
	for i, raw := range s.Lists {
		l, _, err := Parse(raw)
		if err != nil {
			return nil, err
		}
		if i < len(s.Signers) && s.Signers[i] != nil {
			sg := *s.Signers[i]
			sg.Name = plan.CleanLine(sg.Name)
			l.Signer = &sg
		}
		st.Lists = append(st.Lists, l)
	}
	for _, k := range s.Trusted {
		if line, err := ParseKey(k.Key); err == nil {
			st.Trusted = append(st.Trusted, TrustedKey{Key: line, Name: plan.CleanLine(k.Name), Added: plan.CleanLine(k.Added)})
		}
	}
	return st, nil
}
