//go:build linux

package main

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"pathway/cmd/pathway/internal/kit"
	"pathway/crypt"
	"pathway/locales"
)

// TestKitStick lays out a kit in a folder as a USB stick would hold it,
// starts its Linux program there with no arguments (as a double-click
// does) and no vault named anywhere, makes a vault, and finds it on the
// "stick": nothing is written in HOME, which inotify watches all along.
// Every language has its start file.
func TestKitStick(t *testing.T) {
	tm := newTerm(t)
	prog, err := os.ReadFile(pathwayBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	platform := "linux/" + runtime.GOARCH
	files, err := kit.Files(kit.Options{Programs: map[string][]byte{platform: prog}, Partial: true, PublicKey: kit.ProjectKey})
	if err != nil {
		t.Fatal(err)
	}
	stick := filepath.Join(tm.dir, "stick")
	if err := os.Mkdir(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := kit.Write(stick, files); err != nil {
		t.Fatal(err)
	}
	var exe string
	for _, p := range kit.Platforms {
		if p.String() == platform {
			exe = filepath.Join(stick, p.Folder, p.Exe())
		}
	}
	for _, tag := range locales.Available() {
		b, err := os.ReadFile(filepath.Join(stick, kit.StartName(tag)))
		if err != nil {
			t.Fatalf("no start file for %s: %v", tag, err)
		}
		l, _ := locales.Get(tag)
		if !strings.Contains(string(b), l.T("kit.start.title")) || !strings.Contains(string(b), kit.VaultFolder) {
			t.Errorf("%s is not %s's start file:\n%s", kit.StartName(tag), tag, b)
		}
	}

	home := filepath.Join(tm.dir, "home")
	w := watchTree(t, home)
	tm.startProgram(exe)
	// The first screen says where the plans will be: on the stick.
	tm.waitFor("/stick/" + kit.VaultFolder)
	tm.waitFor("Welcome to pathway")
	tm.keys("Enter")
	tm.waitFor("How do you want to make your passphrase?")
	tm.choose("I will type my own")
	tm.focus("New passphrase")
	tm.text("a stick passphrase for the test")
	tm.keys("Enter")
	tm.focus("Type it again")
	tm.text("a stick passphrase for the test")
	tm.keys("Enter")
	tm.focus("What do you want to do?")
	tm.keys("Escape")
	tm.keys("Escape")
	if got := tm.exited(); got != "exit=0" {
		t.Fatalf("pathway ended with %s", got)
	}
	created := w.stop()

	if _, err := os.Stat(filepath.Join(stick, kit.VaultFolder, crypt.KeyName)); err != nil {
		t.Errorf("the vault was not made on the stick: %v", err)
	}
	if len(created) > 0 {
		t.Errorf("pathway wrote in HOME: %q", created)
	}
	// The watch is real: a file made in HOME is seen.
	w = watchTree(t, home)
	os.WriteFile(filepath.Join(home, "probe"), nil, 0o600)
	if got := w.stop(); !slices.Contains(got, filepath.Join(home, "probe")) {
		t.Errorf("the watch on HOME saw nothing of a file made there: %q", got)
	}
}

// startProgram runs the program exe in a new 80×24 session, as a person
// would from a stick: no vault named, HOME and TMPDIR of the test's own.
func (tm *tmuxTerm) startProgram(exe string, args ...string) {
	tm.t.Helper()
	env := []string{
		"HOME=" + filepath.Join(tm.dir, "home"),
		"TMPDIR=" + filepath.Join(tm.dir, "tmp"),
		"XDG_CONFIG_HOME=" + filepath.Join(tm.dir, "home", ".config"),
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
	}
	var cmd strings.Builder
	cmd.WriteString("cd " + shellQuote(filepath.Join(tm.dir, "home")) + " && env -i PATH=/usr/bin:/bin ")
	for _, e := range env {
		cmd.WriteString(shellQuote(e) + " ")
	}
	cmd.WriteString(shellQuote(exe))
	for _, a := range args {
		cmd.WriteString(" " + shellQuote(a))
	}
	cmd.WriteString("; echo \"exit=$?\" > " + shellQuote(filepath.Join(tm.dir, "exit")) + "; sleep 600")
	tm.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "80", "-y", "24", cmd.String())
}

// treeWatch records what is made under a folder, with the watcher the
// scripts' "watch" command uses.
type treeWatch struct{ w *watcher }

func watchTree(t *testing.T, root string) treeWatch {
	t.Helper()
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
	if err != nil {
		t.Fatal(err)
	}
	w := &watcher{fd: fd, root: root, dirs: map[int]string{}, created: map[string]bool{},
		stop: make(chan struct{}), done: make(chan struct{})}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.add(p)
		}
		return nil
	})
	go w.run()
	return treeWatch{w}
}

// stop ends the watch and returns what was made, sorted.
func (tw treeWatch) stop() []string {
	time.Sleep(100 * time.Millisecond) // the last events
	close(tw.w.stop)
	<-tw.w.done
	unix.Close(tw.w.fd)
	tw.w.mu.Lock()
	defer tw.w.mu.Unlock()
	var got []string
	for p := range tw.w.created {
		got = append(got, p)
	}
	slices.Sort(got)
	return got
}
