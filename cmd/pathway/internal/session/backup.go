package session

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/output"
	"pathway/crypt"
	"pathway/plan"
)

// BackupFormat is the version of the backup file this pathway writes.
// A backup of a newer format is refused, never half read.
const BackupFormat = 1

// ManifestName is the first entry of a backup's archive: what it holds.
const ManifestName = "pathway-backup.json"

// A backup file is an age file: sealed with the person's passphrase (age's
// scrypt recipient, so "age -d" opens it with the passphrase alone), or to
// the vault's identity file, or, with consent, to an organisation's public
// key. Inside is a gzip-compressed tar archive (what "tar -xzf" reads):
// first ManifestName, then the plaintext of each sealed file of the vault,
// named as the vault names it without ".age" ("binder", "binder.previous",
// "directory", ...). The vault key (key.age) is not in it: a restore makes
// a new one.

// A Manifest says what a backup holds.
type Manifest struct {
	Format int            `json:"format"`
	Made   string         `json:"made"` // the day, YYYY-MM-DD
	Files  []ManifestFile `json:"files"`
}

// A ManifestFile is one file of a backup.
type ManifestFile struct {
	Vault  string `json:"vault"` // its name in the vault: "binder.age"
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"` // of the plaintext, in hex
}

// Errors of a backup file, matched with errors.Is.
var (
	// ErrBackupNewer: the backup was made by a newer pathway.
	ErrBackupNewer = errors.New("the backup was made by a newer pathway")
	// ErrBackupDamaged: the archive inside does not read as a backup.
	ErrBackupDamaged = errors.New("the backup is damaged")
)

// entryName is the name in the archive of the vault file name.
func entryName(vault string) string { return strings.TrimSuffix(vault, ".age") }

// BackupFiles opens every sealed file of the vault (crypt.Vault.Names:
// plans, their backup, organisations' lists, the sharing key, and any file
// a later part of pathway keeps there) and returns their plaintext by vault
// name. Without sharingKey, the sharing key (identity.age) is left out. A
// file the vault's key does not open (not the vault's, or damaged) is left
// out and named in skipped; the binder must open.
func (s *Session) BackupFiles(sharingKey bool) (files map[string][]byte, skipped []string, err error) {
	names, err := s.Vault.Names()
	if err != nil {
		return nil, nil, s.E.DescribeRead(err, s.Vault.Dir, "")
	}
	files = map[string][]byte{}
	for _, name := range names {
		if !sharingKey && (name == IdentityName || name == crypt.BackupOf(IdentityName)) {
			continue
		}
		if name == crypt.CurrentName {
			files[name] = s.Plain
			continue
		}
		plain, err := s.OpenFile(name)
		if err != nil {
			skipped = append(skipped, name)
			continue
		}
		files[name] = plain
	}
	return files, skipped, nil
}

// PackBackup writes files (plaintexts by vault name) as a backup's
// archive, made on the day made. The bytes depend on nothing else: the
// same files the same day give the same archive.
func PackBackup(made plan.Date, files map[string][]byte) ([]byte, error) {
	m := Manifest{Format: BackupFormat, Made: made.String()}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		sum := sha256.Sum256(files[name])
		m.Files = append(m.Files, ManifestFile{Vault: name, Size: len(files[name]), SHA256: hex.EncodeToString(sum[:])})
	}
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("writing the backup: %w", err)
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	day := made.Time()
	add := func(name string, data []byte) error {
		h := &tar.Header{Name: name, Mode: 0o600, Size: int64(len(data)), ModTime: day, Typeflag: tar.TypeReg, Format: tar.FormatUSTAR}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		_, err := tw.Write(data)
		return err
	}
	if err := add(ManifestName, append(mj, '\n')); err != nil {
		return nil, fmt.Errorf("writing the backup: %w", err)
	}
	for _, name := range names {
		if err := add(entryName(name), files[name]); err != nil {
			return nil, fmt.Errorf("writing the backup: %w", err)
		}
	}
	if err := tw.Close(); err != nil {
		return nil, fmt.Errorf("writing the backup: %w", err)
	}
	if err := gz.Close(); err != nil {
		return nil, fmt.Errorf("writing the backup: %w", err)
	}
	return buf.Bytes(), nil
}

// maxUnpacked is the most a backup's archive may hold once uncompressed:
// more than any vault holds, and a bound on a file made to fill memory.
const maxUnpacked = 64 << 20

