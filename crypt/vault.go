package crypt

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// The files of a vault.
const (
	CurrentName   = "binder.age"          // the binder as last saved
	BackupName    = "binder.previous.age" // the version before it
	DirectoryName = "directory.age"       // resource lists the person imported
	SharesName    = "shares.age"          // the consent ledger: what was shared, with whom
	lockName      = "pathway.lock"        // empty; locked while a process writes
	tempPrefix    = ".saving-"            // a save in progress
)

// More errors of the vault.
var (
	ErrNoVault  = errors.New("there is no vault here yet")
	ErrLocked   = errors.New("another pathway is using this vault")
	ErrUnsafe   = errors.New("the vault folder can be read or changed by other users")
	ErrNotDir   = errors.New("the vault path is not a folder")
	ErrNotOwned = errors.New("the vault is not locked by this process")
	// ErrNotYours is returned for a vault folder that belongs to another
	// user, who could change what is in it whatever its mode.
	ErrNotYours = errors.New("the vault folder belongs to another user")
	// ErrNotRegular is returned, wrapped in an *fs.PathError naming the
	// file, for a file of the vault that is not an ordinary file: a link,
	// a pipe (FIFO), a device or a folder. pathway neither follows nor
	// opens it, so it never reads or writes outside the vault, and never
	// waits for ever on a pipe.
	ErrNotRegular = errors.New("not an ordinary file (a link, a pipe or a device)")
)

// notRegular is the error for a file of the vault that is not an ordinary
// file.
func notRegular(path string) error {
	return &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
}

// A Vault is a directory that holds sealed files, each with its backup,
// and (format 2, see OpenKeyring) the key they are sealed to.
type Vault struct {
	Dir  string
	lock *os.File
}

// At returns the vault in dir. It checks that dir, if it exists, is a
// folder that belongs to the user running pathway (ErrNotYours) and that
// only its owner can change (ErrUnsafe); it creates nothing.
func At(dir string) (*Vault, error) {
	dir = filepath.Clean(dir)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Vault{Dir: dir}, nil
	case err != nil:
		return nil, fmt.Errorf("vault %s: %w", dir, err)
	case !fi.IsDir():
		return nil, fmt.Errorf("%w: %s", ErrNotDir, dir)
	}
	if err := checkOwner(dir, fi); err != nil {
		return nil, err
	}
	switch {
	case runtime.GOOS != "windows" && fi.Mode().Perm()&0o022 != 0:
		// Others could replace or remove the files. (A folder others can
		// only read is allowed: what it holds is sealed, and a USB stick
		// formatted FAT shows every folder as 0755, which chmod cannot
		// change. pathway makes its own folders 0700.)
		return nil, fmt.Errorf("%w: %s has mode %04o, wants 0700", ErrUnsafe, dir, fi.Mode().Perm())
	}
	return &Vault{Dir: dir}, nil
}

// Path returns the path of a file of the vault.
func (v *Vault) Path(name string) string { return filepath.Join(v.Dir, name) }

// Exists reports whether the vault holds a sealed file: whether anything
// is there under its name (a link or a pipe too, which ReadFile refuses).
func (v *Vault) Exists() bool {
	_, err := os.Lstat(v.Path(CurrentName))
	return err == nil
}

// Read returns the sealed bytes of the current file, or of the backup.
func (v *Vault) Read(backup bool) ([]byte, error) {
	if backup {
		return v.ReadFile(BackupName)
	}
	return v.ReadFile(CurrentName)
}

