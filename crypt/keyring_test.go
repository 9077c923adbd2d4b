package crypt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"
)

const (
	testPass  = "lantern-orchard-velvet"
	otherPass = "harbour-copper-meadow"
)

// binderOf is a recognisable binder of about 20 KB (the size of a full
// plan), different for each n.
func binderOf(n int) []byte {
	line := fmt.Sprintf(`{"format":1,"save":%d,"note":"Mei 416 555 0123"}`+"\n", n)
	return bytes.Repeat([]byte(line), 20<<10/len(line))
}

// snapshot returns every file of a folder and its bytes.
func snapshot(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		out[e.Name()] = readFile(t, filepath.Join(dir, e.Name()))
	}
	return out
}

func sameFiles(t testing.TB, before, after map[string][]byte) {
	t.Helper()
	for name, b := range before {
		if !bytes.Equal(b, after[name]) {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was written", name)
		}
	}
}

// format1Vault makes a vault as pathway did before key.age, with today's
// code path: every file sealed with the passphrase, saved with Save and
// SaveFile. The binder is saved twice, so it has a backup.
func format1Vault(t testing.TB, dir string, pass string, withLists bool) (*Vault, map[string][]byte) {
	t.Helper()
	v, err := At(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	defer v.Unlock()
	k := mustPass(t, pass)
	plains := map[string][]byte{CurrentName: binderOf(2), BackupName: binderOf(1)}
	for _, n := range []int{1, 2} {
		s, err := Seal(binderOf(n), k)
		if err != nil {
			t.Fatal(err)
		}
		if err := v.Save(s, nil); err != nil {
			t.Fatal(err)
		}
	}
	if withLists {
		plains[DirectoryName] = []byte(`{"lists":[{"name":"Invented Outreach","phone":"+1 416 555 0142"}]}`)
		secret, _, err := GenerateIdentity(true)
		if err != nil {
			t.Fatal(err)
		}
		plains[identityName] = []byte(secret + "\n")
		for _, name := range []string{DirectoryName, identityName} {
			s, err := Seal(plains[name], k)
			if err != nil {
				t.Fatal(err)
			}
			if err := v.SaveFile(name, s, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	return v, plains
}

func runs() int64 { return scryptRuns.Load() }

// isX25519 reports whether a sealed file has X25519 recipients only.
func isX25519(sealed []byte) bool {
	types, err := stanzaTypes(sealed)
	return err == nil && len(types) > 0 && !slices.ContainsFunc(types, func(s string) bool { return s != "X25519" })
}

func TestKeyringCreateThenSavesRunNoScrypt(t *testing.T) {
	v, _ := At(filepath.Join(t.TempDir(), "vault"))
	if _, err := v.Create(mustPass(t, testPass)); !errors.Is(err, ErrNotOwned) {
		t.Fatalf("Create without the lock: %v", err)
	}
	v.Lock()
	defer v.Unlock()
	before := runs()
	kr, err := v.Create(mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	if n := runs() - before; n != 1 {
		t.Fatalf("Create ran scrypt %d times, want 1", n)
	}
	key := readFile(t, v.Path(KeyName))
	if !NeedsPassphrase(key) {
		t.Fatal("key.age is not sealed with the passphrase")
	}
	before = runs()
	var took []time.Duration
	for i := range 10 {
		start := time.Now()
		s, err := kr.Seal(binderOf(i))
		if err != nil {
			t.Fatal(err)
		}
		if err := v.Save(s, nil); err != nil {
			t.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	if n := runs() - before; n != 0 {
		t.Fatalf("10 saves ran scrypt %d times, want 0", n)
	}
	for _, name := range []string{CurrentName, BackupName} {
		if s := readFile(t, v.Path(name)); !isX25519(s) {
			t.Errorf("%s is not sealed to the vault key: %q", name, s[:60])
		}
	}
	if _, err := v.Create(mustPass(t, testPass)); !errors.Is(err, ErrExists) {
		t.Fatalf("Create over a vault: %v", err)
	}

	// A new session: one scrypt run, and the last save is there.
	before = runs()
	kr2, err := (&Vault{Dir: v.Dir}).OpenKeyring(mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	if n := runs() - before; n != 1 {
		t.Fatalf("opening ran scrypt %d times, want 1", n)
	}
	got, err := kr2.Open(readFile(t, v.Path(CurrentName)))
	if err != nil || !bytes.Equal(got, binderOf(9)) {
		t.Fatalf("the binder opens to %.40q, %v", got, err)
	}
	if n := runs() - before; n != 1 {
		t.Fatalf("opening the binder ran scrypt")
	}

	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	median := took[len(took)/2]
	if testing.Short() {
		t.Logf("median save %v (not compared with scrypt at 18 in -short)", median)
		return
	}
	// One scrypt at the shipped work factor, for comparison.
	start := time.Now()
	if _, err := Seal([]byte("x"), mustPass(t, testPass).WithWorkFactor(18)); err != nil {
		t.Fatal(err)
	}
	scrypt := time.Since(start)
	runtime.GC()
	t.Logf("median save %v, one scrypt at work factor 18 %v: ratio 1:%.0f", median, scrypt, float64(scrypt)/float64(median))
	if median*10 > scrypt {
		t.Errorf("a save (%v) is not much faster than one scrypt (%v)", median, scrypt)
	}
}

func TestKeyringWrongPassphraseWritesNothing(t *testing.T) {
	// Format 2.
	v, _ := At(filepath.Join(t.TempDir(), "v2"))
	v.Lock()
	kr, err := v.Create(mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := kr.Seal(binderOf(1))
	v.Save(s, nil)
	v.Unlock()
	before := snapshot(t, v.Dir)
	if _, err := v.OpenKeyring(mustPass(t, otherPass)); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("format 2, wrong passphrase: %v", err)
	}
	sameFiles(t, before, snapshot(t, v.Dir))

	// Format 1: not migrated.
	v1, _ := format1Vault(t, filepath.Join(t.TempDir(), "v1"), testPass, true)
	before = snapshot(t, v1.Dir)
	if _, err := v1.OpenKeyring(mustPass(t, otherPass)); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("format 1, wrong passphrase: %v", err)
	}
	sameFiles(t, before, snapshot(t, v1.Dir))
}

func TestKeyringMigratesFormat1(t *testing.T) {
	for _, lists := range []bool{false, true} {
		t.Run(fmt.Sprintf("lists=%v", lists), func(t *testing.T) {
			v, plains := format1Vault(t, filepath.Join(t.TempDir(), "vault"), testPass, lists)
			old := snapshot(t, v.Dir)
			before := runs()
			kr, err := v.OpenKeyring(mustPass(t, testPass))
			if err != nil {
				t.Fatal(err)
			}
			want := int64(2)
			if lists {
				want = 4
			}
			if n := runs() - before; n != want {
				t.Errorf("the migration ran scrypt %d times, want %d", n, want)
			}
			if v.lock != nil {
				t.Error("the migration left the vault locked")
			}
			if _, err := os.Stat(v.Path(KeyName)); err != nil {
				t.Fatal("no key.age after the migration")
			}
			for name, plain := range plains {
				if name == BackupName {
					continue
				}
				sealed := readFile(t, v.Path(name))
				if !isX25519(sealed) {
					t.Errorf("%s is not sealed to the vault key", name)
				}
				if got, err := kr.Open(sealed); err != nil || !bytes.Equal(got, plain) {
					t.Errorf("%s opens to %.30q, %v", name, got, err)
				}
				// The passphrase-sealed version is its backup, byte for byte,
				// and opens with the passphrase alone (age -d).
				backup := readFile(t, v.Path(BackupOf(name)))
				if !bytes.Equal(backup, old[name]) {
					t.Errorf("%s is not the format 1 %s", BackupOf(name), name)
				}
				if got, err := Open(backup, mustPass(t, testPass)); err != nil || !bytes.Equal(got, plain) {
					t.Errorf("%s opens to %.30q, %v", BackupOf(name), got, err)
				}
			}
			// The next session: one scrypt run, nothing written.
			now := snapshot(t, v.Dir)
			before = runs()
			if _, err := v.OpenKeyring(mustPass(t, testPass)); err != nil {
				t.Fatal(err)
			}
			if n := runs() - before; n != 1 {
				t.Errorf("opening the migrated vault ran scrypt %d times", n)
			}
			sameFiles(t, now, snapshot(t, v.Dir))
		})
	}
}

// A migration waits while another process holds the lock; the Keyring
// opens the files meanwhile.
func TestKeyringMigrationWaitsForLock(t *testing.T) {
	v, plains := format1Vault(t, filepath.Join(t.TempDir(), "vault"), testPass, false)
	other, _ := At(v.Dir)
	other.Lock()
	before := snapshot(t, v.Dir)
	kr, err := v.OpenKeyring(mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, before, snapshot(t, v.Dir))
	if got, err := kr.Open(readFile(t, v.Path(CurrentName))); err != nil || !bytes.Equal(got, plains[CurrentName]) {
		t.Fatalf("binder: %.30q, %v", got, err)
	}
	other.Unlock()
	if _, err := v.OpenKeyring(mustPass(t, testPass)); err != nil {
		t.Fatal(err)
	}
	if !isX25519(readFile(t, v.Path(CurrentName))) {
		t.Fatal("not migrated once the lock was free")
	}
}

func TestKeyringChangePassphrase(t *testing.T) {
	v, plains := format1Vault(t, filepath.Join(t.TempDir(), "vault"), testPass, true)
	kr, err := v.OpenKeyring(mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	oldKey := readFile(t, v.Path(KeyName))
	oldID, err := openVaultKey(oldKey, mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.ChangePassphrase(kr, mustPass(t, otherPass)); !errors.Is(err, ErrNotOwned) {
		t.Fatalf("change without the lock: %v", err)
	}
	v.Lock()
	before := runs()
	if err := v.ChangePassphrase(kr, mustPass(t, otherPass)); err != nil {
		t.Fatal(err)
	}
	// The new key.age, and the three format 1 backups left by the migration.
	if n := runs() - before; n != 4 {
		t.Errorf("the change ran scrypt %d times, want 4", n)
	}
	v.Unlock()
	if _, err := v.OpenKeyring(mustPass(t, testPass)); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("old passphrase: %v", err)
	}
	kr2, err := v.OpenKeyring(mustPass(t, otherPass))
	if err != nil {
		t.Fatal(err)
	}
	for name, sealed := range snapshot(t, v.Dir) {
		if !strings.HasSuffix(name, ".age") || name == KeyName {
			continue
		}
		if !isX25519(sealed) {
			t.Errorf("%s is not sealed to the new vault key alone", name)
		}
		plain, err := kr2.Open(sealed)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		want := plains[strings.Replace(name, ".previous.age", ".age", 1)]
		if name == BackupName {
			want = plains[CurrentName] // the migration kept the current one
		}
		if !bytes.Equal(plain, want) {
			t.Errorf("%s opens to %.30q", name, plain)
		}
		// Someone who kept the old key.age and knows the old passphrase
		// opens nothing saved after the change.
		if _, err := Open(sealed, oldID); err == nil {
			t.Errorf("the old vault key opens %s", name)
		}
	}
}

func TestKeyringDamagedKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, _ := At(dir)
	v.Lock()
	kr, _ := v.Create(mustPass(t, testPass))
	s, _ := kr.Seal(binderOf(1))
	v.Save(s, nil)
	v.Unlock()
	key := readFile(t, v.Path(KeyName))
	notKey, _ := Seal([]byte("not an identity\n"), mustPass(t, testPass))
	id, _ := age.GenerateX25519Identity()
	toID, _ := Seal([]byte("x"), &Key{recipients: []age.Recipient{id.Recipient()}})
	flipped := slices.Clone(key)
	flipped[len(flipped)-10] ^= 1
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrTruncated},
		{"cut in the header", key[:40], ErrTruncated},
		// Cut in its last chunk, the payload fails authentication as a
		// changed one does: age cannot tell them apart.
		{"cut in the body", key[:len(key)-20], ErrDamaged},
		{"a bit changed", flipped, ErrDamaged},
		{"not age", []byte("AGE-SECRET-KEY-1…\n"), ErrNotAge},
		{"not an identity", notKey, ErrDamaged},
		{"sealed to an identity", toID, ErrDamaged},
	} {
		os.WriteFile(v.Path(KeyName), c.data, 0o600)
		before := snapshot(t, dir)
		_, err := v.OpenKeyring(mustPass(t, testPass))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		sameFiles(t, before, snapshot(t, dir))
	}
}

func TestKeyringIdentityVault(t *testing.T) {
	id, _ := age.GenerateX25519Identity()
	k, err := ParseIdentities(strings.NewReader("# mine\n" + id.String() + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := At(filepath.Join(t.TempDir(), "vault"))
	v.Lock()
	kr, err := v.Create(k)
	if err != nil {
		t.Fatal(err)
	}
	if kr.IsPassphrase() {
		t.Fatal("an identity keyring says passphrase")
	}
	s, _ := kr.Seal(binderOf(1))
	v.Save(s, nil)
	if _, err := os.Stat(v.Path(KeyName)); !os.IsNotExist(err) {
		t.Fatal("an identity vault has a key.age")
	}
	if err := v.ChangePassphrase(kr, mustPass(t, otherPass)); !errors.Is(err, ErrNoPassphraseVault) {
		t.Fatalf("changing the passphrase of an identity vault: %v", err)
	}
	v.Unlock()
	// As format 1 did: sealed to the identity's recipient, opened with it.
	if got, err := Open(readFile(t, v.Path(CurrentName)), k); err != nil || !bytes.Equal(got, binderOf(1)) {
		t.Fatalf("Open with the identity: %v", err)
	}
	kr2, err := v.OpenKeyring(k)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := kr2.Open(readFile(t, v.Path(CurrentName))); err != nil || !bytes.Equal(got, binderOf(1)) {
		t.Fatalf("Keyring.Open: %v", err)
	}
	if _, err := v.OpenKeyring(mustPass(t, testPass)); !errors.Is(err, ErrNeedsIdentity) {
		t.Fatalf("a passphrase for an identity vault: %v", err)
	}
	other, _ := age.GenerateX25519Identity()
	ko, _ := ParseIdentities(strings.NewReader(other.String()))
	if _, err := v.OpenKeyring(ko); !errors.Is(err, ErrWrongIdentity) {
		t.Fatalf("another identity: %v", err)
	}
}

// migrateHelper runs in a child process: it says "ready" and opens the
// vault, which migrates it, until it is killed somewhere along the way.
func migrateHelper(dir string) {
	v, err := At(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	k, _ := Passphrase(testPass)
	os.Stdout.WriteString("ready\n")
	if _, err := v.OpenKeyring(k); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(4)
	}
	os.Exit(0)
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	os.RemoveAll(to)
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, b := range snapshot(t, from) {
		if err := os.WriteFile(filepath.Join(to, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// migrationState names how far a migration went.
func migrationState(t testing.TB, v *Vault) string {
	_, err := os.Stat(v.Path(KeyName))
	hasKey := err == nil
	left := 0
	for _, name := range []string{CurrentName, DirectoryName, identityName} {
		if NeedsPassphrase(readFile(t, v.Path(name))) {
			left++
		}
	}
	switch {
	case !hasKey:
		return "not begun"
	case left == 3:
		return "key.age only"
	case left > 0:
		return "part"
	}
	return "done"
}

// TestCrashDuringMigration kills a process with SIGKILL at random moments
// while it migrates a format 1 vault: after each kill the vault opens with
// the passphrase to the same binder, lists and sharing key, and the backup
// opens too. A kill that leaves the migration unfinished is followed by
// another process that goes on from there.
func TestCrashDuringMigration(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	kills := 50
	if testing.Short() {
		kills = 15
	}
	base := t.TempDir()
	pristine := filepath.Join(base, "format1")
	_, plains := format1Vault(t, pristine, testPass, true)
	dir := filepath.Join(base, "vault")
	check := filepath.Join(base, "check")
	copyDir(t, pristine, dir)
	v, _ := At(dir)

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	window := 60 * time.Millisecond
	finished := 0
	states := map[string]int{}
	for i := range kills {
		if migrationState(t, v) == "done" {
			copyDir(t, pristine, dir)
		}
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "PATHWAY_TEST_MIGRATE_HELPER="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(out, make([]byte, 6)); err != nil {
			cmd.Wait()
			t.Fatalf("kill %d: the helper did not start: %v\n%s", i, err, stderr.Bytes())
		}
		began := time.Now()
		time.Sleep(time.Duration(rand.Int64N(int64(window))))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			finished++
			window = max(time.Millisecond, time.Since(began)*9/10)
		} else if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
			t.Fatalf("kill %d: the helper failed: %v\n%s", i, err, stderr.Bytes())
		}
		states[migrationState(t, v)]++

		// A copy opens (and finishes the migration there) to the same files.
		copyDir(t, dir, check)
		cv, _ := At(check)
		kr, err := cv.OpenKeyring(mustPass(t, testPass))
		if err != nil {
			t.Fatalf("kill %d (%s): %v", i, migrationState(t, v), err)
		}
		for _, name := range []string{CurrentName, DirectoryName, identityName} {
			got, err := kr.Open(readFile(t, cv.Path(name)))
			if err != nil || !bytes.Equal(got, plains[name]) {
				t.Fatalf("kill %d: %s opens to %.30q, %v", i, name, got, err)
			}
		}
		got, err := kr.Open(readFile(t, cv.Path(BackupName)))
		if err != nil || !bytes.Equal(got, plains[BackupName]) && !bytes.Equal(got, plains[CurrentName]) {
			t.Fatalf("kill %d: the backup opens to %.30q, %v", i, got, err)
		}
		if migrationState(t, cv) != "done" {
			t.Fatalf("kill %d: opening did not finish the migration", i)
		}
	}
	t.Logf("%d kills, %d after the migration had finished; states after a kill: %v", kills, finished, states)
	if kills-finished < kills/2 {
		t.Fatalf("only %d of %d kills landed during the migration: the test proves little", kills-finished, kills)
	}
}

// benchVault makes a format 2 vault whose key.age is sealed at the
// shipped work factor, 18.
func benchVault(b *testing.B) (*Vault, *Keyring, *Key) {
	b.Helper()
	pass := mustPass(b, testPass).WithWorkFactor(18)
	v, _ := At(filepath.Join(b.TempDir(), "vault"))
	if err := v.Lock(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(v.Unlock)
	kr, err := v.Create(pass)
	if err != nil {
		b.Fatal(err)
	}
	return v, kr, pass
}

// BenchmarkSave is a save of a 20 KB binder in a format 2 vault: sealed
// to the vault key, written atomically with its backup.
func BenchmarkSave(b *testing.B) {
	v, kr, _ := benchVault(b)
	plain := binderOf(1)
	before := runs()
	for b.Loop() {
		s, err := kr.Seal(plain)
		if err != nil {
			b.Fatal(err)
		}
		if err := v.Save(s, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(runs()-before)/float64(b.N), "scrypt/op")
}

// BenchmarkSaveFormat1 is the same save as format 1 made it: sealed with
// the passphrase at work factor 18.
func BenchmarkSaveFormat1(b *testing.B) {
	v, _, pass := benchVault(b)
	plain := binderOf(1)
	before := runs()
	for b.Loop() {
		s, err := Seal(plain, pass)
		if err != nil {
			b.Fatal(err)
		}
		if err := v.Save(s, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(runs()-before)/float64(b.N), "scrypt/op")
}

// BenchmarkOpenKeyring is the start of a session: key.age opened with the
// passphrase at work factor 18.
func BenchmarkOpenKeyring(b *testing.B) {
	v, kr, pass := benchVault(b)
	s, _ := kr.Seal(binderOf(1))
	v.Save(s, nil)
	before := runs()
	for b.Loop() {
		if _, err := v.OpenKeyring(pass); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(runs()-before)/float64(b.N), "scrypt/op")
}

// changeHelper runs in a child process: it says "ready", opens the vault
// with testPass and changes the passphrase to otherPass, until it is
// killed somewhere along the way.
func changeHelper(dir string) {
	v, err := At(dir)
	if err == nil {
		err = v.Lock()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	os.Stdout.WriteString("ready\n")
	kr, err := v.OpenKeyring(mustPassHelper2(testPass))
	if err == nil {
		err = v.ChangePassphrase(kr, mustPassHelper2(otherPass))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(4)
	}
	os.Exit(0)
}

func mustPassHelper2(p string) *Key {
	k, _ := Passphrase(p)
	return k
}

// TestCrashDuringPassphraseChange kills a process with SIGKILL at random
// moments while it changes the passphrase of a migrated vault (so some
// backups are still sealed with the old passphrase): after each kill
// exactly one of the two passphrases opens the vault, and every file opens
// with it to what it held.
func TestCrashDuringPassphraseChange(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	kills := 50
	if testing.Short() {
		kills = 10
	}
	base := t.TempDir()
	pristine := filepath.Join(base, "before")
	pv, plains := format1Vault(t, pristine, testPass, true)
	kr, err := pv.OpenKeyring(mustPass(t, testPass))
	if err != nil {
		t.Fatal(err)
	}
	pv.Lock()
	s, _ := kr.Seal(binderOf(3))
	pv.Save(s, nil)
	pv.Unlock()
	want := map[string][]byte{
		CurrentName: binderOf(3), BackupName: plains[CurrentName],
		DirectoryName: plains[DirectoryName], BackupOf(DirectoryName): plains[DirectoryName],
		identityName: plains[identityName], BackupOf(identityName): plains[identityName],
	}
	dir := filepath.Join(base, "vault")
	check := filepath.Join(base, "check")
	copyDir(t, pristine, dir)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	window := 80 * time.Millisecond
	finished := 0
	opened := map[string]int{}
	for i := range kills {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "PATHWAY_TEST_CHANGE_HELPER="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(out, make([]byte, 6)); err != nil {
			cmd.Wait()
			t.Fatalf("kill %d: the helper did not start: %v\n%s", i, err, stderr.Bytes())
		}
		began := time.Now()
		time.Sleep(time.Duration(rand.Int64N(int64(window))))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			finished++
			window = max(time.Millisecond, time.Since(began)*9/10)
		} else if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
			t.Fatalf("kill %d: the helper failed: %v\n%s", i, err, stderr.Bytes())
		}

		copyDir(t, dir, check)
		cv, _ := At(check)
		krA, errA := cv.OpenKeyring(mustPass(t, testPass))
		krB, errB := cv.OpenKeyring(mustPass(t, otherPass))
		var kr *Keyring
		switch {
		case errA == nil && errors.Is(errB, ErrWrongPassphrase):
			kr = krA
			opened["old"]++
		case errB == nil && errors.Is(errA, ErrWrongPassphrase):
			kr = krB
			opened["new"]++
		default:
			t.Fatalf("kill %d: old passphrase %v, new passphrase %v", i, errA, errB)
		}
		for name, plain := range want {
			got, err := kr.Open(readFile(t, cv.Path(name)))
			if err != nil || !bytes.Equal(got, plain) {
				t.Fatalf("kill %d: %s opens to %.30q, %v", i, name, got, err)
			}
		}
		if kr == krB {
			copyDir(t, pristine, dir) // start again from the old passphrase
		}
	}
	t.Logf("%d kills, %d after the change had finished; opened with: %v", kills, finished, opened)
	if kills-finished < kills/2 {
		t.Fatalf("only %d of %d kills landed during the change: the test proves little", kills-finished, kills)
	}
}
