package kit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"pathway/locales"
)

// File is one file or folder of a kit, its name with forward slashes.
type File struct {
	Name string
	Mode fs.FileMode // fs.ModeDir for a folder
	Data []byte
}

// Options are what a kit is made of.
type Options struct {
	// Programs are the built programs, by platform ("linux/amd64").
	// Every platform of Platforms must be there unless Partial is set.
	Programs map[string][]byte
	// Partial allows a kit with only some platforms (a test's, or one
	// made on a computer that holds only its own program).
	Partial bool
	// PublicKey is the minisign public key the release is signed with
	// (the text of its .pub file): the start files show it and its words.
	PublicKey string
	// Extra are more files and folders (the licences), under their names.
	Extra []File
}

// Files returns the files of a kit, sorted by name, folders before what
// they hold. check/FILES.sha256 is among them; its signature is not (see
// Sign).
func Files(o Options) ([]File, error) {
	var files []File
	key, err := ParsePublicKey(o.PublicKey)
	if err != nil {
		return nil, err
	}
	for _, tag := range locales.Available() {
		text, err := StartText(tag, key)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: StartName(tag), Mode: 0o644, Data: []byte(text)})
	}
	// The programs, each folder once; macOS's two joined into one.
	byFolder := map[string][][]byte{}
	var folders []string
	for _, p := range Platforms {
		b, ok := o.Programs[p.String()]
		if !ok {
			if o.Partial {
				continue
			}
			return nil, fmt.Errorf("making the kit: no program for %s", p)
		}
		if _, seen := byFolder[p.Folder]; !seen {
			folders = append(folders, p.Folder)
		}
		byFolder[p.Folder] = append(byFolder[p.Folder], b)
	}
	for _, folder := range folders {
		progs := byFolder[folder]
		exe := "pathway"
		for _, p := range Platforms {
			if p.Folder == folder {
				exe = p.Exe()
			}
		}
		prog := progs[0]
		if len(progs) > 1 {
			if prog, err = Universal(progs...); err != nil {
				return nil, fmt.Errorf("making the kit's %s program: %w", folder, err)
			}
		}
		files = append(files,
			File{Name: folder, Mode: fs.ModeDir | 0o755},
			File{Name: folder + "/" + exe, Mode: 0o755, Data: prog})
	}
	files = append(files, File{Name: VaultFolder, Mode: fs.ModeDir | 0o700})
	files = append(files, o.Extra...)
	files = append(files,
		File{Name: "check", Mode: fs.ModeDir | 0o755},
		File{Name: SumsName, Mode: 0o644, Data: Sums(files)})
	Sort(files)
	return files, nil
}

// SumsName is the kit's list of what every file hashes to. Its signature,
// made by the release with the project's key, is SumsName + ".minisig".
const SumsName = "check/FILES.sha256"

// Sums returns the lines `sha256sum -c` reads for the files that are not
// folders, sorted by name: a hash, two spaces, the name.
func Sums(files []File) []byte {
	var lines []string
	for _, f := range files {
		if f.Mode.IsDir() {
			continue
		}
		sum := sha256.Sum256(f.Data)
		lines = append(lines, hex.EncodeToString(sum[:])+"  "+f.Name+"\n")
	}
	slices.Sort(lines)
	return []byte(strings.Join(lines, ""))
}

// Sort puts files in the order an archive holds them: by name, compared
// path element by path element, so that a folder comes just before what
// it holds.
func Sort(files []File) {
	slices.SortStableFunc(files, func(a, b File) int {
		return slices.Compare(strings.Split(a.Name, "/"), strings.Split(b.Name, "/"))
	})
}

// StartName is the start file of a language: START-<tag>.txt. The names
// are plain ASCII, which every system and every archive tool reads alike.
func StartName(tag string) string { return "START-" + tag + ".txt" }

// Write lays files out under dir, which may exist (an empty USB stick).
// A file already there is not replaced: an old vault folder full of plans
// is never touched.
func Write(dir string, files []File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("laying out the kit: %w", err)
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.Mode.IsDir() {
			if err := os.MkdirAll(p, f.Mode.Perm()); err != nil {
				return fmt.Errorf("laying out the kit: %w", err)
			}
			continue
		}
		w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, f.Mode.Perm())
		if err != nil {
			return fmt.Errorf("laying out the kit: %w", err)
		}
		if _, err := w.Write(f.Data); err != nil {
			w.Close()
			return fmt.Errorf("laying out the kit: %w", err)
		}
		if err := w.Close(); err != nil {
			return fmt.Errorf("laying out the kit: %w", err)
		}
	}
	return nil
}
