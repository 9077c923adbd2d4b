package output

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"pathway/cmd/pathway/internal/env"
)

// Folder checks a folder the person typed, for a file pathway is about to
// write there: it must be a whole path (a bare name would land wherever
// pathway was started, on a shared laptop its owner's home), and it must
// exist, since pathway makes no folder. "~/" stands for the home folder.
// It returns the folder, cleaned.
func Folder(e *env.Env, typed string) (string, error) {
	dir := TypedPath(e, typed)
	if !filepath.IsAbs(dir) {
		return "", e.Fail("access.folder-not-path", "Path", typed)
	}
	dir = filepath.Clean(dir)
	fi, err := os.Stat(dir)
	switch {
	case err != nil:
		return "", e.Fail("access.folder-missing", "Dir", dir)
	case !fi.IsDir():
		return "", e.Fail("access.folder-not-dir", "Dir", dir)
	}
	return dir, nil
}

// TypedPath is a path as a person types or pastes it: spaces around it
// and the quotes that "Copy as path" and dragging a file onto a terminal
// put around it taken off, and a leading ~ read as the home folder.
func TypedPath(e *env.Env, typed string) string {
	p := strings.TrimSpace(typed)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = p[1 : len(p)-1]
	}
	if rest, ok := strings.CutPrefix(p, "~"); ok && (rest == "" || rest[0] == '/' || rest[0] == '\\') {
		if home := e.Getenv("HOME"); home != "" {
			p = home + rest
		}
	}
	return p
}

// Removable lists the removable drives mounted now that pathway can see:
// on Linux the mount points under /media and /run/media, on macOS the
// volumes under /Volumes but the start-up disk.
func Removable() []string {
	var out []string
	switch runtime.GOOS {
	case "darwin":
		entries, _ := os.ReadDir("/Volumes")
		for _, d := range entries {
			p := filepath.Join("/Volumes", d.Name())
			if t, err := filepath.EvalSymlinks(p); err == nil && t == "/" {
				continue // the start-up disk
			}
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				out = append(out, p)
			}
		}
	case "linux", "freebsd", "openbsd", "netbsd":
		f, err := os.Open("/proc/self/mounts")
		if err != nil {
			return nil
		}
		defer f.Close()
		out = removableMounts(f)
	}
	slices.Sort(out)
	return out
}

// removableMounts reads a mount table (the format of /proc/self/mounts)
// and returns the mount points under /media and /run/media.
func removableMounts(r io.Reader) []string {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		p := unescapeMount(fields[1])
		if (strings.HasPrefix(p, "/media/") || strings.HasPrefix(p, "/run/media/")) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// unescapeMount reads the octal escapes (\040 for a space) of a mount
// point in /proc/self/mounts.
func unescapeMount(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// FreeName returns name, or name with -2, -3… before its extension, so
// that no file in dir is written over.
func FreeName(dir, name string) string {
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for n := 1; ; n++ {
		try := name
		if n > 1 {
			try = base + "-" + strconv.Itoa(n) + ext
		}
		if _, err := os.Lstat(filepath.Join(dir, try)); err != nil {
			return try
		}
	}
}

// FileName checks a file name typed for a folder already chosen: a name
// only, no folder in it. ".pdf" is added when it has no extension.
func FileName(e *env.Env, typed, ext string) (string, error) {
	name := strings.TrimSpace(typed)
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return "", e.Fail("access.file-name-only", "Path", typed)
	}
	if filepath.Ext(name) == "" {
		name += ext
	}
	return name, nil
}