// ReadFile returns the sealed bytes of a file of the vault; ErrNoVault if
// there is none, ErrNotRegular if what is there is not an ordinary file.
func (v *Vault) ReadFile(name string) ([]byte, error) {
	f, err := openFile(v.Path(name), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoVault
	}
	if errors.Is(err, ErrNotRegular) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("reading vault: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxSealed+1))
	if err != nil {
		return nil, fmt.Errorf("reading vault: %w", err)
	}
	if len(b) > MaxSealed {
		return nil, ErrTooBig
	}
	return b, nil
}

// Lock takes the vault's write lock, creating the folder (mode 0700) if it
// does not exist. It fails at once with ErrLocked if another process holds
// the lock. The lock ends with Unlock or with the process. A link or
// anything but an ordinary file at pathway.lock is refused (ErrNotRegular):
// the lock is never created outside the vault.
func (v *Vault) Lock() error {
	if v.lock != nil {
		return nil
	}
	if err := os.MkdirAll(v.Dir, 0o700); err != nil {
		return fmt.Errorf("creating vault: %w", err)
	}
	f, err := openFile(v.Path(lockName), os.O_RDWR|os.O_CREATE, 0o600)
	if errors.Is(err, ErrNotRegular) {
		return err
	}
	if err != nil {
		return fmt.Errorf("locking vault: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return err
	}
	v.lock = f
	return nil
}

// Unlock lets other processes write the vault again.
func (v *Vault) Unlock() {
	if v.lock != nil {
		unlockFile(v.lock)
		v.lock.Close()
		v.lock = nil
	}
}

// Save replaces the current file with sealed, atomically: at every moment
// the vault holds either the old file or the new one, whole. The old file
// becomes the backup; if backup is not nil it is written as the backup
// instead (used when the passphrase changes, so that no copy under the old
// passphrase stays behind). The caller must hold the lock.
func (v *Vault) Save(sealed, backup []byte) error {
	return v.SaveFile(CurrentName, sealed, backup)
}

// BackupOf returns the name of the backup of a vault file:
// "directory.age" is kept as "directory.previous.age".
func BackupOf(name string) string {
	return strings.TrimSuffix(name, ".age") + ".previous.age"
}

// SaveFile saves a sealed file of the vault under name, as Save does for
// the binder: atomically, the old version kept as its backup.
func (v *Vault) SaveFile(name string, sealed, backup []byte) error {
	if v.lock == nil {
		return ErrNotOwned
	}
	if strings.ContainsAny(name, `/\`) || !strings.HasSuffix(name, ".age") || strings.HasSuffix(name, ".previous.age") {
		return fmt.Errorf("saving: %q is not a name for a vault file", name)
	}
	v.removeTemps()
	if backup == nil {
		old, err := v.ReadFile(name)
		switch {
		case err == nil:
			backup = old
		case !errors.Is(err, ErrNoVault):
			return err
		}
	}
	if backup != nil {
		if err := v.writeAtomic(BackupOf(name), backup); err != nil {
			return err
		}
	}
	return v.writeAtomic(name, sealed)
}

// The file operations of a save, replaced by tests to inject faults: a
// full disk, a read-only file system, a folder that disappears.
// os.CreateTemp opens with O_CREATE|O_EXCL, which never follows a link;
// rename replaces whatever has the name (a link, a pipe) and never writes
// through it.
var (
	createTemp = os.CreateTemp
	writeTo    = func(f *os.File, b []byte) (int, error) { return f.Write(b) }
	rename     = os.Rename
)

// writeAtomic writes a temporary file in the vault, syncs it, renames it
// over name and syncs the folder.
func (v *Vault) writeAtomic(name string, data []byte) (err error) {
	f, err := createTemp(v.Dir, tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("saving: %w", err)
	}
	if _, err := writeTo(f, data); err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	if err := rename(tmp, v.Path(name)); err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	return syncDir(v.Dir)
}

// removeTemps removes what a save that was interrupted left behind. The
// files are sealed, so nothing readable is lost or leaked either way.
func (v *Vault) removeTemps() {
	entries, _ := os.ReadDir(v.Dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			os.Remove(v.Path(e.Name()))
		}
	}
}

// Wipe overwrites every file of the vault with random bytes, removes them
// and the folder, and returns the paths it removed. The caller must hold
// the lock. On SSDs and flash memory, overwriting does not reach every
// copy the drive may keep: what protects the content is the encryption.
func (v *Vault) Wipe() ([]string, error) {
	if v.lock == nil {
		return nil, ErrNotOwned
	}
	entries, err := os.ReadDir(v.Dir)
	if err != nil {
		return nil, fmt.Errorf("wiping: %w", err)
	}
	var removed []string
	for _, e := range entries {
		// Only pathway's own files: a vault given as a folder that holds
		// other things (a USB stick's root, a home folder) keeps them.
		if e.Name() == lockName || !e.Type().IsRegular() || !IsVaultFile(e.Name()) {
			continue
		}
		p := v.Path(e.Name())
		if err := overwrite(p); err != nil {
			return removed, fmt.Errorf("wiping %s: %w", p, err)
		}
		if err := os.Remove(p); err != nil {
			return removed, fmt.Errorf("wiping %s: %w", p, err)
		}
		removed = append(removed, p)
	}
	v.Unlock()
	if err := os.Remove(v.Path(lockName)); err == nil {
		removed = append(removed, v.Path(lockName))
	}
	if err := os.Remove(v.Dir); err == nil {
		removed = append(removed, v.Dir)
	}
	return removed, syncDir(filepath.Dir(v.Dir))
}

// IsVaultFile reports whether name is one of the files pathway writes in
// a vault: a sealed file, its backup, or a save that was interrupted.
func IsVaultFile(name string) bool {
	return strings.HasPrefix(name, tempPrefix) || strings.HasSuffix(name, ".age") &&
		slices.Contains([]string{CurrentName, DirectoryName, identityName, KeyName, SharesName}, strings.Replace(name, ".previous.age", ".age", 1))
}

func overwrite(path string) error {
	f, err := openFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if _, err := io.CopyN(f, rand.Reader, fi.Size()); err != nil {
		return err
	}
	return f.Sync()
}

// ErrExists is returned when a file would be written over.
var ErrExists = errors.New("a pathway vault is there already")

// WriteNew writes sealed as the binder of a new vault in dir, atomically,
// and leaves nothing else there: no lock, no backup. It is for taking a
// binder away (outreach mode writes it to a USB stick); it refuses to
// write over a vault that is there.
func WriteNew(dir string, sealed []byte) error {
	v, err := At(dir)
	if err != nil {
		return err
	}
	if v.Exists() {
		return ErrExists
	}
	if err := os.MkdirAll(v.Dir, 0o700); err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	return v.writeAtomic(CurrentName, sealed)
}
