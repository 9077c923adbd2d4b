package plan

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// formatVocabulary lists every name a binder file may hold that a pathway
// checks strictly: the JSON fields (by path), the plan kinds and
// statuses, the roles, the questions with their kind of answer, and the
// options. A pathway refuses a file with a name it does not know field by
// field ("unknown field", "unknown question"), so a name added since a
// released format needs a higher Format.
//
// The same function ran on the pathway of a released format writes that
// format's list (see TestWriteFormatVocabulary): it uses only what
// format 1's plan package already had.
func formatVocabulary() []string {
	var out []string
	var walk func(path string, t reflect.Type)
	walk = func(path string, t reflect.Type) {
		marshaler := reflect.TypeFor[json.Marshaler]()
		text := reflect.TypeFor[encoding.TextMarshaler]()
		if t.Implements(marshaler) || t.Implements(text) ||
			reflect.PointerTo(t).Implements(marshaler) || reflect.PointerTo(t).Implements(text) {
			return // a leaf written as one value, such as a Date
		}
		switch t.Kind() {
		case reflect.Pointer:
			walk(path, t.Elem())
		case reflect.Slice:
			walk(path+"[]", t.Elem())
		case reflect.Map:
			walk(path+"{}", t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "-" || !f.IsExported() {
					continue
				}
				if name == "" {
					name = f.Name
				}
				p := name
				if path != "" {
					p = path + "." + name
				}
				out = append(out, "field "+p)
				walk(p, f.Type)
			}
		}
	}
	walk("", reflect.TypeFor[Binder]())
	for _, k := range Kinds {
		out = append(out, "kind "+string(k))
	}
	out = append(out, "status "+string(Draft), "status "+string(Done))
	for _, r := range Roles {
		out = append(out, "role "+string(r))
	}
	for _, s := range Catalogue() {
		for _, q := range s.Questions {
			out = append(out, "question "+q.ID+" "+string(q.Kind))
			for _, o := range q.Options {
				out = append(out, "option "+q.ID+" "+o)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestWriteFormatVocabulary writes formatVocabulary to the file named by
// PATHWAY_WRITE_VOCABULARY, and does nothing without it. When a format is
// released, copy this file into that release's plan folder and run
// there: PATHWAY_WRITE_VOCABULARY=$PWD/format-N.txt go test -run
// TestWriteFormatVocabulary ./plan. Format 1's list came so from the
// pathway of commit ea7bf51 (2026-11-23).
func TestWriteFormatVocabulary(t *testing.T) {
	name := os.Getenv("PATHWAY_WRITE_VOCABULARY")
	if name == "" {
		t.Skip("PATHWAY_WRITE_VOCABULARY not set")
	}
	if err := os.WriteFile(name, []byte(strings.Join(formatVocabulary(), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// releasedVocabularies reads testdata/vocabulary/format-N.txt: the names
// each released format knew, by format number.
func releasedVocabularies(t *testing.T) map[int][]string {
	t.Helper()
	files, err := filepath.Glob("testdata/vocabulary/format-*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no released vocabulary in testdata/vocabulary (%v)", err)
	}
	out := map[int][]string{}
	for _, name := range files {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), "format-"), ".txt"))
		if err != nil {
			t.Fatalf("%s: not format-N.txt", name)
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" {
				out[n] = append(out[n], line)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// A name the newest released format did not know is refused by its
// pathway field by field; the format number must then be higher, so that
// it says the file comes from a newer pathway. And every name an older
// format knew must still read, since Decode migrates nothing.
func TestFormatCoversVocabulary(t *testing.T) {
	now := formatVocabulary()
	released := releasedVocabularies(t)
	newest := 0
	for n, names := range released {
		newest = max(newest, n)
		for _, name := range names {
			if !slices.Contains(now, name) {
				t.Errorf("format %d knew %q; this pathway does not, so it refuses a format %d file that holds it (add a migration to Decode)", n, name, n)
			}
		}
	}
	var added []string
	for _, name := range now {
		if !slices.Contains(released[newest], name) {
			added = append(added, name)
		}
	}
	if len(added) > 0 && Format <= newest {
		t.Errorf("Format is %d, but a pathway of format %d refuses, as an unknown field or question, what was added since:\n  %s\nraise Format",
			Format, newest, strings.Join(added, "\n  "))
	}
	// The list must be able to see an addition at all.
	if !slices.Contains(now, "field plans[].answers{}.na") || !slices.Contains(now, "field contacts[].if_silent.tell") ||
		!slices.Contains(now, "question calls.silence silence") || !slices.Contains(now, "role after-release") {
		t.Errorf("formatVocabulary misses names it must hold:\n%s", strings.Join(now, "\n"))
	}
}

// Files written by the pathway of format 1 (ea7bf51, 2026-11-23), with its
// own import and export: testdata/format1/ea7bf51-sample.json is
// testdata/sample-binder.json imported into a vault and exported, and
// ea7bf51-hard.json the same of testdata/hard-binder.json. This pathway
// reads them, and writes them back as the current format with everything
// they hold: the same bytes but for the format number.
func TestReadsFormat1FromEa7bf51(t *testing.T) {
	files, err := filepath.Glob("testdata/format1/ea7bf51-*.json")
	if err != nil || len(files) != 2 {
		t.Fatalf("format 1 files: %v %v", files, err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("{\n  \"format\": 1,\n")) {
			t.Fatalf("%s does not start as a format 1 file", name)
		}
		b, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, err := Encode(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.HasPrefix(out, []byte("{\n  \"format\": 2,\n")) {
			t.Errorf("%s is written back as:\n%.40s", name, out)
		}
		// Everything but the format, compared as JSON values: every
		// answer, contact and practice record.
		var was, is map[string]any
		if err := json.Unmarshal(data, &was); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, &is); err != nil {
			t.Fatal(err)
		}
		if was["format"] != 1.0 || is["format"] != 2.0 {
			t.Errorf("%s: format %v written back as %v", name, was["format"], is["format"])
		}
		delete(was, "format")
		delete(is, "format")
		if !reflect.DeepEqual(was, is) {
			t.Errorf("%s: written back, it no longer holds the same:\n%s", name, out)
		}
		answers := 0
		for _, p := range b.Plans {
			answers += len(p.Answers)
		}
		if answers < 30 || len(b.Contacts) < 7 {
			t.Errorf("%s: only %d answers and %d contacts read", name, answers, len(b.Contacts))
		}
		// Byte for byte, but the number: Encode writes today what the
		// pathway of format 1 wrote.
		if want := bytes.Replace(data, []byte(`"format": 1,`), []byte(`"format": 2,`), 1); !bytes.Equal(out, want) {
			t.Errorf("%s: written back differs from the file in more than its format number:\n%s", name, out)
		}
	}
}

// What this pathway writes says the current format, even for a binder
// built or read with an older one.
func TestWritesCurrentFormat(t *testing.T) {
	if Format != 2 {
		t.Errorf("Format = %d; docs/plan-format.md and the testscripts describe 2", Format)
	}
	b := New(Date{})
	if b.Format != Format {
		t.Errorf("New: format %d", b.Format)
	}
	b.Format = 1
	out, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("{\n  \"format\": 2,\n")) {
		t.Errorf("Encode of a format 1 binder:\n%s", out)
	}
	if b.Format != 1 {
		t.Errorf("Encode changed the binder it was given")
	}
	share, err := EncodeShare(&Share{Format: 1, Kind: ShareKind, For: "Ana", Binder: b})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Format int `json:"format"`
		Binder struct {
			Format int `json:"format"`
		} `json:"binder"`
	}
	if err := json.Unmarshal(share, &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != Format || got.Binder.Format != Format {
		t.Errorf("EncodeShare wrote share format %d, binder format %d:\n%s", got.Format, got.Binder.Format, share)
	}
	// A format 2 binder holds what format 1 lacked.
	two := `{"format": 2, "plans": [{"id": "p", "kind": "safety", "status": "draft", "answers": {"leave.others": {"na": true}}}]}`
	if b, err := Decode([]byte(two)); err != nil || !b.Plans[0].Answers["leave.others"].NotApply {
		t.Errorf("format 2 binder: %v", err)
	}
	// A format 1 share, as the pathway of format 1 wrote it, still opens.
	old := `{"format": 1, "kind": "pathway-share", "for": "Ana", "until": "2026-12-31", "made": "2026-11-20",
		"binder": {"format": 1, "contacts": [{"id": "c1", "name": "Ana", "phones": [{"number": "+14165550123"}]}], "plans": []}}`
	sh, err := DecodeShare([]byte(old))
	if err != nil {
		t.Fatalf("format 1 share: %v", err)
	}
	if sh.Binder.Format != Format || len(sh.Binder.Contacts) != 1 {
		t.Errorf("format 1 share read as %+v", sh.Binder)
	}
	// One of the next format is refused as newer, not field by field.
	newer := `{"format": ` + strconv.Itoa(Format+1) + `, "kind": "pathway-share", "binder": {"format": 1, "what": 1}}`
	var pe *Error
	if _, err := DecodeShare([]byte(newer)); !errors.As(err, &pe) || pe.Code != CodeNewerFormat {
		t.Errorf("share of format %d: %v", Format+1, err)
	}
}
