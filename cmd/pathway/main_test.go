package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"pathway/cmd/pathway/internal/cli"
	"pathway/cmd/pathway/internal/env"
	"pathway/crypt"
	"pathway/internal/nocore"
	"pathway/internal/testtool"
)

func TestMain(m *testing.M) {
	// A low work factor keeps the tests fast, as age's own tests do. It is
	// set here, in test code: the shipped binary has no way to change it.
	crypt.ScryptWorkFactor = 10
	testscript.Main(cleanup{m}, map[string]func(){
		"pathway": func() { os.Exit(testRun()) },
	})
}

// cleanup runs the tests, then removes the programs they built.
type cleanup struct{ m *testing.M }

func (c cleanup) Run() int {
	code := c.m.Run()
	for _, d := range []string{ageDir, filepath.Dir(binPath)} {
		if d != "" && d != "." {
			os.RemoveAll(d)
		}
	}
	return code
}

// testRun runs pathway as main does, with one thing more for tests: a
// fixed day from PATHWAY_TEST_TODAY. The shipped binary reads no such
// variable: this is the test binary standing in for it.
func testRun() int {
	nocore.Disable() // as main does
	e := &env.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
	if d := os.Getenv("PATHWAY_TEST_TODAY"); d != "" {
		day, err := time.Parse(time.DateOnly, d)
		if err != nil {
			panic(err)
		}
		e.Now = func() time.Time { return day.Add(12 * time.Hour) }
	}
	return cli.Run(e, os.Args[1:])
}

