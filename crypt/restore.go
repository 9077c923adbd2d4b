package crypt

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
)

// validName is what the name of a sealed file of a vault looks like:
// lower-case letters, digits, "-" and "_", then ".age" (or
// ".previous.age" for its backup). Nothing with a folder in it.
var validName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}(\.previous)?\.age$`)

// ValidName reports whether name can be a sealed file of a vault that a
// backup holds and Restore writes: no folder, no key.age.
func ValidName(name string) bool {
	return validName.MatchString(name) && name != KeyName
}

// Names returns the sealed files the vault holds now, sorted: every
// ordinary file whose name is a ValidName. It reads the folder rather
// than a fixed list, so that a file a later pathway adds to the vault
// (a ledger, a list of trusted keys) is in every backup with no change
// here. A file that is not the vault's (the vault may be a USB stick's
// root) is listed too: the Keyring will not open it.
func (v *Vault) Names() ([]string, error) {
	entries, err := os.ReadDir(v.Dir)
	if err != nil {
		return nil, fmt.Errorf("reading vault: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && ValidName(e.Name()) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names, nil
}

// ErrNotEmpty is returned by Restore for a vault that already holds
// sealed files, when it was not told to replace them.
var ErrNotEmpty = errors.New("the vault already holds files")

// restoreOrder sorts names in the order Restore renames them into place:
// everything else first, then the binder's backup, then the binder. A
// restore cut short before its last rename leaves no binder.age that a
// key.age of another vault would fail to open.
func restoreOrder(names []string) []string {
	out := slices.Clone(names)
	rank := func(n string) int {
		switch n {
		case BackupName:
			return 1
		case CurrentName:
			return 2
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b string) int { return rank(a) - rank(b) })
	return out
}

// Restore puts files back into the vault: plains holds each sealed file's
// plaintext under its vault name, and must hold the binder. The caller
// must hold the lock.
//
// With a passphrase, Restore makes a new vault key, sealed with it as
// key.age (one scrypt run), and seals every file to it; with an identity
// file, it seals every file to the identity's recipients and the vault has
// no key.age.
//
// Nothing is renamed until every file is sealed and written beside, under
// a temporary name, and flushed: a refusal or a full disk leaves every file
// as it was. Then each is renamed into place, the binder last.
//
// Without replace, a vault that holds any of pathway's files (IsVaultFile:
// a key.age alone, left by a first run cut short, aside) or a file of the
// same name as one to restore is refused with ErrNotEmpty. With replace,
// the files are written over, and pathway's own files that plains does not
// name are removed after the last rename, so that nothing sealed to the old
// key stays.
func (v *Vault) Restore(k *Key, plains map[string][]byte, replace bool) (*Keyring, error) {
	if v.lock == nil {
		return nil, ErrNotOwned
	}
	if _, ok := plains[CurrentName]; !ok {
		return nil, fmt.Errorf("restoring: %w: no %s", ErrDamaged, CurrentName)
	}
	var names []string
	for name := range plains {
		if !ValidName(name) {
			return nil, fmt.Errorf("restoring: %w: %q is not a name for a vault file", ErrDamaged, name)
		}
		names = append(names, name)
	}
	slices.Sort(names)
	have, err := v.Names()
	if err != nil {
		return nil, err
	}
	if !replace {
		for _, name := range have {
			if IsVaultFile(name) || plains[name] != nil {
				return nil, fmt.Errorf("%w: %s", ErrNotEmpty, v.Path(name))
			}
		}
	}
	v.removeTemps()

	kr := &Keyring{key: k}
	var keySealed []byte
	if k.IsPassphrase() {
		key, sealed, err := newVaultKey(k)
		if err != nil {
			return nil, err
		}
		kr = &Keyring{pass: k, key: key}
		keySealed = sealed
	} else if len(k.recipients) == 0 {
		return nil, ErrBadIdentity
	}

	temps := map[string]string{}
	defer func() {
		for _, tmp := range temps {
			os.Remove(tmp)
		}
	}()
	for _, name := range names {
		sealed, err := kr.Seal(plains[name])
		if err != nil {
			return nil, err
		}
		if temps[name], err = v.writeTemp(sealed); err != nil {
			return nil, fmt.Errorf("restoring: %w", err)
		}
	}
	if keySealed != nil {
		if temps[KeyName], err = v.writeTemp(keySealed); err != nil {
			return nil, fmt.Errorf("restoring: %w", err)
		}
		if err := rename(temps[KeyName], v.Path(KeyName)); err != nil {
			return nil, fmt.Errorf("restoring: %w", err)
		}
		delete(temps, KeyName)
	} else if err := os.Remove(v.Path(KeyName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("restoring: %w", err)
	}
	for _, name := range restoreOrder(names) {
		if err := rename(temps[name], v.Path(name)); err != nil {
			return nil, fmt.Errorf("restoring: %w", err)
		}
		delete(temps, name)
	}
	for _, name := range have {
		if _, ok := plains[name]; !ok && IsVaultFile(name) {
			if err := os.Remove(v.Path(name)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("restoring: %w", err)
			}
		}
	}
	return kr, syncDir(v.Dir)
}

// writeTemp writes data to a new temporary file of the vault, mode 0600,
// flushed to the disk, and returns its path. A save that finds it later
// (the restore was cut short) removes it.
func (v *Vault) writeTemp(data []byte) (path string, err error) {
	f, err := createTemp(v.Dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return "", err
	}
	if _, err := writeTo(f, data); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}
