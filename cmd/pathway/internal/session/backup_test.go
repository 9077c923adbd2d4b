package session

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/locales"
	"pathway/plan"
)

// archive writes entries (name, then content) as a backup's tar.gz, in order.
func archive(t *testing.T, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for i := 0; i < len(entries); i += 2 {
		h := &tar.Header{Name: entries[i], Mode: 0o600, Size: int64(len(entries[i+1])), Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(entries[i+1]))
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

func TestPackUnpackBackup(t *testing.T) {
	files := map[string][]byte{
		"binder.age":          []byte(`{"format":1,"contacts":[],"plans":[]}`),
		"binder.previous.age": []byte(`{"format":1}`),
		"ledger.age":          {0, 1, 2, 255},
	}
	day := plan.DateOf(time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC))
	data, err := PackBackup(day, files)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := PackBackup(day, files)
	if !bytes.Equal(data, again) {
		t.Error("the same files the same day give two different archives")
	}
	m, got, err := UnpackBackup(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != BackupFormat || m.Made != "2026-11-20" || len(m.Files) != 3 {
		t.Errorf("manifest %+v", m)
	}
	for name, b := range files {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s: %q, want %q", name, got[name], b)
		}
	}
	// Every cut of the archive is refused.
	for n := 0; n < len(data); n += 7 {
		if _, _, err := UnpackBackup(data[:n]); !errors.Is(err, ErrBackupDamaged) {
			t.Fatalf("cut to %d bytes: %v, want ErrBackupDamaged", n, err)
		}
	}
}

func TestUnpackBackupRefuses(t *testing.T) {
	const binder = `{"format":1}`
	const sum = "ab1d3a0d1f3d3bbbb6d7f56e4e4a3aa2c9e1d7b7f0f3c1e6d1b5e3f0a9c0d2e1" // not binder's
	manifest := func(format, size int, sha string) string {
		return `{"format":` + strconv.Itoa(format) + `,"made":"2026-11-20","files":[{"vault":"binder.age","size":` + strconv.Itoa(size) + `,"sha256":"` + sha + `"}]}`
	}
	good, _ := PackBackup(plan.DateOf(time.Now()), map[string][]byte{"binder.age": []byte(binder)})
	_, files, err := UnpackBackup(good)
	if err != nil || string(files["binder.age"]) != binder {
		t.Fatalf("the good archive: %v", err)
	}
	m, _, _ := UnpackBackup(good)
	right := m.Files[0].SHA256
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"newer", archive(t, ManifestName, manifest(2, len(binder), right), "binder", binder), ErrBackupNewer},
		{"format 0", archive(t, ManifestName, manifest(0, len(binder), right), "binder", binder), ErrBackupDamaged},
		{"no manifest first", archive(t, "binder", binder, ManifestName, manifest(1, len(binder), right)), ErrBackupDamaged},
		{"wrong sum", archive(t, ManifestName, manifest(1, len(binder), sum), "binder", binder), ErrBackupDamaged},
		{"wrong size", archive(t, ManifestName, manifest(1, 3, right), "binder", binder), ErrBackupDamaged},
		{"missing file", archive(t, ManifestName, manifest(1, len(binder), right)), ErrBackupDamaged},
		{"file twice", archive(t, ManifestName, manifest(1, len(binder), right), "binder", binder, "binder", binder), ErrBackupDamaged},
		{"file not in the manifest", archive(t, ManifestName, manifest(1, len(binder), right), "binder", binder, "other", "x"), ErrBackupDamaged},
		{"a path", archive(t, ManifestName, `{"format":1,"files":[{"vault":"../binder.age","size":1,"sha256":"x"}]}`), ErrBackupDamaged},
		{"not gzip", []byte("plain text"), ErrBackupDamaged},
	} {
		if _, _, err := UnpackBackup(c.data); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestInsideVault(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		path string
		want bool
	}{
		{dir + "/b.age", true},
		{dir + "/sub/b.age", true},
		{dir + "/../b.age", false},
		{dir + "x/b.age", false},
		{dir, true},
	} {
		if got := InsideVault(c.path, dir); got != c.want {
			t.Errorf("InsideVault(%q) = %v, want %v", c.path, got, c.want)
		}
	}
}

// A backup that fails its check never replaces a file that was there, and
// leaves no temporary file behind; one that passes replaces it only with
// Force.
func TestWriteBackupFile(t *testing.T) {
	e := &env.Env{Getenv: func(string) string { return "" }, Loc: locales.English()}
	dir := t.TempDir()
	path := filepath.Join(dir, "plans-backup.age")
	old := []byte("the backup made last week")
	os.WriteFile(path, old, 0o600)
	files := func() []string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, en := range entries {
			names = append(names, en.Name())
		}
		return names
	}
	bad := func([]byte) error { return ErrBackupDamaged }
	good := func([]byte) error { return nil }

	if err := writeBackupFile(e, output.File{Path: path, Force: true}, []byte("new"), bad); err == nil {
		t.Fatal("a backup that fails its check was accepted")
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Errorf("the file there was changed by a failed backup: %q", b)
	}
	if err := writeBackupFile(e, output.File{Path: path}, []byte("new"), good); err == nil {
		t.Fatal("a file there was written over without Force")
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Errorf("the file there was changed without Force: %q", b)
	}
	if got := files(); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
	if err := writeBackupFile(e, output.File{Path: path, Force: true}, []byte("new"), good); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("with Force the file holds %q", b)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}
