package plan

import (
	"bytes"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzDecode feeds arbitrary bytes to Decode: it never panics, and what it
// accepts is valid, within limits, clean, and encodes to bytes that decode
// to the same binder.
func FuzzDecode(f *testing.F) {
	sample, err := os.ReadFile("../testdata/sample-binder.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(`{"format":1}`))
	f.Add([]byte(`{"format":2}`))
	f.Add([]byte(`{"format":1,"contacts":[{"id":"c1","name":"\u001b[2J\u202eA","phones":[{"number":"416 555 0123 x9"}]}]}`))
	f.Add([]byte(`{"format":1,"plans":[{"id":"p","kind":"release","status":"draft","answers":{"bond.money":{"contacts":["c1"]}}}]}`))
	f.Add([]byte("{\"format\":1,\"language\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Decode(data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if err := b.Validate(); err != nil {
			t.Fatalf("decoded binder does not validate: %v", err)
		}
		out, err := Encode(b)
		if err != nil {
			t.Fatalf("decoded binder does not encode: %v", err)
		}
		if !utf8.Valid(out) || bytes.ContainsAny(out, "\x1b\u202e") {
			t.Fatalf("encoded binder is not clean: %q", out)
		}
		b2, err := Decode(out)
		if err != nil {
			t.Fatalf("encoded binder does not decode: %v", err)
		}
		out2, err := Encode(b2)
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("not stable: %v\n%s\n%s", err, out, out2)
		}
	})
}
