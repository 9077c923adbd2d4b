package main

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"aead.dev/minisign"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"pathway/cmd/pathway/internal/cli"
	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/kit"
	"pathway/locales"
)

// release is what one build knows.
type release struct {
	version string
	mtime   time.Time
	out     string
	pub     minisign.PublicKey
	pubText string
	key     *minisign.PrivateKey
	sbom    string // the cyclonedx-gomod program, "" for none
}

func buildCmd(args []string) error {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fl.String("o", "", "the folder to write the release in (new or empty)")
	version := fl.String("version", "", "the release's version (default: git describe)")
	keyFile := fl.String("key", "", "the minisign secret key to sign with (none: an unsigned release)")
	pubFile := fl.String("pub", "", "the public key the start files show (default: the project's, "+
		"cmd/pathway/internal/kit/release.pub)")
	sbom := fl.String("sbom", "", "the cyclonedx-gomod program (default: found in PATH or GOPATH/bin)")
	noSBOM := fl.Bool("no-sbom", false, "make no SBOM")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("build: -o is needed")
	}
	if _, err := os.Stat("go.mod"); err != nil {
		return errors.New("build: run it from the module's top folder")
	}
	r := &release{version: *version, out: *out, pubText: kit.ProjectKey}
	var err error
	if r.version == "" {
		if r.version, err = git("describe", "--tags", "--always", "--dirty"); err != nil {
			return fmt.Errorf("finding the version: %w", err)
		}
	}
	if r.mtime, err = commitTime(); err != nil {
		return err
	}
	if *pubFile != "" {
		b, err := os.ReadFile(*pubFile)
		if err != nil {
			return err
		}
		r.pubText = string(b)
	}
	if r.pub, err = kit.ParsePublicKey(r.pubText); err != nil {
		return err
	}
	if *keyFile != "" {
		k, err := readKey(*keyFile)
		if err != nil {
			return err
		}
		if !k.Public().(minisign.PublicKey).Equal(r.pub) {
			return fmt.Errorf("the key %s is not the one the start files show (%s): give its public key with -pub", *keyFile, r.pub)
		}
		r.key = &k
	}
	if !*noSBOM {
		if r.sbom, err = findSBOM(*sbom); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(r.out, 0o755); err != nil {
		return err
	}
	if entries, _ := os.ReadDir(r.out); len(entries) > 0 {
		return fmt.Errorf("%s is not empty", r.out)
	}
	return r.build()
}

