package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"aead.dev/minisign"

	"pathway/cmd/pathway/internal/kit"
)

var testFiles = []kit.File{
	{Name: "bin", Mode: fs.ModeDir | 0o755},
	{Name: "bin/pathway", Mode: 0o755, Data: []byte("a program")},
	{Name: "README.md", Mode: 0o644, Data: []byte("# read me")},
}

func TestArchivesAreStable(t *testing.T) {
	when := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	a1, err := tarGz(testFiles, "p/", when)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a second later: nothing may change
	a2, _ := tarGz(testFiles, "p/", when)
	if !bytes.Equal(a1, a2) {
		t.Error("two tar.gz of the same files differ")
	}
	z1, err := zipped(testFiles, "p/", when, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	z2, _ := zipped(testFiles, "p/", when.In(time.FixedZone("elsewhere", 5*3600)), flate.BestCompression)
	if !bytes.Equal(z1, z2) {
		t.Error("two zips of the same files, made in two time zones, differ")
	}

	// Read back: names, modes, times, contents.
	gz, err := gzip.NewReader(bytes.NewReader(a1))
	if err != nil {
		t.Fatal(err)
	}
	if !gz.ModTime.IsZero() || gz.Name != "" {
		t.Errorf("the gzip header has a time %v or a name %q", gz.ModTime, gz.Name)
	}
	tr := tar.NewReader(gz)
	var got []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(tr)
		got = append(got, fmt.Sprintf("%s %o %d/%d %q", h.Name, h.Mode, h.Uid, h.Gid, body))
		if !h.ModTime.Equal(when) || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: time %v, owner %q %q", h.Name, h.ModTime, h.Uname, h.Gname)
		}
	}
	want := []string{`p/bin/ 755 0/0 ""`, `p/bin/pathway 755 0/0 "a program"`, `p/README.md 644 0/0 "# read me"`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tar holds\n%q\nwant\n%q", got, want)
	}
	zr, err := zip.NewReader(bytes.NewReader(z1), int64(len(z1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "p/bin/pathway" && f.Mode().Perm() != 0o755 {
			t.Errorf("the program's mode in the zip is %v", f.Mode())
		}
		if !f.Modified.Equal(when) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
	}
}

// signedFolder writes files and a signed SHA256SUMS, as a release does.
func signedFolder(t *testing.T, priv minisign.PrivateKey) string {
	dir := t.TempDir()
	var sums bytes.Buffer
	for _, name := range []string{"a.tar.gz", "b.zip"} {
		data := []byte("archive " + name)
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
		sum := sha256.Sum256(data)
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	os.WriteFile(filepath.Join(dir, "SHA256SUMS"), sums.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "SHA256SUMS.minisig"), kit.Sign(priv, sums.Bytes(), "test"), 0o644)
	return dir
}

func TestVerify(t *testing.T) {
	pub, priv, _ := minisign.GenerateKey(nil)
	other, _, _ := minisign.GenerateKey(nil)
	dir := signedFolder(t, priv)
	if n, err := verify(pub, dir, "SHA256SUMS"); err != nil || n != 2 {
		t.Fatalf("a good release: %d files, %v", n, err)
	}
	if _, err := verify(other, dir, "SHA256SUMS"); err == nil {
		t.Error("verified with another key")
	}
	// One byte of one archive changed.
	p := filepath.Join(dir, "b.zip")
	b, _ := os.ReadFile(p)
	b[3] ^= 1
	os.WriteFile(p, b, 0o644)
	if _, err := verify(pub, dir, "SHA256SUMS"); err == nil {
		t.Error("a changed archive verified")
	}
	// The list changed to match: the signature no longer does.
	dir = signedFolder(t, priv)
	sums, _ := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	sums[0] ^= 1
	os.WriteFile(filepath.Join(dir, "SHA256SUMS"), sums, 0o644)
	if _, err := verify(pub, dir, "SHA256SUMS"); err == nil {
		t.Error("a changed SHA256SUMS verified")
	}
}

// The start files show the key, and the project's key is one.
func TestProjectKey(t *testing.T) {
	if _, err := kit.ParsePublicKey(kit.ProjectKey); err != nil {
		t.Fatal(err)
	}
}