// UnpackBackup reads a backup's archive and returns its manifest and the
// plaintext of each file by vault name. A newer format gives
// ErrBackupNewer before anything else is read; an archive that is not
// whole, or whose files do not match its manifest, ErrBackupDamaged.
func UnpackBackup(data []byte) (*Manifest, map[string][]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBackupDamaged, err)
	}
	tr := tar.NewReader(io.LimitReader(gz, maxUnpacked))
	h, err := tr.Next()
	if err != nil || h.Name != ManifestName {
		return nil, nil, fmt.Errorf("%w: no %s first", ErrBackupDamaged, ManifestName)
	}
	var m Manifest
	if err := json.NewDecoder(io.LimitReader(tr, 1<<20)).Decode(&m); err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", ErrBackupDamaged, ManifestName, err)
	}
	switch {
	case m.Format > BackupFormat:
		return &m, nil, fmt.Errorf("%w (format %d)", ErrBackupNewer, m.Format)
	case m.Format < 1:
		return nil, nil, fmt.Errorf("%w: format %d", ErrBackupDamaged, m.Format)
	}
	want := map[string]ManifestFile{}
	for _, f := range m.Files {
		if !crypt.ValidName(f.Vault) {
			return nil, nil, fmt.Errorf("%w: %q is not a vault file", ErrBackupDamaged, f.Vault)
		}
		want[entryName(f.Vault)] = f
	}
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %v", ErrBackupDamaged, err)
		}
		f, ok := want[h.Name]
		if !ok || files[f.Vault] != nil || h.Typeflag != tar.TypeReg {
			return nil, nil, fmt.Errorf("%w: unexpected %q", ErrBackupDamaged, h.Name)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %s: %v", ErrBackupDamaged, h.Name, err)
		}
		sum := sha256.Sum256(b)
		if len(b) != f.Size || hex.EncodeToString(sum[:]) != f.SHA256 {
			return nil, nil, fmt.Errorf("%w: %s does not match the manifest", ErrBackupDamaged, h.Name)
		}
		files[f.Vault] = b
	}
	// The gzip stream must end whole too (its checksum is read at the end).
	if _, err := io.Copy(io.Discard, gz); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBackupDamaged, err)
	}
	if len(files) != len(m.Files) {
		return nil, nil, fmt.Errorf("%w: %d files of %d", ErrBackupDamaged, len(files), len(m.Files))
	}
	return &m, files, nil
}

// CheckBackup opens a backup file's bytes with k, as a restore would, and
// checks that it holds exactly files: the check right after a backup is
// written.
func CheckBackup(sealed []byte, k *crypt.Key, files map[string][]byte) error {
	plain, err := crypt.Open(sealed, k)
	if err != nil {
		return err
	}
	_, got, err := UnpackBackup(plain)
	if err != nil {
		return err
	}
	if len(got) != len(files) {
		return fmt.Errorf("%w: %d files, want %d", ErrBackupDamaged, len(got), len(files))
	}
	for name, b := range files {
		if !bytes.Equal(got[name], b) {
			return fmt.Errorf("%w: %s differs", ErrBackupDamaged, name)
		}
	}
	return nil
}

// A BackupResult says what WriteBackup wrote.
type BackupResult struct {
	Files   []string // the vault files in the backup
	Skipped []string // the vault's files its key did not open, left out
}

// WriteBackup writes a backup of the vault to out: sealed with what opens
// the vault (the passphrase, or the identity file), or, if org is not nil,
// to that organisation's public key alone, and then without the sharing
// key. Right after writing, it reads the file back: it must be the bytes
// sealed, and (unless sealed to org, whose key pathway does not have) open
// with the vault's key to exactly the files packed (see writeBackupFile).
func (s *Session) WriteBackup(out output.File, org *crypt.Key) (*BackupResult, error) {
	e := s.E
	files, skipped, err := s.BackupFiles(org == nil)
	if err != nil {
		return nil, err
	}
	data, err := PackBackup(e.Today(), files)
	if err != nil {
		return nil, e.Describe(err, "", out.Path)
	}
	key := s.Key
	if org != nil {
		key = org
	}
	sealed, err := crypt.Seal(data, key)
	if err != nil {
		return nil, e.Describe(err, "", out.Path)
	}
	if len(sealed) > crypt.MaxSealed {
		return nil, e.Fail("backup.too-big", "Path", out.Path)
	}
	check := func(b []byte) error {
		if org != nil {
			return nil // only the organisation's key opens it
		}
		return CheckBackup(b, key, files)
	}
	if out.Path == "-" {
		// Checked before it goes: a pipe cannot be read back.
		if err := check(sealed); err != nil {
			return nil, e.Fail("backup.check-failed", "Path", out.Path, "Detail", err.Error())
		}
		if err := out.Write(e, sealed); err != nil {
			return nil, err
		}
	} else if err := writeBackupFile(e, out, sealed, check); err != nil {
		return nil, err
	}
	r := &BackupResult{Skipped: skipped}
	for name := range files {
		r.Files = append(r.Files, name)
	}
	slices.Sort(r.Files)
	return r, nil
}

