//go:build linux

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/sys/unix"
)

// A watcher records, with inotify, every file and folder created or
// written under a tree while a command runs: a watch on the file system,
// not a comparison of two listings, so that a file made and removed again
// is caught too.
type watcher struct {
	fd      int
	root    string
	mu      sync.Mutex
	dirs    map[int]string
	created map[string]bool
	stop    chan struct{}
	done    chan struct{}
}

func (w *watcher) add(dir string) {
	wd, err := unix.InotifyAddWatch(w.fd, dir, unix.IN_CREATE|unix.IN_MOVED_TO|unix.IN_CLOSE_WRITE|unix.IN_ONLYDIR)
	if err != nil {
		return
	}
	w.mu.Lock()
	w.dirs[wd] = dir
	w.mu.Unlock()
}

func (w *watcher) run() {
	defer close(w.done)
	buf := make([]byte, 64<<10)
	for {
		// Poll, so that the watch can be stopped: closing the descriptor
		// does not end a read that waits on it.
		fds := []unix.PollFd{{Fd: int32(w.fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, 50)
		if err != nil && err != unix.EINTR {
			return
		}
		if n == 0 {
			select {
			case <-w.stop:
				return
			default:
				continue
			}
		}
		n, err = unix.Read(w.fd, buf)
		if err != nil || n <= 0 {
			continue
		}
		for off := 0; off+unix.SizeofInotifyEvent <= n; {
			ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
			name := strings.TrimRight(string(buf[off+unix.SizeofInotifyEvent:off+unix.SizeofInotifyEvent+int(ev.Len)]), "\x00")
			off += unix.SizeofInotifyEvent + int(ev.Len)
			w.mu.Lock()
			dir := w.dirs[int(ev.Wd)]
			w.mu.Unlock()
			if dir == "" || name == "" {
				continue
			}
			p := filepath.Join(dir, name)
			w.mu.Lock()
			w.created[p] = true
			w.mu.Unlock()
			if ev.Mask&unix.IN_ISDIR != 0 && ev.Mask&(unix.IN_CREATE|unix.IN_MOVED_TO) != 0 {
				w.add(p)
				// What was made in it before the watch began.
				filepath.WalkDir(p, func(q string, d os.DirEntry, err error) error {
					if err == nil && q != p {
						w.mu.Lock()
						w.created[q] = true
						w.mu.Unlock()
						if d.IsDir() {
							w.add(q)
						}
					}
					return nil
				})
			}
		}
	}
}

var watchers sync.Map

func watchCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		// watch DIR: begin recording what is created under DIR.
		"watch": func(ts *testscript.TestScript, neg bool, args []string) {
			fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
			ts.Check(err)
			w := &watcher{fd: fd, root: ts.MkAbs(args[0]), dirs: map[int]string{}, created: map[string]bool{},
				stop: make(chan struct{}), done: make(chan struct{})}
			filepath.WalkDir(w.root, func(p string, d os.DirEntry, err error) error {
				if err == nil && d.IsDir() {
					w.add(p)
				}
				return nil
			})
			go w.run()
			watchers.Store(ts, w)
		},
		// watched: stop, and print what was created, relative to DIR, one
		// a line, folders with a slash, files gone since marked so.
		"watched": func(ts *testscript.TestScript, neg bool, args []string) {
			v, ok := watchers.LoadAndDelete(ts)
			if !ok {
				ts.Fatalf("watched without watch")
			}
			w := v.(*watcher)
			// Let the last events arrive, then stop.
			time.Sleep(100 * time.Millisecond)
			close(w.stop)
			<-w.done
			unix.Close(w.fd)
			var lines []string
			for p := range w.created {
				rel, _ := filepath.Rel(w.root, p)
				fi, err := os.Stat(p)
				if err != nil && strings.HasPrefix(filepath.Base(rel), ".saving-") {
					// The temporary file of an atomic save, renamed into
					// place: sealed bytes, gone. (Whether the watch sees it
					// depends on timing, so it is not listed.)
					continue
				}
				switch {
				case err != nil:
					rel += " (gone)"
				case fi.IsDir():
					rel += "/"
				}
				if !slices.Contains(lines, rel) {
					lines = append(lines, rel)
				}
			}
			slices.Sort(lines)
			for _, l := range lines {
				fmt.Fprintln(ts.Stdout(), l)
			}
		},
	}
}
