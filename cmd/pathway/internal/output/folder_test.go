package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pathway/cmd/pathway/internal/env"
	"pathway/locales"
)

func testEnv(home string) *env.Env {
	return &env.Env{Loc: locales.English(), Getenv: func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	}}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.pdf")
	os.WriteFile(file, []byte("x"), 0o600)
	os.Mkdir(filepath.Join(dir, "usb"), 0o700)
	e := testEnv(dir)
	for _, c := range []struct {
		typed, want, err string
	}{
		{"plan.pdf", "", "is not the path of a folder"},
		{"usb", "", "is not the path of a folder"},
		{"./usb", "", "is not the path of a folder"},
		{filepath.Join(dir, "usbx"), "", "There is no folder"},
		{file, "", "is a file, not a folder"},
		{filepath.Join(dir, "usb") + "/", filepath.Join(dir, "usb"), ""},
		{"~/usb", filepath.Join(dir, "usb"), ""},
	} {
		got, err := Folder(e, c.typed)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("Folder(%q): error %v, want %q", c.typed, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("Folder(%q) = %q, %v; want %q", c.typed, got, err, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "usbx")); err == nil {
		t.Error("a folder was made")
	}
}

func TestFileNameAndFreeName(t *testing.T) {
	e := testEnv("")
	for typed, want := range map[string]string{"notes": "notes.pdf", "cards.pdf": "cards.pdf", " a b.pdf ": "a b.pdf"} {
		if got, err := FileName(e, typed, ".pdf"); err != nil || got != want {
			t.Errorf("FileName(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	for _, typed := range []string{"../x.pdf", "/tmp/x.pdf", `a\b.pdf`, "..", "."} {
		if _, err := FileName(e, typed, ".pdf"); err == nil {
			t.Errorf("FileName(%q) was accepted", typed)
		}
	}
	dir := t.TempDir()
	if got := FreeName(dir, "cards.pdf"); got != "cards.pdf" {
		t.Errorf("FreeName = %q", got)
	}
	os.WriteFile(filepath.Join(dir, "cards.pdf"), nil, 0o600)
	os.WriteFile(filepath.Join(dir, "cards-2.pdf"), nil, 0o600)
	if got := FreeName(dir, "cards.pdf"); got != "cards-3.pdf" {
		t.Errorf("FreeName = %q, want cards-3.pdf", got)
	}
}

func TestUnescapeMount(t *testing.T) {
	if got := unescapeMount(`/media/ana/MY\040STICK`); got != "/media/ana/MY STICK" {
		t.Errorf("got %q", got)
	}
}

func TestRemovableMounts(t *testing.T) {
	table := `/dev/sda1 / ext4 rw 0 0
/dev/sdb1 /media/ana/MY\040STICK vfat rw,nosuid 0 0
/dev/sdc1 /run/media/lin/KEYS exfat rw 0 0
tmpfs /run/user/1000 tmpfs rw 0 0
/dev/sdb1 /media/ana/MY\040STICK vfat rw 0 0
`
	got := removableMounts(strings.NewReader(table))
	want := []string{"/media/ana/MY STICK", "/run/media/lin/KEYS"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTypedPath(t *testing.T) {
	home := "/home/ana"
	e := testEnv(home)
	for in, want := range map[string]string{
		`"/media/usb/plans backup.age"`: "/media/usb/plans backup.age",
		`'/media/usb/b.age'`:            "/media/usb/b.age",
		"  /media/usb/b.age  ":          "/media/usb/b.age",
		"~/Downloads/b.age":             home + "/Downloads/b.age",
		`"`:                             `"`,
		"":                              "",
		"~other/b.age":                  "~other/b.age",
	} {
		if got := TypedPath(e, in); got != want {
			t.Errorf("TypedPath(%q) = %q, want %q", in, got, want)
		}
	}
}
