package kit

import (
	"bytes"
	"debug/macho"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aead.dev/minisign"

	"pathway/locales"
)

// machO returns the smallest Mach-O file debug/macho reads: a 64-bit
// header for cpu, no load commands, then some bytes to tell it apart.
func machO(cpu macho.Cpu, tail string) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, macho.FileHeader{Magic: macho.Magic64, Cpu: cpu, SubCpu: 3, Type: macho.TypeExec})
	b.Write(make([]byte, 4)) // the 64-bit header's reserved word
	b.WriteString(tail)
	return b.Bytes()
}

func TestUniversal(t *testing.T) {
	intel, arm := machO(macho.CpuAmd64, "intel program"), machO(macho.CpuArm64, "arm program")
	fat, err := Universal(intel, arm)
	if err != nil {
		t.Fatal(err)
	}
	f, err := macho.NewFatFile(bytes.NewReader(fat))
	if err != nil {
		t.Fatalf("not a universal file: %v", err)
	}
	if len(f.Arches) != 2 {
		t.Fatalf("%d programs in it, want 2", len(f.Arches))
	}
	for i, want := range [][]byte{intel, arm} {
		a := f.Arches[i]
		if a.Offset%(1<<14) != 0 {
			t.Errorf("program %d starts at %d, not on a 16 KiB boundary", i, a.Offset)
		}
		if got := fat[a.Offset : a.Offset+a.Size]; !bytes.Equal(got, want) {
			t.Errorf("program %d is not kept whole", i)
		}
	}
	if f.Arches[0].Cpu != macho.CpuAmd64 || f.Arches[1].Cpu != macho.CpuArm64 {
		t.Errorf("processors %v %v", f.Arches[0].Cpu, f.Arches[1].Cpu)
	}
	if _, err := Universal([]byte("not a program")); err == nil {
		t.Error("a file that is not a macOS program was joined")
	}
}

func testKey(t *testing.T) (minisign.PublicKey, minisign.PrivateKey, string) {
	pub, priv, err := minisign.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := pub.MarshalText()
	return pub, priv, string(text)
}

func TestFiles(t *testing.T) {
	pub, priv, pubText := testKey(t)
	files, err := Files(Options{
		Programs: map[string][]byte{
			"linux/amd64":  []byte("linux program"),
			"darwin/amd64": machO(macho.CpuAmd64, "a"),
			"darwin/arm64": machO(macho.CpuArm64, "b"),
		},
		Partial:   true,
		PublicKey: pubText,
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	byName := map[string]File{}
	for _, f := range files {
		names = append(names, f.Name)
		byName[f.Name] = f
	}
	want := []string{"START-en.txt", "START-es.txt", "START-fr.txt", "START-ko.txt", "START-th.txt",
		"START-tl.txt", "START-vi.txt", "START-zh-Hans.txt", "START-zh-Hant.txt",
		"check", SumsName, "linux-x86_64", "linux-x86_64/pathway", "mac", "mac/pathway", VaultFolder}
	if !slices.Equal(names, want) {
		t.Fatalf("files:\n%q\nwant\n%q", names, want)
	}
	if !byName[VaultFolder].Mode.IsDir() || byName[VaultFolder].Mode.Perm() != 0o700 {
		t.Errorf("vault folder mode %v", byName[VaultFolder].Mode)
	}
	if _, err := macho.NewFatFile(bytes.NewReader(byName["mac/pathway"].Data)); err != nil {
		t.Errorf("mac/pathway is not one program for both chips: %v", err)
	}
	// The sums list every file but themselves, and sign and verify.
	sums := string(byName[SumsName].Data)
	for _, n := range want {
		f := byName[n]
		if f.Mode.IsDir() || n == SumsName {
			continue
		}
		if !strings.Contains(sums, "  "+n+"\n") {
			t.Errorf("%s is not in %s", n, SumsName)
		}
	}
	sig := Sign(priv, byName[SumsName].Data, "pathway test")
	if err := Verify(pub, byName[SumsName].Data, sig); err != nil {
		t.Errorf("own signature: %v", err)
	}
	changed := bytes.Replace(byName[SumsName].Data, []byte("0"), []byte("1"), 1)
	if err := Verify(pub, changed, sig); err == nil {
		t.Error("a changed list verified")
	}
	// Each start file is in its language, with the key and its words.
	words := strings.Join(Words(pub), " ")
	for _, tag := range locales.Available() {
		l, _ := locales.Get(tag)
		text := string(byName[StartName(tag)].Data)
		for _, s := range []string{l.T("kit.start.title"), pub.String(), words, VaultFolder, "\r\n"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s does not hold %q", StartName(tag), s)
			}
		}
	}
	// Nothing on the stick names the work of those it is for: a stick
	// found in a bag must not say more than "pathway".
	for _, f := range files {
		low := strings.ToLower(f.Name + " " + string(f.Data))
		for _, w := range []string{"sex", "escort", "massage", "trafficking"} {
			if strings.Contains(low, w) {
				t.Errorf("%s says %q", f.Name, w)
			}
		}
	}
	// Without Partial, every platform is needed.
	if _, err := Files(Options{Programs: map[string][]byte{"linux/amd64": nil}, PublicKey: pubText}); err == nil {
		t.Error("a kit without most programs was made")
	}
}

func TestLists(t *testing.T) {
	_, _, pubText := testKey(t)
	files, err := Files(Options{Partial: true, PublicKey: pubText})
	if err != nil {
		t.Fatal(err)
	}
	files = AddLists(files, []File{{Name: "/somewhere/our-list.json", Data: []byte("{}")}, {Name: "our-list.json.minisig", Data: []byte("sig")}})
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	for _, n := range []string{"lists", "lists/our-list.json", "lists/our-list.json.minisig"} {
		if !slices.Contains(names, n) {
			t.Errorf("no %s in %q", n, names)
		}
	}
}

func TestWriteKeepsWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	files := []File{{Name: VaultFolder, Mode: 0o700 | os.ModeDir}, {Name: "a.txt", Mode: 0o644, Data: []byte("new")}}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if got := FindVault(filepath.Join(dir, "mac", "pathway")); got != filepath.Join(dir, VaultFolder) {
		t.Errorf("FindVault one folder down: %q", got)
	}
	if got := FindVault(filepath.Join(dir, "pathway")); got != filepath.Join(dir, VaultFolder) {
		t.Errorf("FindVault beside: %q", got)
	}
	if got := FindVault(filepath.Join(dir, "a", "b", "pathway")); got != "" {
		t.Errorf("FindVault two folders down: %q", got)
	}
	if err := Write(dir, files); err == nil {
		t.Error("a file already there was replaced")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(b) != "new" {
		t.Errorf("a.txt holds %q", b)
	}
}
