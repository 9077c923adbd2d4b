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
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func readFile(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestVaultSaveKeepsBackup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, err := At(dir)
	if err != nil {
		t.Fatal(err)
	}
	if v.Exists() {
		t.Fatal("a new vault exists")
	}
	if _, err := v.Read(false); !errors.Is(err, ErrNoVault) {
		t.Fatalf("Read of nothing: %v", err)
	}
	if err := v.Save([]byte("one"), nil); !errors.Is(err, ErrNotOwned) {
		t.Fatalf("Save without lock: %v", err)
	}
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	defer v.Unlock()
	if err := v.Save([]byte("one"), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(v.Path(BackupName)); !os.IsNotExist(err) {
		t.Fatal("a backup after the first save")
	}
	if err := v.Save([]byte("two"), nil); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, v.Path(CurrentName)); string(got) != "two" {
		t.Errorf("current %q", got)
	}
	if got := readFile(t, v.Path(BackupName)); string(got) != "one" {
		t.Errorf("backup %q", got)
	}
	if err := v.Save([]byte("three"), []byte("other")); err != nil {
		t.Fatal(err)
	}
	if got, _ := v.Read(true); string(got) != "other" {
		t.Errorf("explicit backup %q", got)
	}
	if runtime.GOOS != "windows" {
		for name, want := range map[string]os.FileMode{"": 0o700, CurrentName: 0o600, BackupName: 0o600, lockName: 0o600} {
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != want {
				t.Errorf("%q has mode %o, want %o", name, fi.Mode().Perm(), want)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("vault holds %d files: %v", len(entries), entries)
	}
}

func TestVaultRemovesInterruptedSaves(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(dir, 0o700)
	stale := filepath.Join(dir, tempPrefix+"123")
	os.WriteFile(stale, []byte("half"), 0o600)
	v, _ := At(dir)
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	defer v.Unlock()
	if err := v.Save([]byte("x"), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatal("an interrupted save was left behind")
	}
}

func TestVaultLockIsExclusiveAcrossProcesses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "v")
	v1, _ := At(dir)
	if err := v1.Lock(); err != nil {
		t.Fatal(err)
	}
	// A second open file description in this process conflicts as another
	// process would (flock and LockFileEx both work per open file).
	v2, _ := At(dir)
	if err := v2.Lock(); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: %v", err)
	}
	v1.Unlock()
	if err := v2.Lock(); err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	v2.Unlock()
}

func TestVaultRefusesUnsafeFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := t.TempDir()
	for _, mode := range []os.FileMode{0o777, 0o770, 0o702, 0o720} {
		os.Chmod(dir, mode)
		if _, err := At(dir); !errors.Is(err, ErrUnsafe) {
			t.Errorf("mode %o: %v", mode, err)
		}
	}
	// Readable by others, as a FAT USB stick shows every folder: allowed.
	for _, mode := range []os.FileMode{0o700, 0o755, 0o750} {
		os.Chmod(dir, mode)
		if _, err := At(dir); err != nil {
			t.Errorf("mode %o: %v", mode, err)
		}
	}
	f := filepath.Join(dir, "file")
	os.WriteFile(f, nil, 0o600)
	if _, err := At(f); !errors.Is(err, ErrNotDir) {
		t.Errorf("a file: %v", err)
	}
}

func TestVaultWipe(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "vault")
	v, _ := At(dir)
	v.Lock()
	v.Save([]byte("one"), nil)
	v.Save([]byte("two"), nil)
	if _, err := (&Vault{Dir: dir}).Wipe(); !errors.Is(err, ErrNotOwned) {
		t.Fatalf("Wipe without lock: %v", err)
	}
	removed, err := v.Wipe()
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 4 {
		t.Errorf("removed %v", removed)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatal("the vault folder is still there")
	}
}

func TestVaultSaveFailureLeavesOldFile(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs Unix permissions that bind the user (root ignores them)")
	}
	dir := filepath.Join(t.TempDir(), "v")
	v, _ := At(dir)
	v.Lock()
	defer v.Unlock()
	v.Save([]byte("old"), nil)
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if err := v.Save([]byte("new"), nil); err == nil {
		t.Fatal("save into a read-only folder succeeded")
	}
	if got, _ := v.Read(false); string(got) != "old" {
		t.Fatalf("current is %q", got)
	}
}

// crashSaves is how many saves a crash helper makes in a row.
const crashSaves = 5

