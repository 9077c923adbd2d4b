package nocore

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// allowCores raises this process's core file limit as far as it may go
// (to unlimited as root), so that a process started afterwards would
// write a core dump unless it turns that off itself. It skips the test
// when the limit cannot be raised above 0: there is nothing to see then.
func allowCores(t *testing.T) {
	t.Helper()
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_CORE, &lim); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() == 0 {
		lim.Max = unix.RLIM_INFINITY
	}
	lim.Cur = lim.Max
	if lim.Cur == 0 {
		t.Skip("the core file limit is 0 and cannot be raised: nothing to turn off")
	}
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &lim); err != nil {
		t.Fatal(err)
	}
}

// state says what Disable turns off, in this process: the core file
// limit, whether the process is dumpable, and the limit a child inherits.
func state(t *testing.T) string {
	t.Helper()
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_CORE, &lim); err != nil {
		t.Fatal(err)
	}
	dumpable, err := unix.PrctlRetInt(unix.PR_GET_DUMPABLE, 0, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	child, err := exec.Command("sh", "-c", "ulimit -c").Output()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("soft=%d hard=%d dumpable=%d child=%s", lim.Cur, lim.Max, dumpable, strings.TrimSpace(string(child)))
}

// TestDisable runs Disable in a child process (it cannot be undone) and
// checks there that the limit is 0, the process is not dumpable, and a
// process it starts inherits the limit.
func TestDisable(t *testing.T) {
	if os.Getenv("NOCORE_TEST_CHILD") == "1" {
		before := state(t)
		if err := Disable(); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("before: %s\nafter: %s\n", before, state(t))
		return
	}
	allowCores(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestDisable$", "-test.v")
	cmd.Env = append(os.Environ(), "NOCORE_TEST_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	// Before, the child could dump: otherwise the test would show nothing.
	if !strings.Contains(string(out), "\nbefore: soft=") || strings.Contains(string(out), "\nbefore: soft=0 ") ||
		!strings.Contains(string(out), " dumpable=1 ") {
		t.Fatalf("the child could not dump before Disable:\n%s", out)
	}
	if !strings.Contains(string(out), "\nafter: soft=0 hard=0 dumpable=0 child=0\n") {
		t.Fatalf("after Disable, want soft=0 hard=0 dumpable=0 child=0:\n%s", out)
	}
}

// TestPathwayDisables builds the real pathway command and checks, while it
// waits for its input, that main turned core dumps off before anything
// else: the limit the system shows for it is 0, and (as a user other than
// root, who can read anything) its /proc files belong to root, which is
// what a process that is not dumpable looks like.
func TestPathwayDisables(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pathway")
	}
	allowCores(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "pathway")
	if out, err := exec.Command("go", "build", "-o", bin, "pathway/cmd/pathway").CombinedOutput(); err != nil {
		t.Fatalf("building pathway: %v\n%s", err, out)
	}
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// import - reads the plans from standard input: it waits there.
	cmd := exec.Command(bin, "import", "--vault", filepath.Join(dir, "vault"), "--passphrase-file", pass, "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	}()
	proc := fmt.Sprintf("/proc/%d/", cmd.Process.Pid)
	var limit string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		limit = coreLimit(t, proc+"limits")
		if limit == "0 0" {
			break
		}
	}
	if limit != "0 0" {
		t.Fatalf("pathway's core file limit is %q, want \"0 0\"", limit)
	}
	if os.Getuid() != 0 {
		fi, err := os.Stat(proc + "status")
		if err != nil {
			t.Fatal(err)
		}
		if uid := fi.Sys().(*unix.Stat_t).Uid; uid != 0 {
			t.Errorf("%sstatus belongs to user %d: pathway is still dumpable", proc, uid)
		}
	}
}

// coreLimit reads the soft and hard core file limits of a process from
// its /proc limits file.
func coreLimit(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "Max core file size"); ok {
			fields := strings.Fields(rest)
			if len(fields) >= 2 {
				return fields[0] + " " + fields[1]
			}
		}
	}
	t.Fatalf("no core file size in %s", path)
	return ""
}
