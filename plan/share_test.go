package plan

import (
	"bytes"
	"strings"
	"testing"
)

func TestSubsetHoldsOnlyTheChoice(t *testing.T) {
	b, _ := Decode(readSample(t))
	sel, bad := b.SelectSections([]string{"release-1/bond"})
	if bad != "" {
		t.Fatal(bad)
	}
	s := b.Subset(sel)
	if len(s.Plans) != 1 || len(s.Plans[0].Answers) != 2 {
		t.Fatalf("plans %+v", s.Plans)
	}
	if len(s.Contacts) != 2 || s.Contact("c1") == nil || s.Contact("c5") == nil {
		t.Fatalf("contacts %+v", s.Contacts)
	}
	out, _ := Encode(s)
	for _, secret := range []string{"Cat food", "lipstick", "Allergy", "Ana", "practice"} {
		if bytes.Contains(out, []byte(secret)) {
			t.Errorf("the share holds %q", secret)
		}
	}
	if _, bad := b.SelectSections([]string{"release-1/nope"}); bad != "release-1/nope" {
		t.Errorf("a missing part: %q", bad)
	}
	for _, part := range []string{"release-1/", "/bond"} {
		if _, bad := b.SelectSections([]string{part}); bad != part {
			t.Errorf("%q was read as a part", part)
		}
	}
	// Only the name, numbers and the chosen parts' roles of each contact.
	mei := s.Contact("c1")
	if mei.Address != "" || mei.Note != "" || !mei.Confirmed.IsZero() || mei.HasRole(RoleReleaseHost) || !mei.HasRole(RoleBondMoney) {
		t.Errorf("Mei in the share: %+v", mei)
	}
	if _, bad := b.SelectSections([]string{"bond", "leave", "safety-1"}); bad != "" {
		t.Errorf("parts by section and plan: %q", bad)
	}
}

func TestSelectForHelper(t *testing.T) {
	b, _ := Decode(readSample(t))
	s := b.Subset(b.SelectFor("c2")) // Ana: key holder and carer
	p := s.Plan("release-1")
	if p == nil || p.Answers["home.fetch"].Empty() || p.Answers["home.care"].Empty() {
		t.Fatalf("Ana's part: %+v", s.Plans)
	}
	if !p.Answers["bond.money"].Empty() || !p.Answers["calls.say"].Empty() {
		t.Error("Ana's part holds what she does not need")
	}
	if len(b.SelectFor("nobody")) != 0 {
		t.Error("a contact that does not exist selects something")
	}
}

func TestShareRoundTrip(t *testing.T) {
	b, _ := Decode(readSample(t))
	sel, _ := b.SelectSections([]string{"home"})
	until, _ := ParseDate("2026-12-31")
	sh := &Share{Format: Format, Kind: ShareKind, For: "Ana", Purpose: "keys", Until: until, Binder: b.Subset(sel)}
	data, err := EncodeShare(sh)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeShare(data)
	if err != nil || back.For != "Ana" || back.Until != until || len(back.Binder.Plans) != 1 {
		t.Fatalf("%v %+v", err, back)
	}
	if !back.Expired(until.AddDays(1)) || back.Expired(until) {
		t.Error("expiry")
	}
	if _, err := DecodeShare([]byte(`{"kind":"other"}`)); err == nil {
		t.Error("a file that is no share was read")
	}
}

// FuzzDecodeShare: a shared file's contents, as the receiver decrypts
// them, never crash the reader, and what is accepted is a valid binder.
func FuzzDecodeShare(f *testing.F) {
	b, _ := Decode(readSample(f))
	sel, _ := b.SelectSections([]string{"home"})
	until, _ := ParseDate("2026-12-31")
	good, _ := EncodeShare(&Share{Format: Format, Kind: ShareKind, For: "Ana", Until: until, Binder: b.Subset(sel)})
	f.Add(good)
	f.Add([]byte(`{"kind":"pathway-share","format":9}`))
	f.Add([]byte(`{"kind":"pathway-share","binder":{"format":1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeShare(data)
		if err != nil {
			return
		}
		if err := s.Binder.Validate(); err != nil {
			t.Fatalf("accepted an invalid binder: %v", err)
		}
		if strings.ContainsAny(s.For+s.Purpose, "\x1b\u202e") {
			t.Fatalf("not clean: %q %q", s.For, s.Purpose)
		}
	})
}