// crashHelper runs in a child process: it seals the next generations of a
// payload, says "ready", and saves them one after the other until it is
// killed somewhere along the way.
func crashHelper(dir string) {
	gen, _ := strconv.Atoi(os.Getenv("PATHWAY_TEST_CRASH_GEN"))
	v, err := At(dir)
	if err == nil {
		err = v.Lock()
	}
	var sealed [][]byte
	for i := 1; i <= crashSaves && err == nil; i++ {
		var s []byte
		s, err = Seal(generation(gen+i), mustPassHelper())
		sealed = append(sealed, s)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	os.Stdout.WriteString("ready\n")
	for _, s := range sealed {
		if err := v.Save(s, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
	}
	os.Exit(0)
}

func mustPassHelper() *Key {
	k, _ := Passphrase("crash test passphrase")
	return k
}

// generation is a recognisable payload of about 200 KB (several age
// chunks, so that a save takes a while).
func generation(n int) []byte {
	head := fmt.Sprintf("generation %d\n", n)
	return append([]byte(head), bytes.Repeat([]byte(head), 200<<10/len(head))...)
}

func openGeneration(t *testing.T, v *Vault, backup bool) int {
	t.Helper()
	sealed, err := v.Read(backup)
	if err != nil {
		t.Fatalf("reading (backup=%v): %v", backup, err)
	}
	plain, err := Open(sealed, mustPassHelper())
	if err != nil {
		t.Fatalf("opening (backup=%v): %v", backup, err)
	}
	line, _, _ := strings.Cut(string(plain), "\n")
	n, err := strconv.Atoi(strings.TrimPrefix(line, "generation "))
	if err != nil || !bytes.Equal(plain, generation(n)) {
		t.Fatalf("not a whole generation (backup=%v): %q…", backup, plain[:min(40, len(plain))])
	}
	return n
}

// TestCrashDuringSave kills a process with SIGKILL at random moments while
// it saves, many times: after each kill the vault opens to the version
// before the save that was cut or to the one it wrote, never to neither,
// and the backup opens too.
func TestCrashDuringSave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	runs := 200
	if testing.Short() {
		runs = 20
	}
	dir := filepath.Join(t.TempDir(), "vault")
	v, _ := At(dir)
	v.Lock()
	s, _ := Seal(generation(0), mustPassHelper())
	v.Save(s, nil)
	v.Unlock()

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// How long the helper's saves take, to spread the kills over them.
	window := 5 * time.Millisecond
	current := 0
	finished := 0
	for i := range runs {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "PATHWAY_TEST_CRASH_HELPER="+dir, "PATHWAY_TEST_CRASH_GEN="+strconv.Itoa(current))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ready := make([]byte, 6)
		if _, err := io.ReadFull(out, ready); err != nil {
			cmd.Wait()
			t.Fatalf("run %d: the helper did not start: %v\n%s", i, err, stderr.Bytes())
		}
		began := time.Now()
		time.Sleep(time.Duration(rand.Int64N(int64(window))))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			finished++
			// The saves ran faster than the window: widen nothing, narrow it.
			window = max(time.Millisecond, time.Since(began)*9/10)
		} else if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
			t.Fatalf("run %d: the helper failed: %v\n%s", i, err, stderr.Bytes())
		}
		got := openGeneration(t, v, false)
		if got < current || got > current+crashSaves {
			t.Fatalf("run %d: generation %d after saves of %d..%d", i, got, current+1, current+crashSaves)
		}
		if got > 0 {
			if b := openGeneration(t, v, true); b != got-1 && b != got {
				t.Fatalf("run %d: backup is generation %d, current %d", i, b, got)
			}
		}
		current = got
	}
	t.Logf("%d kills, %d of them after all saves had finished; %d generations saved", runs, finished, current)
	if runs-finished < runs/2 {
		t.Fatalf("only %d of %d kills landed during the saves: the test proves little", runs-finished, runs)
	}
}

// Wiping a vault that was given as a folder holding other things removes
// pathway's files only, and keeps the folder.
func TestWipeTouchesOnlyPathwaysFiles(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(dir, 0o700)
	for _, name := range []string{"photo.jpg", "notes.age", "binder.txt"} {
		os.WriteFile(filepath.Join(dir, name), []byte("keep me"), 0o600)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	v, _ := At(dir)
	v.Lock()
	v.Save([]byte("one"), nil)
	v.Save([]byte("two"), nil)
	v.SaveFile(DirectoryName, []byte("d"), nil)
	removed, err := v.Wipe()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range removed {
		if base := filepath.Base(p); base != CurrentName && base != BackupName && base != DirectoryName && base != lockName {
			t.Errorf("removed %s", p)
		}
	}
	for _, name := range []string{"photo.jpg", "notes.age", "binder.txt", "sub"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s is gone", name)
		}
	}
	if _, err := os.Stat(dir); err != nil {
		t.Error("the folder holding other things was removed")
	}
}
