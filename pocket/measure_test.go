package pocket

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestMeasureWorkFactor measures, for each scrypt work factor, how long a
// pocket file takes to open in headless Chromium with its processor slowed
// four times, at 360×640, and the peak memory of the page's process. It
// is how WorkFactor was chosen (see BENCHMARKS.md); it runs only when
// asked: POCKET_MEASURE="14 15 16 17 18" go test ./pocket -run Measure -v
func TestMeasureWorkFactor(t *testing.T) {
	list := os.Getenv("POCKET_MEASURE")
	if list == "" {
		t.Skip("set POCKET_MEASURE to the work factors to measure")
	}
	full := sampleBinder(t)
	sub := full.Subset(DefaultSelection(full))
	loc := locale(t, "en")
	for _, f := range strings.Fields(list) {
		logN, err := strconv.Atoi(f)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), FileName)
		start := time.Now()
		page := writePocket(t, path, sub, Options{Loc: loc, Passphrase: testPass, workFactor: logN})
		made := time.Since(start)
		b := newBrowser(t, 4)
		b.open(path)
		b.wait(`document.getElementById("p")`, 30*time.Second)
		base, cpu0 := renderers(t, b)
		b.typeIn("#p", testPass)
		b.click("#o")
		took := b.wait(`!document.getElementById("a").hidden`, 3*time.Minute)
		peak, cpu1 := renderers(t, b)
		// The machine may be busy with other work: the processor time the
		// page used, four times over, is what a phone four times slower
		// than one core of this machine would take.
		cpu := cpu1 - cpu0
		t.Logf("logN %d: page processor time %.2f s, ×4 = %.1f s; opened in %.1f s of wall time (throttled 4×); page process peak %d MB (%d MB before); file %d KB; made in %s",
			logN, cpu.Seconds(), 4*cpu.Seconds(), took.Seconds(), peak>>20, base>>20, len(page)>>10, made.Round(time.Millisecond))
	}
}

// renderers returns the largest peak resident memory (VmHWM) of the
// browser's renderer processes, in bytes, and the processor time they
// have used.
func renderers(t *testing.T, b *browser) (int64, time.Duration) {
	t.Helper()
	c := chromedp.FromContext(b.ctx)
	if c == nil || c.Browser == nil || c.Browser.Process() == nil {
		t.Fatal("no browser process")
	}
	root := c.Browser.Process().Pid
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skip("no /proc: cannot measure memory")
	}
	var peak int64
	var cpu time.Duration
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || !descends(pid, root) {
			continue
		}
		cmd, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
		if !strings.Contains(string(cmd), "--type=renderer") {
			continue
		}
		if hwm := statusKB(pid, "VmHWM:") << 10; hwm > peak {
			peak = hwm
		}
		cpu += cpuTime(pid)
	}
	return peak, cpu
}

// cpuTime is the processor time (user and system) process pid has used,
// from /proc/pid/stat, counted in ticks of 1/100 s.
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command's name, which ends with ')'.
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond
}

// descends reports whether process pid is root or one of its descendants.
func descends(pid, root int) bool {
	for i := 0; i < 16 && pid > 1; i++ {
		if pid == root {
			return true
		}
		pid = int(statusKB(pid, "PPid:"))
	}
	return false
}

// statusKB reads one number from /proc/pid/status.
func statusKB(pid int, field string) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), field); ok {
			n, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return n
		}
	}
	return 0
}
