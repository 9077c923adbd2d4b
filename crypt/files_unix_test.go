//go:build unix

package crypt

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// promptly runs f and fails the test if it has not returned within a few
// seconds: a read of a pipe with no writer would wait for ever.
func promptly(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s still waiting after 5s", what)
		return nil
	}
}

// wantNotRegular checks that err is ErrNotRegular, naming path.
func wantNotRegular(t *testing.T, err error, path string) {
	t.Helper()
	var pe *fs.PathError
	if !errors.Is(err, ErrNotRegular) || !errors.As(err, &pe) || pe.Path != path {
		t.Fatalf("got %v, want ErrNotRegular for %s", err, path)
	}
}

// sealedVault makes a vault with a key and a binder, saved as pathway saves.
func sealedVault(t *testing.T) (*Vault, *Key) {
	t.Helper()
	v, err := At(filepath.Join(t.TempDir(), "vault"))
	if err != nil {
		t.Fatal(err)
	}
	pass := mustPass(t, "correct horse battery staple")
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	kr, err := v.Create(pass)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := kr.Seal([]byte(`{"format": 1}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Save(sealed, nil); err != nil {
		t.Fatal(err)
	}
	v.Unlock()
	return v, pass
}

func TestVaultRefusesPipes(t *testing.T) {
	for _, name := range []string{CurrentName, BackupName, KeyName, DirectoryName, identityName} {
		t.Run(name, func(t *testing.T) {
			v, pass := sealedVault(t)
			p := v.Path(name)
			os.Remove(p)
			if err := unix.Mkfifo(p, 0o600); err != nil {
				t.Fatal(err)
			}
			err := promptly(t, "ReadFile of a pipe", func() error { _, err := v.ReadFile(name); return err })
			wantNotRegular(t, err, p)
			if name == KeyName {
				err := promptly(t, "OpenKeyring", func() error { _, err := v.OpenKeyring(pass); return err })
				wantNotRegular(t, err, p)
			}
			// A save reads the old version first: refused too, and the
			// pipe stays as it was.
			if name == CurrentName || name == DirectoryName {
				if err := v.Lock(); err != nil {
					t.Fatal(err)
				}
				err := promptly(t, "SaveFile", func() error { return v.SaveFile(name, []byte("new"), nil) })
				wantNotRegular(t, err, p)
				v.Unlock()
				if fi, err := os.Lstat(p); err != nil || fi.Mode().Type() != fs.ModeNamedPipe {
					t.Fatalf("the pipe was replaced: %v %v", fi, err)
				}
			}
		})
	}
}

func TestVaultRefusesLinks(t *testing.T) {
	v, pass := sealedVault(t)
	// binder.age a link to a real binder outside the vault.
	outside := filepath.Join(t.TempDir(), "binder.age")
	if err := os.Rename(v.Path(CurrentName), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, v.Path(CurrentName)); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, outside)
	if !v.Exists() {
		t.Error("Exists does not see the link")
	}
	_, err := v.Read(false)
	wantNotRegular(t, err, v.Path(CurrentName))
	// key.age a link as well.
	if err := os.Rename(v.Path(KeyName), outside+".key"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside+".key", v.Path(KeyName)); err != nil {
		t.Fatal(err)
	}
	_, err = v.OpenKeyring(pass)
	wantNotRegular(t, err, v.Path(KeyName))
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	defer v.Unlock()
	err = v.Save([]byte("new"), nil)
	wantNotRegular(t, err, v.Path(CurrentName))
	if got := readFile(t, outside); string(got) != string(before) {
		t.Error("the file behind the link changed")
	}
	// A dangling link is refused too, not taken for no binder at all.
	if err := os.Remove(outside); err != nil {
		t.Fatal(err)
	}
	_, err = v.Read(false)
	wantNotRegular(t, err, v.Path(CurrentName))
	_, err = v.Create(pass)
	wantNotRegular(t, err, v.Path(CurrentName))
	if _, err := os.Lstat(outside); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("something was written behind the dangling link: %v", err)
	}
}

func TestVaultLockRefusesLinksAndPipes(t *testing.T) {
	outsideDir := t.TempDir()
	for _, c := range []struct {
		name string
		make func(lock, outside string) error
	}{
		{"dangling link", func(lock, outside string) error { return os.Symlink(outside, lock) }},
		{"relative dangling link", func(lock, outside string) error {
			rel, err := filepath.Rel(filepath.Dir(lock), outside)
			if err != nil {
				return err
			}
			return os.Symlink(rel, lock)
		}},
		{"link to a file", func(lock, outside string) error {
			if err := os.WriteFile(outside, []byte("someone else's file\n"), 0o644); err != nil {
				return err
			}
			return os.Symlink(outside, lock)
		}},
		{"pipe", func(lock, outside string) error { return unix.Mkfifo(lock, 0o600) }},
		{"folder", func(lock, outside string) error { return os.Mkdir(lock, 0o700) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _ := sealedVault(t)
			lock := v.Path(lockName)
			os.Remove(lock)
			outside := filepath.Join(outsideDir, filepath.Base(t.Name())+".lock")
			if err := c.make(lock, outside); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(outside)
			err := promptly(t, "Lock", v.Lock)
			wantNotRegular(t, err, lock)
			if v.lock != nil {
				t.Fatal("the vault is locked")
			}
			after, err := os.ReadFile(outside)
			if before == nil && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the lock was created outside the vault, at %s", outside)
			}
			if before != nil && string(after) != string(before) {
				t.Errorf("the file behind the link changed: %q", after)
			}
		})
	}
}

func TestVaultWipeThroughNoLink(t *testing.T) {
	v, _ := sealedVault(t)
	outside := filepath.Join(t.TempDir(), "keep.age")
	if err := os.WriteFile(outside, []byte("not pathway's"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, v.Path(DirectoryName)); err != nil {
		t.Fatal(err)
	}
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Wipe(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, outside); string(got) != "not pathway's" {
		t.Errorf("wiping went through a link: %q", got)
	}
}

// TestVaultRefusesAnotherUsersFolder gives the vault folder to another
// user (nobody, 65534), which only root can do: it is refused whatever
// its mode, and given back it is accepted again.
func TestVaultRefusesAnotherUsersFolder(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("only root can give a folder to another user")
	}
	v, _ := sealedVault(t)
	if err := os.Chown(v.Dir, 65534, -1); err != nil {
		t.Fatal(err)
	}
	_, err := At(v.Dir)
	if !errors.Is(err, ErrNotYours) {
		t.Fatalf("At of a folder of user 65534: %v", err)
	}
	// Through a link to it too.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(v.Dir, link); err != nil {
		t.Fatal(err)
	}
	if _, err := At(link); !errors.Is(err, ErrNotYours) {
		t.Fatalf("At of a link to a folder of user 65534: %v", err)
	}
	if err := WriteNew(v.Dir, []byte("sealed")); !errors.Is(err, ErrNotYours) {
		t.Fatalf("WriteNew in a folder of user 65534: %v", err)
	}
	if err := os.Chown(v.Dir, os.Getuid(), -1); err != nil {
		t.Fatal(err)
	}
	if _, err := At(v.Dir); err != nil {
		t.Fatalf("At of one's own folder: %v", err)
	}
}
