package crypt

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"filippo.io/age"
)

// KeyName is the file of a format 2 vault that holds the vault's own age
// identity, sealed with the passphrase. Every other file of the vault is
// sealed to that identity's recipient, so the passphrase's scrypt runs once
// a session, when key.age is opened, and never on a save. The age command
// opens a binder with "age -d -i key.age binder.age": it asks for the
// passphrase of key.age.
const KeyName = "key.age"

// sealedNames are the files of a vault sealed with the vault's key, in the
// order a re-sealing goes through them: the binder last.
var sealedNames = []string{
	BackupOf(DirectoryName), DirectoryName,
	BackupOf(identityName), identityName,
	BackupOf(SharesName), SharesName,
	BackupName, CurrentName,
}

// identityName is the vault file that holds the sharing key (cmd/pathway
// names it IdentityName).
const identityName = "identity.age"

// ErrNoPassphraseVault is returned by ChangePassphrase for a vault whose
// files are sealed to an identity file rather than to a passphrase.
var ErrNoPassphraseVault = errors.New("this vault opens with an identity file, not a passphrase")

// A Keyring is what opens and seals the files of an unlocked vault. For a
// passphrase vault it holds the vault's X25519 identity, read from key.age
// with one run of scrypt, and seals to its recipient: a save costs
// milliseconds. For a vault kept with an identity file (--identity) it is
// that identity, and seals to its recipients.
//
// A Keyring still opens a file sealed with the passphrase (format 1: the
// backup a migration keeps), at the cost of one scrypt run for that file.
type Keyring struct {
	pass *Key // the passphrase; nil for an identity-file vault
	key  *Key // what opens and seals the vault's files
}

// Seal encrypts plain for the vault, as a binary age file.
func (kr *Keyring) Seal(plain []byte) ([]byte, error) { return Seal(plain, kr.key) }

// Open decrypts a file of the vault. Its errors are those of Open; in a
// vault that opens with a passphrase, a file sealed to some other key than
// the vault's gives ErrDamaged: the person's passphrase is right, the file
// was put there by something other than pathway.
func (kr *Keyring) Open(sealed []byte) ([]byte, error) {
	if kr.pass != nil && NeedsPassphrase(sealed) {
		return Open(sealed, kr.pass)
	}
	plain, err := Open(sealed, kr.key)
	if kr.pass != nil && errors.Is(err, ErrWrongIdentity) {
		return nil, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	return plain, err
}

// IsPassphrase reports whether the vault opens with a passphrase (rather
// than an identity file).
func (kr *Keyring) IsPassphrase() bool { return kr.pass != nil }

// Recipients returns the public keys the Keyring seals to.
func (kr *Keyring) Recipients() []string { return kr.key.Recipients() }

// newVaultKey makes a new X25519 identity for a vault and seals it, as
// age-keygen writes it, with the passphrase.
func newVaultKey(pass *Key) (*Key, []byte, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, nil, fmt.Errorf("making the vault key: %w", err)
	}
	text := "# pathway vault key: open the vault's files with age -d -i key.age\n" + id.String() + "\n"
	sealed, err := Seal([]byte(text), pass)
	if err != nil {
		return nil, nil, fmt.Errorf("sealing the vault key: %w", err)
	}
	return &Key{identities: []age.Identity{id}, recipients: []age.Recipient{id.Recipient()}}, sealed, nil
}

