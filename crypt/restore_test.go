package crypt

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// restorePlains is what a backup gives Restore: the plaintext of each
// file, a file a later pathway adds (ledger.age) among them.
func restorePlains() map[string][]byte {
	return map[string][]byte{
		CurrentName:            binderOf(1),
		BackupName:             binderOf(0),
		DirectoryName:          []byte(`{"lists":[]}`),
		"ledger.age":           []byte(`{"consents":[]}`),
		BackupOf("ledger.age"): []byte(`{"consents":["old"]}`),
	}
}

// lockedVault is a vault in a new folder, locked by the test.
func lockedVault(t *testing.T) *Vault {
	t.Helper()
	v, err := At(filepath.Join(t.TempDir(), "vault"))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(v.Unlock)
	return v
}

func TestRestoreIntoAnEmptyVault(t *testing.T) {
	v := lockedVault(t)
	pass := mustPass(t, testPass)
	before := runs()
	if _, err := v.Restore(pass, restorePlains(), false); err != nil {
		t.Fatal(err)
	}
	if n := runs() - before; n != 1 {
		t.Errorf("Restore ran scrypt %d times, want 1 (sealing key.age)", n)
	}
	// A new session opens every file with the passphrase.
	kr, err := v.OpenKeyring(pass)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range restorePlains() {
		sealed, err := v.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !isX25519(sealed) {
			t.Errorf("%s is not sealed to the vault key", name)
		}
		got, err := kr.Open(sealed)
		if err != nil || string(got) != string(want) {
			t.Errorf("%s opens to %.40q, %v", name, got, err)
		}
	}
	names, err := v.Names()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{CurrentName, BackupName, DirectoryName, "ledger.age", BackupOf("ledger.age")}; !slices.Equal(names, want) {
		t.Errorf("Names() = %v, want %v", names, want)
	}
	for name := range snapshot(t, v.Dir) {
		if !slices.Contains(append(names, KeyName, lockName), name) {
			t.Errorf("left behind: %s", name)
		}
	}
}

func TestRestoreRefusesAVaultWithFiles(t *testing.T) {
	v := lockedVault(t)
	pass := mustPass(t, testPass)
	if _, err := v.Create(pass); err != nil {
		t.Fatal(err)
	}
	kr, err := v.OpenKeyring(pass)
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := kr.Seal([]byte("the plans there now"))
	if err := v.Save(sealed, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, v.Dir)
	if _, err := v.Restore(pass, restorePlains(), false); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Restore over a vault with plans: %v, want ErrNotEmpty", err)
	}
	sameFiles(t, before, snapshot(t, v.Dir))

	// With replace, the files go, and none sealed to the old key stays.
	if err := v.SaveFile(identityName, sealed, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Restore(pass, restorePlains(), true); err != nil {
		t.Fatal(err)
	}
	if _, err := v.ReadFile(identityName); !errors.Is(err, ErrNoVault) {
		t.Errorf("identity.age of the old vault is still there: %v", err)
	}
	kr, err = v.OpenKeyring(pass)
	if err != nil {
		t.Fatal(err)
	}
	got, err := v.Read(false)
	if err != nil {
		t.Fatal(err)
	}
	if plain, err := kr.Open(got); err != nil || string(plain) != string(binderOf(1)) {
		t.Errorf("binder after --replace: %.40q, %v", plain, err)
	}
}

func TestRestoreRefusesBadNames(t *testing.T) {
	v := lockedVault(t)
	for _, name := range []string{"../binder.age", "key.age", "Binder.age", "binder.txt", ".saving-1.age", "a/b.age"} {
		plains := restorePlains()
		plains[name] = []byte("x")
		if _, err := v.Restore(mustPass(t, testPass), plains, false); !errors.Is(err, ErrDamaged) {
			t.Errorf("Restore with %q: %v, want ErrDamaged", name, err)
		}
	}
	plains := restorePlains()
	delete(plains, CurrentName)
	if _, err := v.Restore(mustPass(t, testPass), plains, false); !errors.Is(err, ErrDamaged) {
		t.Errorf("Restore without a binder: %v, want ErrDamaged", err)
	}
	if entries, _ := os.ReadDir(v.Dir); len(entries) != 1 {
		t.Errorf("the refused restores left %d files, want the lock only", len(entries))
	}
}

// A restore that fails while it writes (a full disk, the stick pulled out)
// leaves every file as it was: nothing is renamed until all are written.
func TestRestoreOnAFullDiskChangesNothing(t *testing.T) {
	v := lockedVault(t)
	pass := mustPass(t, testPass)
	if _, err := v.Restore(pass, map[string][]byte{CurrentName: binderOf(7)}, false); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, v.Dir)
	for _, failAt := range []int{1, 3, 5, 6} {
		n := 0
		inject(t, func() {
			writeTo = func(f *os.File, b []byte) (int, error) {
				if n++; n == failAt {
					return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
				}
				return f.Write(b)
			}
		})
		_, err := v.Restore(pass, restorePlains(), true)
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("write %d failing: %v, want ENOSPC", failAt, err)
		}
		sameFiles(t, before, snapshot(t, v.Dir))
	}
}

func TestRestoreWithAnIdentity(t *testing.T) {
	v := lockedVault(t)
	secret, _, err := GenerateIdentity(true)
	if err != nil {
		t.Fatal(err)
	}
	id, err := ParseIdentities(strings.NewReader(secret))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Restore(id, restorePlains(), false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(v.Path(KeyName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a vault restored with an identity has a key.age: %v", err)
	}
	kr, err := v.OpenKeyring(id)
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := v.ReadFile("ledger.age")
	if got, err := kr.Open(sealed); err != nil || string(got) != `{"consents":[]}` {
		t.Errorf("ledger.age opens to %q, %v", got, err)
	}
}

// A restore cut short among its renames (a crash in those milliseconds;
// here a rename that fails after k others) may leave a vault that does not
// open; the same restore run again, with replace, finishes it: every file
// opens to what the backup holds.
func TestRestoreCutShortThenAgain(t *testing.T) {
	pass := mustPass(t, testPass)
	for k := 0; k <= len(restorePlains()); k++ {
		v := lockedVault(t)
		if _, err := v.Restore(pass, map[string][]byte{CurrentName: binderOf(7), identityName: []byte("old key")}, false); err != nil {
			t.Fatal(err)
		}
		n := 0
		inject(t, func() {
			rename = func(from, to string) error {
				if n++; n > k {
					return &os.PathError{Op: "rename", Path: to, Err: syscall.EIO}
				}
				return os.Rename(from, to)
			}
		})
		if _, err := v.Restore(pass, restorePlains(), true); err == nil {
			t.Fatalf("k=%d: the failing rename was not reported", k)
		}
		inject(t, func() { rename = os.Rename })
		if _, err := v.Restore(pass, restorePlains(), true); err != nil {
			t.Fatalf("k=%d: again: %v", k, err)
		}
		kr, err := v.OpenKeyring(pass)
		if err != nil {
			t.Fatalf("k=%d: %v", k, err)
		}
		for name, want := range restorePlains() {
			sealed, _ := v.ReadFile(name)
			if got, err := kr.Open(sealed); err != nil || string(got) != string(want) {
				t.Errorf("k=%d: %s opens to %.30q, %v", k, name, got, err)
			}
		}
		if _, err := v.ReadFile(identityName); !errors.Is(err, ErrNoVault) {
			t.Errorf("k=%d: the old vault's identity.age is still there", k)
		}
	}
}