// jsonPath returns the value at a slash-separated path ("plans/0/kind").
func jsonPath(v any, path string) any {
	for _, part := range strings.Split(path, "/") {
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// needTool finds a command on PATH, or skips (fails under CI).
func needTool(t testing.TB, name string) string {
	t.Helper()
	return testtool.Need(t, name)
}

var (
	ageOnce sync.Once
	ageDir  string
	ageErr  error
)

// ageCommand builds the real age command, at the version go.mod pins, once
// per test run, and returns the folder that holds it.
func ageCommand(t testing.TB) string {
	t.Helper()
	ageOnce.Do(func() {
		ageDir, ageErr = os.MkdirTemp("", "pathway-age-")
		if ageErr != nil {
			return
		}
		ageErr = testtool.BuildAge(ageDir, "age", "age-keygen")
	})
	if ageErr != nil {
		t.Fatal(ageErr)
	}
	return ageDir
}

var held sync.Map // vault dir → *crypt.Vault locked by the test process

func TestScripts(t *testing.T) {
	ageDir := ageCommand(t)
	if runtime.GOOS != "windows" {
		needTool(t, "sh")
	}
	cmds := map[string]func(ts *testscript.TestScript, neg bool, args []string){}
	for k, v := range watchCmds() {
		cmds[k] = v
	}
	for k, v := range listCmds() {
		cmds[k] = v
	}
	params := testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("PATH", ageDir+string(os.PathListSeparator)+e.Getenv("PATH"))
			e.Setenv("HOME", filepath.Join(e.WorkDir, "home"))
			e.Setenv("XDG_CONFIG_HOME", filepath.Join(e.WorkDir, "home", ".config"))
			e.Setenv("PATHWAY_VAULT", filepath.Join(e.WorkDir, "vault"))
			e.Setenv("LANG", "")
			e.Setenv("LC_ALL", "")
			e.Setenv("LC_MESSAGES", "")
			scripts, err := filepath.Abs(filepath.Join("..", "..", "scripts"))
			if err != nil {
				return err
			}
			e.Setenv("SCRIPTS", scripts)
			sample, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample-binder.json"))
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(e.WorkDir, "sample.json"), sample, 0o644)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// lockvault DIR: the test process takes the vault's lock, as a
			// second pathway would. unlockvault DIR lets it go.
			"lockvault": func(ts *testscript.TestScript, neg bool, args []string) {
				v, err := crypt.At(ts.MkAbs(args[0]))
				ts.Check(err)
				ts.Check(v.Lock())
				held.Store(ts.MkAbs(args[0]), v)
			},
			"unlockvault": func(ts *testscript.TestScript, neg bool, args []string) {
				if v, ok := held.LoadAndDelete(ts.MkAbs(args[0])); ok {
					v.(*crypt.Vault).Unlock()
				}
			},
			// truncate FILE N: cut FILE to N bytes.
			"truncate": func(ts *testscript.TestScript, neg bool, args []string) {
				n, err := strconv.ParseInt(args[1], 10, 64)
				ts.Check(err)
				ts.Check(os.Truncate(ts.MkAbs(args[0]), n))
			},
			// flipbyte FILE OFFSET: change one byte; a negative offset
			// counts from the end, and @TEXT means 5 bytes after TEXT.
			"flipbyte": func(ts *testscript.TestScript, neg bool, args []string) {
				p := ts.MkAbs(args[0])
				b, err := os.ReadFile(p)
				ts.Check(err)
				var off int
				if at, ok := strings.CutPrefix(args[1], "@"); ok {
					off = bytes.Index(b, []byte(at)) + 5
				} else {
					off, err = strconv.Atoi(args[1])
					ts.Check(err)
				}
				if off < 0 {
					off += len(b)
				}
				b[off] ^= 0x01
				ts.Check(os.WriteFile(p, b, 0o600))
			},
			// bigfile FILE N: write N bytes of JSON-looking text.
			"bigfile": func(ts *testscript.TestScript, neg bool, args []string) {
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				b := make([]byte, n)
				for i := range b {
					b[i] = ' '
				}
				copy(b, `{"format": 1, "contacts": [], "plans": []}`)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
			},
			// writefile FILE TEXT: write TEXT to FILE, with Go's escapes
			// (\xff, \u202e, \n) read: for bytes a txtar file cannot hold.
			"writefile": func(ts *testscript.TestScript, neg bool, args []string) {
				text, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o644))
			},
			// jsonget FILE PATH...: print the value at each path of a JSON
			// file, compactly, one a line (null when there is none).
			"jsonget": func(ts *testscript.TestScript, neg bool, args []string) {
				var v any
				ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &v))
				for _, p := range args[1:] {
					out, err := json.Marshal(jsonPath(v, p))
					ts.Check(err)
					fmt.Fprintf(ts.Stdout(), "%s\n", out)
				}
			},
			// noplain MARKER DIR...: no file under the folders holds MARKER,
			// as text, UTF-16 or base64.
			"noplain": func(ts *testscript.TestScript, neg bool, args []string) {
				var dirs []string
				for _, d := range args[1:] {
					dirs = append(dirs, ts.MkAbs(d))
				}
				found, files := findPlaintext(dirs, args[0])
				if files == 0 {
					ts.Fatalf("no files under %v", dirs)
				}
				switch {
				case neg && len(found) == 0:
					ts.Fatalf("%q is nowhere in the clear", args[0])
				case !neg && len(found) > 0:
					ts.Fatalf("%q is in the clear in %v", args[0], found)
				}
			},
			// seal IN OUT PASSFILE: seal a file with the passphrase in
			// PASSFILE, the way pathway does, without validating it.
			"seal": func(ts *testscript.TestScript, neg bool, args []string) {
				plain, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				pass, err := os.ReadFile(ts.MkAbs(args[2]))
				ts.Check(err)
				k, err := crypt.Passphrase(string(pass[:len(pass)-1]))
				ts.Check(err)
				sealed, err := crypt.Seal(plain, k)
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), sealed, 0o600))
			},
		},
		Condition: func(cond string) (bool, error) {
			if name, ok := strings.CutPrefix(cond, "need:"); ok {
				// A tool the script needs: missing, the script skips,
				// except under CI, where it fails.
				if _, err := exec.LookPath(name); err != nil {
					if testtool.CI() {
						return false, fmt.Errorf("%s is not installed, and CI=true requires it", name)
					}
					return false, nil
				}
				return true, nil
			}
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	}
	for k, v := range cmds {
		params.Cmds[k] = v
	}
	testscript.Run(t, params)
}

// TestNoNetworkCode fails if the program links the packages that would let
// it talk to the network: pathway never goes online.
func TestNoNetworkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 || !slices.Contains(deps, "pathway/crypt") {
		t.Fatalf("go list -deps gave %d packages: the check is broken", len(deps))
	}
	for _, bad := range []string{"net/http", "crypto/tls", "net/rpc", "net/smtp", "filippo.io/age/plugin"} {
		if slices.Contains(deps, bad) {
			t.Errorf("pathway links %s", bad)
		}
	}
	// The net package (and with it DNS) comes in only through pflag,
	// for its IP-address flag types, which pathway never declares. A new
	// importer of net fails here.
	out, err = exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		pkg, imports, _ := strings.Cut(line, ": ")
		if slices.Contains(strings.Fields(imports), "net") && pkg != "github.com/spf13/pflag" {
			t.Errorf("%s imports net", pkg)
		}
	}
}