// writeBackupFile writes sealed to out.Path as a backup must be written:
// first beside it, under a temporary name, flushed to the disk; then read
// back, compared with sealed and given to check; only a file that passes
// is renamed into place. A file already there (--force) is replaced only
// by a backup that opens; one that fails leaves it as it was. Without
// Force, a file that appeared meanwhile is not written over.
func writeBackupFile(e *env.Env, out output.File, sealed []byte, check func([]byte) error) (err error) {
	fail := func(err error) error {
		if errors.Is(err, fs.ErrPermission) {
			return e.Fail("error.print-permission", "Path", out.Path)
		}
		return e.Fail("error.print-write", "Path", out.Path, "Detail", err.Error())
	}
	f, err := os.CreateTemp(filepath.Dir(out.Path), ".pathway-backup-*")
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return fail(err)
	}
	if _, err := f.Write(sealed); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	back, err := ReadBackup(tmp)
	if err == nil && !bytes.Equal(back, sealed) {
		err = fmt.Errorf("%w: the file on the disk differs from what was written", ErrBackupDamaged)
	}
	if err == nil {
		err = check(back)
	}
	if err != nil {
		return e.Fail("backup.check-failed", "Path", out.Path, "Detail", err.Error())
	}
	if _, lerr := os.Lstat(out.Path); lerr == nil && !out.Force {
		return e.Fail("error.print-exists", "Path", out.Path)
	}
	if err = os.Rename(tmp, out.Path); err != nil {
		return fail(err)
	}
	return nil
}

// ReadBackup reads a backup file, refusing one bigger than any backup.
func ReadBackup(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, crypt.MaxSealed+1))
}

// A BackupConsent is what the person agreed to, in words, before a backup
// was sealed to an organisation's public key: that whoever holds the
// organisation's key can read everything in it.
type BackupConsent struct {
	Recipient string    // the organisation's public key (age1…)
	Made      plan.Date // the day
	Path      string    // where the backup is written
}

// RecordBackupConsent keeps in the vault's consent ledger that the person
// agreed to give a backup to an organisation. It is called under the
// vault's lock, before the backup is made, so that the backup holds the
// record too. It is listed by pathway shares like any share, and can be
// taken back the same way: everything, to the organisation's key, with no
// day (a backup is kept until the person asks for it back).
func (s *Session) RecordBackupConsent(c BackupConsent) error {
	_, err := s.RecordShare(plan.Consent{
		Made:      c.Made,
		Parts:     nil, // everything in the vault
		For:       c.Recipient,
		How:       plan.HowBackup,
		Recipient: c.Recipient,
		File:      c.Path,
	})
	return err
}

// RestoreFrom is where a restore's backup comes from.
type RestoreFrom struct {
	Path   string // the backup file, for messages
	Sealed []byte // its bytes
	// Identity is an age identity file that opens a backup sealed to an
	// organisation's key (restore --backup-identity); "" for a backup
	// that opens with the vault's passphrase or identity file.
	Identity string
	Replace  bool // write over the vault's files
	// Header is the screen's header while the passphrase is asked:
	// "pathway" if empty.
	Header string
}

// Restored says what a restore put back.
type Restored struct {
	Dir      string
	Manifest *Manifest
	Files    []string
	// SamePassphrase: the vault opens with the passphrase that opened
	// the backup.
	SamePassphrase bool
}

