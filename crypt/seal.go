// Package crypt seals and opens bytes with age, and keeps them in a vault:
// a directory where every save is atomic, the previous version is kept as
// a backup, and a lock stops two processes writing at once.
//
// It knows nothing of plans. What it stores is always an age file that the
// age command can open with the same passphrase or identity. A vault of
// format 2 (see Vault.OpenKeyring and docs/vault-format.md) keeps its own
// age identity in key.age, sealed with the passphrase, and seals every other
// file to it: scrypt runs once a session, not on every save, and
// "age -d -i key.age binder.age" opens the binder.
package crypt

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync/atomic"

	"filippo.io/age"
)

// ScryptWorkFactor is the scrypt work factor (log2 of N) used when sealing
// with a passphrase. 18 is age's own default: about a second and 256 MiB on
// a laptop, which is what makes guessing a passphrase slow. Tests lower it,
// as age's own tests do; the shipped program never changes it.
var ScryptWorkFactor = 18

// scryptRuns counts the scrypt computations this process has started, to
// check (in tests and benchmarks) that a session pays for one only.
var scryptRuns atomic.Int64

// ScryptRuns returns how many scrypt computations this process has
// started: for tests and benchmarks that check a session runs the slow
// passphrase step once.
func ScryptRuns() int64 { return scryptRuns.Load() }

// MaxSealed is the largest sealed file Open reads: a 1 MiB plaintext plus
// age's overhead, with room to spare.
const MaxSealed = 2 << 20

// Errors returned by Open, Seal and the Vault. Callers match them with
// errors.Is and tell the person what happened in their language.
var (
	ErrWrongPassphrase = errors.New("the passphrase does not open this file")
	ErrWrongIdentity   = errors.New("the identity does not open this file")
	ErrNeedsIdentity   = errors.New("this file opens with an identity file, not a passphrase")
	ErrNeedsPassphrase = errors.New("this file opens with a passphrase, not an identity file")
	ErrNotAge          = errors.New("this is not an age encrypted file")
	ErrTruncated       = errors.New("the file ends too early")
	ErrDamaged         = errors.New("the file is damaged or was changed")
	ErrTooBig          = errors.New("the file is too big to be a pathway file")
	ErrEmptyPassphrase = errors.New("the passphrase is empty")
	ErrBadIdentity     = errors.New("no age identity could be read")
)

// A Key opens and seals files: either a passphrase or age identities.
type Key struct {
	passphrase string
	workFactor int // 0: ScryptWorkFactor
	identities []age.Identity
	recipients []age.Recipient
}

// Passphrase returns a Key for a passphrase.
func Passphrase(p string) (*Key, error) {
	if p == "" {
		return nil, ErrEmptyPassphrase
	}
	return &Key{passphrase: p}, nil
}

// ParseIdentities reads age identities ("AGE-SECRET-KEY-1…", one a line,
// as age-keygen writes them) and returns a Key that opens files sealed to
// any of them and seals to all of them.
func ParseIdentities(r io.Reader) (*Key, error) {
	ids, err := age.ParseIdentities(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadIdentity, err)
	}
	k := &Key{identities: ids}
	for _, id := range ids {
		switch id := id.(type) {
		case *age.X25519Identity:
			k.recipients = append(k.recipients, id.Recipient())
		case *age.HybridIdentity:
			k.recipients = append(k.recipients, id.Recipient())
		default:
			return nil, fmt.Errorf("%w: unsupported identity type %T", ErrBadIdentity, id)
		}
	}
	return k, nil
}

// WithWorkFactor returns a copy of a passphrase Key that seals with the
// scrypt work factor logN instead of ScryptWorkFactor. Tests and
// benchmarks use it rather than changing the package variable.
func (k *Key) WithWorkFactor(logN int) *Key {
	c := *k
	c.workFactor = logN
	return &c
}

// IsPassphrase reports whether the key is a passphrase.
func (k *Key) IsPassphrase() bool { return k.passphrase != "" }

// Seal encrypts plain for the key, as a binary age file.
func Seal(plain []byte, k *Key) ([]byte, error) {
	var rcpts []age.Recipient
	if k.IsPassphrase() {
		r, err := age.NewScryptRecipient(k.passphrase)
		if err != nil {
			return nil, fmt.Errorf("sealing: %w", err)
		}
		wf := ScryptWorkFactor
		if k.workFactor != 0 {
			wf = k.workFactor
		}
		r.SetWorkFactor(wf)
		rcpts = []age.Recipient{r}
		scryptRuns.Add(1)
	} else {
		rcpts = k.recipients
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, rcpts...)
	if err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	return buf.Bytes(), nil
}

