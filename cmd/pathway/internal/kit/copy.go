package kit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"aead.dev/minisign"
)

// ErrNotKit is returned by Read for a folder that holds no kit.
var ErrNotKit = errors.New("no kit here: no " + SumsName)

// Root returns the top folder of the kit the program exe is in (exe is in
// one of the kit's platform folders), or "" if it is in none.
func Root(exe string) string {
	if exe == "" {
		return ""
	}
	root := filepath.Dir(filepath.Dir(exe))
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(SumsName))); err != nil {
		return ""
	}
	return root
}

// Read reads the kit in root and checks it: its list of sums must carry
// pub's signature, and every file it names must hash to what it says.
// It returns the kit's files, with its list, the signature, and an empty
// vault folder: never what is in root's vault folder, which may hold
// someone's plans.
func Read(root string, pub minisign.PublicKey) ([]File, error) {
	sums, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(SumsName)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotKit
	}
	if err != nil {
		return nil, fmt.Errorf("reading the kit: %w", err)
	}
	sig, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(SumsName)+".minisig"))
	if err != nil {
		return nil, fmt.Errorf("%w: the kit is not signed", ErrBadSignature)
	}
	if err := Verify(pub, sums, sig); err != nil {
		return nil, err
	}
	files := []File{
		{Name: VaultFolder, Mode: fs.ModeDir | 0o700},
		{Name: "check", Mode: fs.ModeDir | 0o755},
		{Name: SumsName, Mode: 0o644, Data: sums},
		{Name: SumsName + ".minisig", Mode: 0o644, Data: sig},
	}
	folders := map[string]bool{"check": true}
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		want, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || !fs.ValidPath(name) || strings.HasPrefix(name, VaultFolder+"/") {
			return nil, fmt.Errorf("reading the kit: a line that is not a file's sum: %q", sc.Text())
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			return nil, fmt.Errorf("reading the kit: %w", err)
		}
		if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != want {
			return nil, fmt.Errorf("%w: %s was changed", ErrBadSignature, name)
		}
		mode := fs.FileMode(0o644)
		for _, p := range Platforms {
			if name == p.Folder+"/"+p.Exe() {
				mode = 0o755
			}
		}
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			if !folders[d] {
				folders[d] = true
				files = append(files, File{Name: d, Mode: fs.ModeDir | 0o755})
			}
		}
		files = append(files, File{Name: name, Mode: mode, Data: data})
	}
	Sort(files)
	return files, nil
}

// AddLists returns files with an organisation's lists added in lists/.
func AddLists(files []File, lists []File) []File {
	if len(lists) == 0 {
		return files
	}
	files = append(files, File{Name: "lists", Mode: fs.ModeDir | 0o755})
	for _, l := range lists {
		files = append(files, File{Name: "lists/" + filepath.Base(l.Name), Mode: 0o644, Data: l.Data})
	}
	Sort(files)
	return files
}

// Taken returns the first of files already in dir, "" if none is: a kit is
// only laid out where it replaces nothing. A folder already there counts
// only if it is the vault folder and not empty.
func Taken(dir string, files []File) string {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		fi, err := os.Lstat(p)
		if err != nil {
			continue
		}
		if !f.Mode.IsDir() || !fi.IsDir() {
			return p
		}
		if f.Name == VaultFolder {
			if entries, _ := os.ReadDir(p); len(entries) > 0 {
				return p
			}
		}
	}
	return ""
}