// Restore opens a backup and puts what it holds into the vault the person
// chose: the backup is opened and checked whole (its passphrase asked with
// p, Tries times) before the vault is touched, so that a wrong passphrase,
// a backup cut short or damaged, or one from a newer pathway changes
// nothing. A backup opened with the passphrase gives a vault that opens
// with the same passphrase; one opened with an organisation's identity
// asks for the new vault's passphrase (or takes --passphrase-file,
// --identity).
//
// Without from.Replace the vault must hold none of pathway's files.
func Restore(e *env.Env, o *Options, p Prompter, from RestoreFrom) (*Restored, error) {
	v, err := Find(e, o)
	if err != nil {
		return nil, err
	}
	// Said before the passphrase is asked; checked again under the lock.
	if !from.Replace {
		if err := checkEmpty(e, v); err != nil {
			return nil, err
		}
	}
	key, m, files, _, err := readBackup(e, o, p, from)
	if err != nil {
		return nil, err
	}
	if from.Identity != "" {
		// The organisation's key opened it: the vault gets the person's
		// own key, asked now.
		if key, err = NewKey(e, o, p); err != nil {
			return nil, err
		}
	}
	if err := v.Lock(); err != nil {
		return nil, e.Describe(err, v.Dir, "")
	}
	defer v.Unlock()
	if _, err := v.Restore(key, files, from.Replace); err != nil {
		if errors.Is(err, crypt.ErrNotEmpty) {
			return nil, e.Fail("restore.not-empty", "Dir", v.Dir)
		}
		return nil, e.Describe(err, v.Dir, "")
	}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	return &Restored{Dir: v.Dir, Manifest: m, Files: names, SamePassphrase: from.Identity == "" && key.IsPassphrase()}, nil
}

// readBackup opens the backup with the key the person gives, and checks
// it whole: the archive, its plans file, the plans in it.
func readBackup(e *env.Env, o *Options, p Prompter, from RestoreFrom) (*crypt.Key, *Manifest, map[string][]byte, *plan.Binder, error) {
	open, key, err := openBackup(e, o, p, from)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	m, files, err := UnpackBackup(open)
	if err != nil {
		return nil, nil, nil, nil, backupError(e, err, from.Path)
	}
	if files[crypt.CurrentName] == nil {
		return nil, nil, nil, nil, e.Fail("restore.damaged", "Path", from.Path)
	}
	b, err := plan.Decode(files[crypt.CurrentName])
	if err != nil {
		return nil, nil, nil, nil, e.DescribeRead(err, "", from.Path)
	}
	return key, m, files, b, nil
}

// errBack is a choice to go back: the person left the path empty.
var errBack = errors.New("back")

// restoreFirst is the first run of someone who brings their plans back
// from a backup file: the vault v, locked and empty, gets what the backup
// holds, and opens with the backup's passphrase. Every problem is said
// where the person looks and the path asked again; an empty path goes
// back (errBack). Nothing is written before the backup is opened and
// checked whole.
func restoreFirst(e *env.Env, o *Options, p Prompter, line Liner, v *crypt.Vault) (*Session, error) {
	T := e.T
	for {
		path, err := line.Line(T("first.title"), T("first.restore-path"), T("first.restore-help"))
		if err != nil {
			return nil, err
		}
		path = output.TypedPath(e, path)
		if path == "" {
			return nil, errBack
		}
		sealed, err := ReadBackup(path)
		if err != nil {
			p.Notice(e.Message(e.Fail("error.input-file", "Path", path)))
			continue
		}
		if o.IdentityFile == "" && crypt.IsAge(sealed) && !crypt.NeedsPassphrase(sealed) {
			// Said before a passphrase is asked in vain.
			p.Notice(T("first.restore-needs-key", "Path", path, "Backup", T("before.backup-now")))
			continue
		}
		key, m, files, b, err := readBackup(e, o, p, RestoreFrom{Path: path, Sealed: sealed, Header: T("first.title")})
		var said *env.Error
		if errors.As(err, &said) && !said.Quiet {
			// A problem with this file: said, and the path asked again.
			p.Notice(said.Msg)
			continue
		}
		if err != nil {
			return nil, err
		}
		// The folder holds no plans (or this would not be a first run):
		// what else of pathway's may be there (lists, a key, left by a
		// deletion or a first run cut short) opens with nothing now, and
		// gives way to the backup.
		kr, err := v.Restore(key, files, true)
		if err != nil {
			return nil, e.Describe(err, v.Dir, "")
		}
		// From here on, in the language the plans were made in.
		e.UseSavedLanguage(b)
		msg := e.N("restore.done", len(files), "Dir", v.Dir, "Made", m.Made)
		if key.IsPassphrase() {
			msg += "\n" + T("restore.same-passphrase")
		}
		p.Notice(msg)
		return &Session{E: e, Vault: v, Key: key, kr: kr, Binder: b, Plain: files[crypt.CurrentName], locked: true, opts: o}, nil
	}
}