// Create starts a new vault with key k and returns its Keyring. With a
// passphrase it writes key.age (one scrypt run); with an identity file it
// writes nothing, and the files are sealed to the identity's recipients.
// The caller must hold the lock. Create refuses (ErrExists) where a vault
// already holds sealed files; a key.age alone, left by a Create whose first
// save never came, is replaced.
func (v *Vault) Create(k *Key) (*Keyring, error) {
	if v.lock == nil {
		return nil, ErrNotOwned
	}
	for _, name := range sealedNames {
		_, err := v.ReadFile(name)
		switch {
		case errors.Is(err, ErrNotRegular):
			return nil, err
		case !errors.Is(err, ErrNoVault):
			return nil, fmt.Errorf("%w: %s", ErrExists, v.Path(name))
		}
	}
	if !k.IsPassphrase() {
		if len(k.identities) == 0 {
			return nil, ErrBadIdentity
		}
		// A key.age no file is sealed to would make the vault ask for a
		// passphrase: it goes.
		if err := os.Remove(v.Path(KeyName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("creating vault: %w", err)
		}
		return &Keyring{key: k}, nil
	}
	key, sealed, err := newVaultKey(k)
	if err != nil {
		return nil, err
	}
	if err := v.writeAtomic(KeyName, sealed); err != nil {
		return nil, err
	}
	return &Keyring{pass: k, key: key}, nil
}

// OpenKeyring unlocks the vault with k and returns its Keyring.
//
// With a passphrase and a key.age (format 2), it opens key.age: one scrypt
// run. A wrong passphrase gives ErrWrongPassphrase; a key.age that is cut
// short or changed gives ErrTruncated or ErrDamaged; nothing is written.
//
// A vault of format 1 (every file sealed with the passphrase, no key.age)
// is migrated: the binder is opened with the passphrase, key.age is made,
// and the binder, the organisations' lists and the sharing key are sealed
// again to its recipient, each keeping its passphrase-sealed version as its
// backup. That costs one scrypt run for key.age and one for each file
// opened (two for a vault that holds only a binder, four at most), once.
// A migration cut short (a crash, a pulled-out stick) leaves a vault that
// opens with the same passphrase and finishes the migration.
//
// The migration writes only under the vault's lock: if the caller does not
// hold it, OpenKeyring takes it for the migration; if another process holds
// it, the migration waits for a later open, and the Keyring opens the
// passphrase-sealed files meanwhile.
//
// With an identity file, OpenKeyring checks that it opens the binder and
// returns a Keyring that seals to the identity's recipients.
func (v *Vault) OpenKeyring(k *Key) (*Keyring, error) {
	if !k.IsPassphrase() {
		if _, err := v.ReadFile(KeyName); err == nil {
			return nil, fmt.Errorf("opening %s: %w", v.Path(KeyName), ErrNeedsPassphrase)
		}
		binder, err := v.Read(false)
		if err != nil {
			return nil, err
		}
		if _, err := Open(binder, k); err != nil {
			return nil, fmt.Errorf("opening %s: %w", v.Path(CurrentName), err)
		}
		return &Keyring{key: k}, nil
	}
	sealed, err := v.ReadFile(KeyName)
	switch {
	case errors.Is(err, ErrNoVault):
		return v.migrate(k)
	case err != nil:
		return nil, err
	}
	key, err := openVaultKey(sealed, k)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", v.Path(KeyName), err)
	}
	kr := &Keyring{pass: k, key: key}
	// A migration cut short after key.age was written: finish it.
	if err := v.finishMigration(kr, nil, nil); err != nil {
		return nil, err
	}
	return kr, nil
}

// openVaultKey opens key.age with the passphrase and reads the identity.
func openVaultKey(sealed []byte, pass *Key) (*Key, error) {
	if len(sealed) == 0 {
		return nil, ErrTruncated
	}
	plain, err := Open(sealed, pass)
	if err != nil {
		if errors.Is(err, ErrNeedsIdentity) {
			return nil, fmt.Errorf("%w: not sealed with a passphrase", ErrDamaged)
		}
		return nil, err
	}
	ids, err := age.ParseIdentities(bytes.NewReader(plain))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	id, ok := ids[0].(*age.X25519Identity)
	if len(ids) != 1 || !ok {
		return nil, fmt.Errorf("%w: not one X25519 identity", ErrDamaged)
	}
	return &Key{identities: []age.Identity{id}, recipients: []age.Recipient{id.Recipient()}}, nil
}

// migrate turns a format 1 vault into a format 2 one (see OpenKeyring).
func (v *Vault) migrate(pass *Key) (*Keyring, error) {
	binder, err := v.Read(false)
	if err != nil {
		return nil, err
	}
	plain, err := Open(binder, pass)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", v.Path(CurrentName), err)
	}
	// The binder is sealed with this passphrase: it is the vault's.
	kr := &Keyring{pass: pass}
	held := v.lock != nil
	if !held {
		if err := v.Lock(); errors.Is(err, ErrLocked) {
			// Another process writes the vault: migrate another time.
			// Until then files sealed with the passphrase open as they are.
			kr.key = pass
			return kr, nil
		} else if err != nil {
			return nil, err
		}
		defer v.Unlock()
	}
	// Under the lock, another process may have migrated the vault meanwhile.
	if sealed, err := v.ReadFile(KeyName); err == nil {
		if kr.key, err = openVaultKey(sealed, pass); err != nil {
			return nil, fmt.Errorf("opening %s: %w", v.Path(KeyName), err)
		}
	} else {
		key, sealed, err := newVaultKey(pass)
		if err != nil {
			return nil, err
		}
		if err := v.writeAtomic(KeyName, sealed); err != nil {
			return nil, err
		}
		kr.key = key
	}
	if err := v.finishMigration(kr, binder, plain); err != nil {
		return nil, err
	}
	return kr, nil
}