func (r *release) build() error {
	work, err := os.MkdirTemp("", "pathway-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	common, err := r.commonFiles()
	if err != nil {
		return err
	}
	programs := map[string][]byte{}
	var made []string
	for _, p := range kit.Platforms {
		start := time.Now()
		bin := filepath.Join(work, p.OS+"-"+p.Arch, p.Exe())
		if err := r.compile(p, bin); err != nil {
			return err
		}
		prog, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		programs[p.String()] = prog
		name := "pathway-" + r.version + "-" + p.OS + "-" + p.Arch
		files := append([]kit.File{{Name: p.Exe(), Mode: 0o755, Data: prog}}, common...)
		kit.Sort(files)
		var archive []byte
		if p.OS == "windows" {
			archive, err = zipped(files, name+"/", r.mtime, flate.BestCompression)
			name += ".zip"
		} else {
			archive, err = tarGz(files, name+"/", r.mtime)
			name += ".tar.gz"
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		if err := r.write(name, archive); err != nil {
			return err
		}
		made = append(made, name)
		if r.sbom != "" {
			sbomName := "pathway-" + r.version + "-" + p.OS + "-" + p.Arch + ".cdx.json"
			if err := r.makeSBOM(bin, sbomName); err != nil {
				return err
			}
			made = append(made, sbomName)
		}
		fmt.Fprintf(os.Stderr, "%-14s %-44s %6.1f MB  (%s)\n", p, name, float64(len(archive))/1e6, time.Since(start).Round(time.Second))
	}

	// The kit: every platform, laid out for a USB stick, with the
	// licences; its file list signed.
	var licences []kit.File
	for _, f := range common {
		if f.Name == "LICENSE" || strings.HasPrefix(f.Name, "fonts") {
			f.Name = "licences/" + f.Name
			licences = append(licences, f)
		}
	}
	files, err := kit.Files(kit.Options{Programs: programs, PublicKey: r.pubText, Extra: append([]kit.File{{Name: "licences", Mode: fs.ModeDir | 0o755}}, licences...)})
	if err != nil {
		return err
	}
	if r.key != nil {
		for _, f := range files {
			if f.Name == kit.SumsName {
				sig := kit.Sign(*r.key, f.Data, "pathway "+r.version+" kit "+kit.SumsName)
				files = append(files, kit.File{Name: kit.SumsName + ".minisig", Mode: 0o644, Data: sig})
			}
		}
		kit.Sort(files)
	}
	kitName := "pathway-" + r.version + "-kit.zip"
	kitZip, err := zipped(files, "", r.mtime, flate.DefaultCompression)
	if err != nil {
		return fmt.Errorf("writing %s: %w", kitName, err)
	}
	if err := r.write(kitName, kitZip); err != nil {
		return err
	}
	made = append(made, kitName)
	fmt.Fprintf(os.Stderr, "%-14s %-44s %6.1f MB\n", "kit", kitName, float64(len(kitZip))/1e6)

	// SHA256SUMS, as sha256sum writes it, and its signature.
	slices.Sort(made)
	var sums bytes.Buffer
	for _, name := range made {
		b, err := os.ReadFile(filepath.Join(r.out, name))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	if err := r.write("SHA256SUMS", sums.Bytes()); err != nil {
		return err
	}
	if r.key == nil {
		fmt.Fprintln(os.Stderr, "no -key: SHA256SUMS is NOT signed")
		return nil
	}
	sig := kit.Sign(*r.key, sums.Bytes(), "pathway "+r.version+" SHA256SUMS")
	return r.write("SHA256SUMS.minisig", sig)
}

func (r *release) write(name string, data []byte) error {
	return os.WriteFile(filepath.Join(r.out, name), data, 0o644)
}

// compile builds pathway for p: static, without the build folder's path
// in it, with the version set.
func (r *release) compile(p kit.Platform, bin string) error {
	cmd := exec.Command("go", "build", "-trimpath",
		"-ldflags=-s -w -X pathway/cmd/pathway/internal/cli.Version="+r.version,
		"-o", bin, "./cmd/pathway")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+p.OS, "GOARCH="+p.Arch)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building for %s: %w", p, err)
	}
	return nil
}

// makeSBOM writes the CycloneDX SBOM of a built program, read from the
// module list Go writes into it: without a serial number or a time, so
// that it too is the same each time.
func (r *release) makeSBOM(bin, name string) error {
	cmd := exec.Command(r.sbom, "bin", "-json", "-noserial", "-notimestamp",
		"-version", r.version, "-output", filepath.Join(r.out, name), bin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("making the SBOM %s: %w\n%s", name, err, stderr.Bytes())
	}
	return nil
}

// findSBOM finds the cyclonedx-gomod program.
func findSBOM(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	if p, err := exec.LookPath("cyclonedx-gomod"); err == nil {
		return p, nil
	}
	if gopath, err := goEnv("GOPATH"); err == nil {
		p := filepath.Join(strings.Split(gopath, string(os.PathListSeparator))[0], "bin", "cyclonedx-gomod")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no cyclonedx-gomod: go install github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@v1.10.0, or -no-sbom")
}

// commonFiles are in every archive: README, LICENSE, the fonts'
// licences, manual pages in every language, shell completions.
func (r *release) commonFiles() ([]kit.File, error) {
	dir := func(name string) kit.File { return kit.File{Name: name, Mode: fs.ModeDir | 0o755} }
	var files []kit.File
	for _, name := range []string{"README.md", "LICENSE"} {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, kit.File{Name: name, Mode: 0o644, Data: b})
	}
	files = append(files, dir("fonts"))
	licences, _ := filepath.Glob("printout/fonts/LICENSE-*.txt")
	dejavu, err := goList("github.com/go-fonts/dejavu")
	if err != nil {
		return nil, err
	}
	licences = append(licences, filepath.Join(dejavu, "LICENSE-DejaVu"))
	for _, p := range licences {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt") + ".txt"
		files = append(files, kit.File{Name: "fonts/" + name, Mode: 0o644, Data: b})
	}
	files = append(files, dir("man"))
	for _, tag := range locales.Available() {
		root, err := r.root(tag)
		if err != nil {
			return nil, err
		}
		folder := "man/" + tag + "/man1"
		if tag == locales.Default {
			folder = "man/man1" // where man looks first
		} else {
			files = append(files, dir("man/"+tag))
		}
		files = append(files, dir(folder))
		pages, err := r.manPages(root, folder)
		if err != nil {
			return nil, err
		}
		files = append(files, pages...)
	}
	root, err := r.root(locales.Default)
	if err != nil {
		return nil, err
	}
	files = append(files, dir("completions"))
	for _, c := range []struct {
		name string
		gen  func(io.Writer) error
	}{
		{"pathway.bash", func(w io.Writer) error { return root.GenBashCompletionV2(w, true) }},
		{"pathway.zsh", root.GenZshCompletion},
		{"pathway.fish", func(w io.Writer) error { return root.GenFishCompletion(w, true) }},
		{"pathway.ps1", root.GenPowerShellCompletionWithDesc},
	} {
		var b bytes.Buffer
		if err := c.gen(&b); err != nil {
			return nil, fmt.Errorf("writing %s: %w", c.name, err)
		}
		files = append(files, kit.File{Name: "completions/" + c.name, Mode: 0o644, Data: b.Bytes()})
	}
	return files, nil
}

// root is pathway's root command speaking tag, as a run would build it.
func (r *release) root(tag string) (*cobra.Command, error) {
	loc, err := locales.Get(tag)
	if err != nil {
		return nil, err
	}
	cli.Version = r.version
	e := &env.Env{
		Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return r.mtime },
		Loc:    loc, Lang: tag,
	}
	return cli.NewRoot(e), nil
}

