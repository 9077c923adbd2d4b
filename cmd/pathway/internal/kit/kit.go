// Package kit lays out a folder, usually a USB stick, from which pathway
// runs on Windows, macOS and Linux without being installed: a program per
// platform under a plain folder name, a start file in every language, and
// an empty vault folder so that plans stay on the stick and nothing is
// kept on the computer.
//
// The layout is:
//
//	START-en.txt … START-zh-Hant.txt   how to open pathway, in each language
//	windows/pathway.exe
//	mac/pathway                         one program for Intel and Apple chips
//	linux-x86_64/pathway
//	linux-aarch64/pathway
//	pathway-vault/                      empty: the plans go here
//	lists/                              an organisation's signed list, if given (AddLists)
//	licences/                           the release adds LICENSE and the fonts' (Options.Extra)
//	check/FILES.sha256(.minisig)        what every file must hash to, signed
//
// Nothing in it names an organisation or the work it does: the
// organisation's list is there only when it is given.
package kit

import (
	"os"
	"path/filepath"
)

// VaultFolder is the name of the vault folder on a stick. pathway uses a
// folder of that name beside its program, or one folder up, when no other
// vault is asked for (see FindVault).
const VaultFolder = "pathway-vault"

// Platform is one system a release is built for, and the folder of the
// stick its program goes in.
type Platform struct {
	OS, Arch string
	// Folder is where the program goes on a stick; two platforms with the
	// same folder (macOS on Intel and on Apple chips) are joined into one
	// program that runs on both.
	Folder string
}

// Exe is the program's file name on the platform.
func (p Platform) Exe() string {
	if p.OS == "windows" {
		return "pathway.exe"
	}
	return "pathway"
}

// String is the platform as Go names it, os/arch.
func (p Platform) String() string { return p.OS + "/" + p.Arch }

// Platforms are the systems a release is built for. The Linux folders are
// named as `uname -m` prints the machine, so that the command tells which
// one to open.
var Platforms = []Platform{
	{"linux", "amd64", "linux-x86_64"},
	{"linux", "arm64", "linux-aarch64"},
	{"windows", "amd64", "windows"},
	{"darwin", "amd64", "mac"},
	{"darwin", "arm64", "mac"},
}

// FindVault returns the vault folder of the stick pathway is run from: a
// folder named VaultFolder beside the program exe, or one folder up (the
// stick's top, where the kit puts it). It returns "" when there is none,
// which is the case everywhere but on a stick laid out by this package.
func FindVault(exe string) string {
	if exe == "" {
		return ""
	}
	dir := filepath.Dir(exe)
	for _, d := range []string{dir, filepath.Dir(dir)} {
		p := filepath.Join(d, VaultFolder)
		if fi, err := os.Lstat(p); err == nil && fi.IsDir() {
			return p
		}
	}
	return ""
}