// finishMigration seals again to the vault key each current file still
// sealed with the passphrase, keeping the passphrase-sealed version as its
// backup. The binder goes last; if its sealed bytes are binder, its plain
// bytes are known (no second scrypt run). It writes only under the lock;
// without it (another process holds it) it leaves the files as they are.
func (v *Vault) finishMigration(kr *Keyring, binder, binderPlain []byte) error {
	var todo []string
	for _, name := range []string{DirectoryName, identityName, CurrentName} {
		if sealed, err := v.ReadFile(name); err == nil && NeedsPassphrase(sealed) {
			todo = append(todo, name)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	if v.lock == nil {
		if err := v.Lock(); errors.Is(err, ErrLocked) {
			return nil
		} else if err != nil {
			return err
		}
		defer v.Unlock()
	}
	for _, name := range todo {
		old, err := v.ReadFile(name)
		if err != nil {
			return err
		}
		if !NeedsPassphrase(old) {
			continue
		}
		var plain []byte
		if name == CurrentName && binder != nil && bytes.Equal(old, binder) {
			plain = binderPlain
		} else {
			plain, err = Open(old, kr.pass)
		}
		if err != nil {
			if name == CurrentName {
				return fmt.Errorf("opening %s: %w", v.Path(name), err)
			}
			// A list or key under another passphrase (a format 1 change
			// cut short) stays as it is: format 1 could not open it either.
			continue
		}
		sealed, err := kr.Seal(plain)
		if err != nil {
			return err
		}
		if err := v.SaveFile(name, sealed, old); err != nil {
			return fmt.Errorf("migrating %s: %w", v.Path(name), err)
		}
	}
	return nil
}

// ChangePassphrase makes newPass the passphrase of the vault that kr
// unlocked. The caller must hold the lock.
//
// The vault key is replaced too, so that someone who knew the old
// passphrase and kept a copy of the old key.age cannot open what is saved
// afterwards. It goes in three steps, and the second, one atomic rename, is
// the change: every file is first sealed to both the old and the new key
// (files sealed with the old passphrase, left by a migration, included);
// then key.age is replaced by the new key sealed with newPass; then every
// file is sealed to the new key alone. Cut short before the rename, the
// vault opens with the old passphrase; after it, with the new one.
//
// It runs scrypt once for the new key.age, and once more for each file
// still sealed with the old passphrase. On success kr is the new Keyring.
func (v *Vault) ChangePassphrase(kr *Keyring, newPass *Key) error {
	if v.lock == nil {
		return ErrNotOwned
	}
	if !kr.IsPassphrase() {
		return ErrNoPassphraseVault
	}
	if !newPass.IsPassphrase() {
		return ErrNeedsPassphrase
	}
	if _, err := v.ReadFile(KeyName); err != nil {
		return fmt.Errorf("changing the passphrase: %s: %w", v.Path(KeyName), err)
	}
	v.removeTemps()
	plains := map[string][]byte{}
	for _, name := range sealedNames {
		sealed, err := v.ReadFile(name)
		if errors.Is(err, ErrNoVault) {
			continue
		}
		if err != nil {
			return err
		}
		plain, err := kr.Open(sealed)
		if err != nil {
			if strings.HasSuffix(name, ".previous.age") {
				// A backup the key cannot open is replaced by the current
				// version: nothing is left under the old passphrase.
				continue
			}
			return fmt.Errorf("opening %s: %w", v.Path(name), err)
		}
		plains[name] = plain
	}
	for _, name := range sealedNames {
		if _, ok := plains[name]; !ok && strings.HasSuffix(name, ".previous.age") {
			current, ok := plains[strings.TrimSuffix(name, ".previous.age")+".age"]
			if _, err := v.ReadFile(name); err == nil && ok {
				plains[name] = current
			}
		}
	}
	newKey, newSealed, err := newVaultKey(newPass)
	if err != nil {
		return err
	}
	both := &Key{recipients: append(append([]age.Recipient{}, kr.key.recipients...), newKey.recipients...)}
	for _, step := range []*Key{both, newKey} {
		for _, name := range sealedNames {
			plain, ok := plains[name]
			if !ok {
				continue
			}
			sealed, err := Seal(plain, step)
			if err != nil {
				return err
			}
			if err := v.writeAtomic(name, sealed); err != nil {
				return fmt.Errorf("changing the passphrase: %w", err)
			}
		}
		if step == both {
			if err := v.writeAtomic(KeyName, newSealed); err != nil {
				return fmt.Errorf("changing the passphrase: %w", err)
			}
			kr.pass, kr.key = newPass, newKey
		}
	}
	return nil
}
