package crypt

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// faultVault is a vault holding generation "old", sealed.
func faultVault(t *testing.T) (*Vault, []byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "usb", "vault")
	v, _ := At(dir)
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(v.Unlock)
	old, _ := Seal([]byte("old"), mustPass(t, "pass"))
	if err := v.Save(old, nil); err != nil {
		t.Fatal(err)
	}
	return v, old
}

// stillOld checks that the vault opens to the old version, with nothing
// left behind by the failed save.
func stillOld(t *testing.T, v *Vault) {
	t.Helper()
	sealed, err := v.Read(false)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Open(sealed, mustPass(t, "pass")); err != nil || string(got) != "old" {
		t.Fatalf("after the failed save the vault holds %q, %v", got, err)
	}
	entries, _ := os.ReadDir(v.Dir)
	for _, e := range entries {
		if e.Name() != CurrentName && e.Name() != BackupName && e.Name() != lockName {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func inject(t *testing.T, f func()) {
	t.Helper()
	ct, wt, rn := createTemp, writeTo, rename
	t.Cleanup(func() { createTemp, writeTo, rename = ct, wt, rn })
	f()
}

func TestSaveOnAFullDisk(t *testing.T) {
	v, _ := faultVault(t)
	inject(t, func() {
		writeTo = func(f *os.File, b []byte) (int, error) {
			n, _ := f.Write(b[:len(b)/2])
			return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
		}
	})
	newer, _ := Seal([]byte("new"), mustPass(t, "pass"))
	err := v.Save(newer, nil)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("a full disk: %v", err)
	}
	stillOld(t, v)
}

func TestSaveOnAReadOnlyDisk(t *testing.T) {
	v, _ := faultVault(t)
	inject(t, func() {
		createTemp = func(dir, pattern string) (*os.File, error) {
			return nil, &os.PathError{Op: "open", Path: dir, Err: syscall.EROFS}
		}
	})
	newer, _ := Seal([]byte("new"), mustPass(t, "pass"))
	if err := v.Save(newer, nil); !errors.Is(err, syscall.EROFS) {
		t.Fatalf("a read-only disk: %v", err)
	}
	stillOld(t, v)
}

// The USB stick is pulled out just before the save, and put back after.
func TestSaveWhenTheFolderDisappears(t *testing.T) {
	v, _ := faultVault(t)
	away := v.Dir + ".away"
	if err := os.Rename(v.Dir, away); err != nil {
		t.Fatal(err)
	}
	newer, _ := Seal([]byte("new"), mustPass(t, "pass"))
	err := v.Save(newer, nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a folder that is gone: %v", err)
	}
	if _, err := os.Stat(v.Dir); err == nil {
		t.Fatal("the save made the folder again somewhere else")
	}
	if err := os.Rename(away, v.Dir); err != nil {
		t.Fatal(err)
	}
	stillOld(t, v)
}

// Pulled out between writing the file and putting it in place.
func TestSaveWhenTheRenameFails(t *testing.T) {
	v, _ := faultVault(t)
	inject(t, func() {
		rename = func(from, to string) error {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
		}
	})
	newer, _ := Seal([]byte("new"), mustPass(t, "pass"))
	if err := v.Save(newer, nil); !errors.Is(err, syscall.EIO) {
		t.Fatalf("an input/output error: %v", err)
	}
	stillOld(t, v)
}
