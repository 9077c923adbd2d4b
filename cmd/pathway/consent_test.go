package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/session"
	"pathway/locales"
	"pathway/plan"
)

// promises are phrasings, per language, that make a share's end date
// sound like a lock ("only X can open it, until DATE", "the last day they
// may open it"). pathway cannot enforce that day: the file still opens
// after it, and a copy can be kept. These match the words pathway used to
// say; none may come back in any message.
var promises = map[string][]string{
	"en":      {`(?i)only .{0,40}can open it,? until`, `(?i)\b(may|can) open it\b.{0,20}(until|YYYY)`, `(?i)last day .{0,20}(may|can) open`, `(?i)until (when|which day) (they )?(may|can) open`, `(?i)until (when|which day) (may|can) they open`},
	"fr":      {`peut l'ouvrir.{0,40}jusqu`, `jusqu'à quand .{0,30}peut l'ouvrir`, `ne peut être ouvert que par .{0,30}jusqu`, `dernier jour .{0,30}ouvrir`},
	"es":      {`puede abrirlo.{0,40}hasta`, `último día .{0,30}puede abrir`, `lo puede abrir .{0,30}hasta`, `puede abrir.{0,20}hasta`},
	"zh-Hans": {`能打开它的最后`, `可以打开到`, `能打开它，有效期`, `最晚哪一天可以打开`},
	"zh-Hant": {`能開啟它的最後`, `可以開啟到`, `能開啟它，有效期`, `最晚哪一天可以開啟`},
	"vi":      {`được mở nó`, `mở được nó, cho đến`},
	"ko":      {`까지 .{0,20}만 열 수 있어요`, `열 수 있는 마지막`, `언제까지 열 수 있`},
	"th":      {`ที่เขาเปิดได้`, `เปิดได้ จนถึง`, `เปิดได้ถึง`},
	"tl":      {`puwede niya itong buksan`, `makakapagbukas lang nito: .{0,30}hanggang`, `puwedeng buksan`},
}

// request is the word, per language, for what the end date is: a request.
var request = map[string]string{
	"en": "request", "fr": "demande", "es": "petición", "zh-Hans": "请求", "zh-Hant": "請求",
	"vi": "yêu cầu", "ko": "부탁", "th": "คำขอ", "tl": "pakiusap",
}

// TestShareDateIsARequest: in every language, no message promises that a
// share stops opening after its day, and what share says about the day
// (its help, the flag, the message once written, the screens that ask and
// confirm) calls it a request. The help of share speaks of an encrypted
// file, never a PDF.
func TestShareDateIsARequest(t *testing.T) {
	for _, tag := range locales.Available() {
		t.Run(tag, func(t *testing.T) {
			pats, ok := promises[tag]
			if !ok || request[tag] == "" {
				t.Fatalf("no promise patterns or request word for %s: add them", tag)
			}
			l, err := locales.Get(tag)
			if err != nil {
				t.Fatal(err)
			}
			for _, key := range locales.Keys(tag) {
				msg := l.T(key, "Path", "x.age", "For", "Ana", "Until", "2027-12-31")
				for _, p := range pats {
					if regexp.MustCompile(p).MatchString(msg) {
						t.Errorf("%s promises a lock (%s): %s", key, p, msg)
					}
				}
			}
			for _, key := range []string{"cmd.share.long", "flag.until", "share.written", "share.until",
				"shares.truth", "shares.until-help"} {
				msg := l.T(key, "Path", "x.age", "For", "Ana", "Until", "2027-12-31")
				if !strings.Contains(strings.ToLower(msg), request[tag]) {
					t.Errorf("%s does not say the day is a request (%q): %s", key, request[tag], msg)
				}
			}
			code, out, _ := runIn(t, "", "share", "--help", "--lang", tag)
			if code != 0 {
				t.Fatalf("share --help exited %d", code)
			}
			if strings.Contains(out, "PDF") {
				t.Errorf("share --help speaks of a PDF:\n%s", out)
			}
			if !strings.Contains(strings.ToLower(out), request[tag]) {
				t.Errorf("share --help does not say the day is a request:\n%s", out)
			}
		})
	}
}

// TestRecordShareAPI: another feature that hands the plans to someone (a
// backup an organisation keeps) records its consent with
// session.RecordShare; pathway shares lists it, and the check-up reminds
// of it once its day has passed.
func TestRecordShareAPI(t *testing.T) {
	dir := t.TempDir()
	vault := filepath.Join(dir, "vault")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600)
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample-binder.json"))
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runIn(t, "", "--vault", vault, "--passphrase-file", pass, "import", sample); code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	e := &env.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" },
		Now: func() time.Time { return now }, Loc: locales.English()}
	s, err := session.Lock(e, &session.Options{VaultDir: vault, PassphraseFile: pass}, session.TTY{E: e}, "prompt.passphrase")
	if err != nil {
		t.Fatal(err)
	}
	until, _ := plan.ParseDate("2026-12-01")
	id, err := s.RecordShare(plan.Consent{Parts: []string{"release-1/bond"}, For: "Riverside Legal Clinic",
		Purpose: "a backup they keep", Until: until, How: "organisation"})
	s.Close()
	if err != nil || id != "1" {
		t.Fatalf("RecordShare = %q, %v", id, err)
	}
	code, list, errs := runIn(t, "", "--vault", vault, "--passphrase-file", pass, "shares")
	if code != 0 {
		t.Fatalf("shares: %d %s", code, errs)
	}
	for _, want := range []string{"1. For Riverside Legal Clinic, made on 2026-11-20", "Kept by: organisation",
		"What: Release plan: Bond person", "Why: a backup they keep", "2026-12-01"} {
		if !strings.Contains(list, want) {
			t.Errorf("pathway shares does not say %q:\n%s", want, list)
		}
	}
	// The check-up of a later day: the day has passed.
	later := now.AddDate(0, 1, 0)
	e.Now = func() time.Time { return later }
	s, err = session.Open(e, &session.Options{VaultDir: vault, PassphraseFile: pass}, session.TTY{E: e}, false)
	if err != nil {
		t.Fatal(err)
	}
	var passed bool
	for _, a := range s.CheckUp().Old {
		passed = passed || a.Code == "share-passed" && a.Share == "1" && a.For == "Riverside Legal Clinic"
	}
	if !passed {
		t.Errorf("the check-up does not remind of the passed share: %+v", s.CheckUp().Old)
	}
}