const ageIntro = "age-encryption.org/v1\n"

// Open decrypts a sealed file with the key. Its errors are the Err values
// of this package, wrapped with age's own words.
func Open(sealed []byte, k *Key) ([]byte, error) {
	if len(sealed) > MaxSealed {
		return nil, ErrTooBig
	}
	if !bytes.HasPrefix(sealed, []byte(ageIntro)) {
		if len(sealed) < len(ageIntro) && bytes.HasPrefix([]byte(ageIntro), sealed) && len(sealed) > 0 {
			return nil, ErrTruncated
		}
		return nil, ErrNotAge
	}
	stanzas, err := stanzaTypes(sealed)
	if err != nil {
		return nil, err
	}
	var ids []age.Identity
	if k.IsPassphrase() {
		if !onlyScrypt(stanzas) {
			return nil, ErrNeedsIdentity
		}
		id, err := age.NewScryptIdentity(k.passphrase)
		if err != nil {
			return nil, fmt.Errorf("opening: %w", err)
		}
		ids = []age.Identity{id}
		scryptRuns.Add(1)
	} else {
		if onlyScrypt(stanzas) {
			return nil, ErrNeedsPassphrase
		}
		ids = k.identities
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), ids...)
	if err != nil {
		return nil, classify(err, k)
	}
	plain, err := io.ReadAll(io.LimitReader(r, MaxSealed))
	if err != nil {
		return nil, classify(err, k)
	}
	if k.IsPassphrase() {
		// scrypt's 256 MiB are garbage now: collect them at once, so that
		// a save right after (which runs scrypt again) does not hold both.
		runtime.GC()
	}
	return plain, nil
}

// stanzaTypes reads the recipient stanza types of an age header without
// decrypting anything.
func stanzaTypes(sealed []byte) ([]string, error) {
	sc := bufio.NewScanner(bytes.NewReader(sealed))
	sc.Buffer(make([]byte, 0, 4096), 1<<16)
	var types []string
	sc.Scan() // the intro line
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "---") {
			return types, nil
		}
		if rest, ok := strings.CutPrefix(line, "-> "); ok {
			types = append(types, strings.SplitN(rest, " ", 2)[0])
		}
	}
	return nil, ErrTruncated
}

func onlyScrypt(types []string) bool {
	return len(types) == 1 && types[0] == "scrypt"
}

func classify(err error, k *Key) error {
	var nomatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &nomatch):
		if k.IsPassphrase() {
			return fmt.Errorf("%w (%v)", ErrWrongPassphrase, err)
		}
		return fmt.Errorf("%w (%v)", ErrWrongIdentity, err)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%w (%v)", ErrTruncated, err)
	}
	return fmt.Errorf("%w (%v)", ErrDamaged, err)
}

// ErrBadRecipient is returned for a public key that does not parse.
var ErrBadRecipient = errors.New("not an age public key")

// ParseRecipient reads an age public key (age1… for X25519, age1pq1… for
// the post-quantum hybrid) and returns a Key that seals to it. It cannot
// open anything.
func ParseRecipient(s string) (*Key, error) {
	s = strings.TrimSpace(s)
	var r age.Recipient
	var err error
	if strings.HasPrefix(s, "age1pq1") {
		r, err = age.ParseHybridRecipient(s)
	} else {
		r, err = age.ParseX25519Recipient(s)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadRecipient, err)
	}
	return &Key{recipients: []age.Recipient{r}}, nil
}

// GenerateIdentity makes a new age identity: the post-quantum hybrid kind
// unless classic, then X25519. It returns the secret identity, as
// age-keygen writes it, and its public recipient.
func GenerateIdentity(classic bool) (identity, recipient string, err error) {
	if classic {
		id, err := age.GenerateX25519Identity()
		if err != nil {
			return "", "", err
		}
		return id.String(), id.Recipient().String(), nil
	}
	id, err := age.GenerateHybridIdentity()
	if err != nil {
		return "", "", err
	}
	return id.String(), id.Recipient().String(), nil
}

// Recipients returns the public keys the Key seals to.
func (k *Key) Recipients() []string {
	var out []string
	for _, r := range k.recipients {
		if s, ok := r.(interface{ String() string }); ok {
			out = append(out, s.String())
		}
	}
	return out
}

// NeedsPassphrase reports whether a sealed file opens with a passphrase
// (rather than an identity).
func NeedsPassphrase(sealed []byte) bool {
	types, err := stanzaTypes(sealed)
	return err == nil && onlyScrypt(types)
}

// IsAge reports whether data starts as an age file does.
func IsAge(data []byte) bool { return bytes.HasPrefix(data, []byte(ageIntro)) }