// A Liner asks for a line of text: the full screen and the plain prompts
// are; a bare terminal prompt is not, and offers no restore.
type Liner interface {
	Line(header, title, help string) (string, error)
}

// checkEmpty refuses a vault that holds any of pathway's files.
func checkEmpty(e *env.Env, v *crypt.Vault) error {
	if _, err := os.Stat(v.Dir); err != nil {
		return nil
	}
	names, err := v.Names()
	if err != nil {
		return e.DescribeRead(err, v.Dir, "")
	}
	for _, name := range names {
		if crypt.IsVaultFile(name) {
			return e.Fail("restore.not-empty", "Dir", v.Dir)
		}
	}
	return nil
}

// openBackup opens the backup with the key the person gives and returns
// the archive and that key.
func openBackup(e *env.Env, o *Options, p Prompter, from RestoreFrom) ([]byte, *crypt.Key, error) {
	if len(from.Sealed) > crypt.MaxSealed {
		return nil, nil, e.Fail("restore.too-big", "Path", from.Path)
	}
	identity := from.Identity
	if identity == "" {
		identity = o.IdentityFile
	}
	if identity != "" {
		k, err := IdentityKey(e, identity)
		if err != nil {
			return nil, nil, err
		}
		plain, err := crypt.Open(from.Sealed, k)
		if err != nil {
			return nil, nil, backupError(e, err, from.Path)
		}
		return plain, k, nil
	}
	help := ""
	for try := 1; ; try++ {
		var pass string
		var err error
		asked := o.PassphraseFile == ""
		if asked {
			header := from.Header
			if header == "" {
				header = "pathway"
			}
			pass, err = p.Secret(header, e.T("restore.prompt"), help, nil)
		} else {
			pass, err = FirstLine(e, o.PassphraseFile)
		}
		if err != nil {
			return nil, nil, err
		}
		k, err := crypt.Passphrase(pass)
		if err == nil {
			if b, ok := p.(interface{ Busy(string) }); ok {
				b.Busy(e.T("msg.opening"))
			}
			var plain []byte
			if plain, err = crypt.Open(from.Sealed, k); err == nil {
				return plain, k, nil
			}
		}
		if asked && try < Tries && (errors.Is(err, crypt.ErrWrongPassphrase) || errors.Is(err, crypt.ErrEmptyPassphrase)) {
			help = e.T("restore.wrong-passphrase", "Path", from.Path)
			if errors.Is(err, crypt.ErrEmptyPassphrase) {
				// Enter alone: no passphrase was tried.
				help = e.T("error.passphrase-empty")
			}
			if _, bare := p.(TTY); bare {
				p.Notice(help)
				help = ""
			}
			continue
		}
		return nil, nil, backupError(e, err, from.Path)
	}
}

// backupErrors are the problems with a backup file and the message that
// words each; every one says that nothing was changed.
var backupErrors = []struct {
	err error
	id  string
}{
	{crypt.ErrWrongPassphrase, "restore.wrong-passphrase"},
	{crypt.ErrEmptyPassphrase, "restore.wrong-passphrase"},
	{crypt.ErrWrongIdentity, "restore.wrong-identity"},
	{crypt.ErrNeedsIdentity, "restore.needs-identity"},
	{crypt.ErrNeedsPassphrase, "restore.needs-passphrase"},
	{crypt.ErrNotAge, "restore.not-age"},
	{crypt.ErrTruncated, "restore.truncated"},
	{crypt.ErrDamaged, "restore.damaged"},
	{crypt.ErrTooBig, "restore.too-big"},
	{ErrBackupNewer, "restore.newer"},
	{ErrBackupDamaged, "restore.damaged"},
}

// backupError words a problem with the backup file at path.
func backupError(e *env.Env, err error, path string) error {
	var ue *env.Error
	if errors.As(err, &ue) {
		return ue
	}
	for _, c := range backupErrors {
		if errors.Is(err, c.err) {
			return e.Fail(c.id, "Path", path)
		}
	}
	return e.Fail("error.crypt.read", "Path", path, "Detail", err.Error())
}

// InsideVault reports whether path (a file to write) is in the vault
// folder dir or under it, links followed where they exist.
func InsideVault(path, dir string) bool {
	abs := func(p string) string {
		p, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return p
	}
	d := abs(dir)
	f := filepath.Join(abs(filepath.Dir(path)), filepath.Base(path))
	rel, err := filepath.Rel(d, f)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