// manPages returns a manual page for root and every command under it.
func (r *release) manPages(root *cobra.Command, folder string) ([]kit.File, error) {
	var files []kit.File
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root || c.IsAdditionalHelpTopicCommand() {
			return nil
		}
		c.DisableAutoGenTag = true
		date := r.mtime
		h := &doc.GenManHeader{Section: "1", Date: &date, Source: "pathway " + r.version, Manual: "pathway"}
		var b bytes.Buffer
		if err := doc.GenMan(c, h, &b); err != nil {
			return fmt.Errorf("writing the manual page of %s: %w", c.CommandPath(), err)
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		files = append(files, kit.File{Name: folder + "/" + name, Mode: 0o644, Data: b.Bytes()})
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	return files, walk(root)
}

// commitTime is the time every file of the release carries:
// SOURCE_DATE_EPOCH if set, else the last commit's.
func commitTime() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		var err error
		if s, err = git("log", "-1", "--format=%ct"); err != nil {
			return time.Time{}, fmt.Errorf("finding the last commit's time: %w", err)
		}
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("reading the time %q: %w", s, err)
	}
	return time.Unix(sec, 0).UTC(), nil
}

func git(args ...string) (string, error) {
	out, err := exec.Command("git", args...).Output()
	return strings.TrimSpace(string(out)), err
}

func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	return strings.TrimSpace(string(out)), err
}

func goList(module string) (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		return "", fmt.Errorf("finding the module %s: %w", module, err)
	}
	return strings.TrimSpace(string(out)), nil
}
