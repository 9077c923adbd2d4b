package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// LedgerKind marks the consent ledger: the record of what the person
// shared, with whom, why, until when, and what they took back.
const LedgerKind = "pathway-consents"

// LedgerFormat is the version of the ledger's JSON.
const LedgerFormat = 1

// MaxLedger is the largest ledger read, in bytes.
const MaxLedger = 4 << 20

// How a share was locked.
const (
	HowKey        = "key"        // sealed to the person's public key
	HowPassphrase = "passphrase" // sealed with a passphrase told to the person
	HowBackup     = "backup"     // a whole backup sealed to an organisation's key
)

// A Consent is one share, as the person gave it: kept so that they can see
// later who has what, and take it back.
type Consent struct {
	// ID is the consent's number in the ledger, "1", "2", …, never reused.
	ID string `json:"id"`
	// Made is the day the share was made.
	Made Date `json:"made"`
	// Parts are what was shared, as pathway share names them
	// ("safety-1/money", "release-1/about"); for a share made with --for,
	// the parts that contact's roles need.
	Parts []string `json:"parts"`
	// For is who it is for, as the share file says it.
	For string `json:"for"`
	// Purpose is why, in the person's words.
	Purpose string `json:"purpose,omitempty"`
	// Until is the day after which the person asked them to stop using
	// it: a request, not a lock.
	Until Date `json:"until"`
	// How is HowKey, HowPassphrase, or what another kind of sharing calls
	// itself (a backup held by an organisation, say).
	How string `json:"how"`
	// Recipient is the public key it was sealed to, for HowKey.
	Recipient string `json:"recipient,omitempty"`
	// Check recognises the passphrase of a HowPassphrase share without
	// keeping it: "salt:sha256(salt+passphrase)", both in hex. A withdrawn
	// share's passphrase is refused for later shares.
	Check string `json:"check,omitempty"`
	// File is the name the share was written to, if the person gave one.
	File string `json:"file,omitempty"`
	// Withdrawn is the day the person took their consent back; zero while
	// it stands.
	Withdrawn Date `json:"withdrawn,omitzero"`
}

// Passed reports whether the day the person gave has passed on day today.
func (c *Consent) Passed(today Date) bool { return !c.Until.IsZero() && c.Until.Before(today) }

// A Ledger is every consent the person gave, oldest first.
type Ledger struct {
	Format   int       `json:"format"`
	Kind     string    `json:"kind"`
	Consents []Consent `json:"consents"`
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger {
	return &Ledger{Format: LedgerFormat, Kind: LedgerKind, Consents: []Consent{}}
}

// Add records c with the next number, which it returns.
func (l *Ledger) Add(c Consent) string {
	n := 0
	for _, old := range l.Consents {
		if k, err := strconv.Atoi(old.ID); err == nil && k > n {
			n = k
		}
	}
	c.ID = strconv.Itoa(n + 1)
	c.For, c.Purpose = CleanLine(c.For), CleanLine(c.Purpose)
	l.Consents = append(l.Consents, c)
	return c.ID
}

// Find returns the consent numbered id, or nil.
func (l *Ledger) Find(id string) *Consent {
	for i := range l.Consents {
		if l.Consents[i].ID == id {
			return &l.Consents[i]
		}
	}
	return nil
}

// WithdrawnTo returns the consent withdrawn most recently from the holder
// of the public key recipient, or nil.
func (l *Ledger) WithdrawnTo(recipient string) *Consent {
	var found *Consent
	for i := range l.Consents {
		c := &l.Consents[i]
		if c.How == HowKey && c.Recipient == recipient && !c.Withdrawn.IsZero() {
			found = c
		}
	}
	return found
}

// How long a standing share may run before the check-up asks whether the
// person still wants it shared.
const ShareAskDays = ConfirmDays

// CheckUp finds the consents to think about on day today: those whose day
// has passed and that were not taken back ("share-passed": the person may
// want to ask for the file to be deleted), and those standing for more
// than ShareAskDays ("share-old": does the helper still need it, do they
// still agree?). Aging.Share is the consent's number.
func (l *Ledger) CheckUp(today Date) []Aging {
	var out []Aging
	for _, c := range l.Consents {
		switch {
		case !c.Withdrawn.IsZero():
		case c.Passed(today):
			out = append(out, Aging{Code: "share-passed", Share: c.ID, For: c.For, Date: c.Until, Days: c.Until.DaysUntil(today)})
		case c.Made.DaysUntil(today) > ShareAskDays:
			out = append(out, Aging{Code: "share-old", Share: c.ID, For: c.For, Date: c.Made, Days: c.Made.DaysUntil(today)})
		}
	}
	return out
}

// EncodeLedger writes a ledger as JSON.
func EncodeLedger(l *Ledger) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(l); err != nil {
		return nil, fmt.Errorf("writing the consent ledger: %w", err)
	}
	return buf.Bytes(), nil
}

// DecodeLedger reads a ledger written by EncodeLedger. A newer format is
// refused, never read in part.
func DecodeLedger(data []byte) (*Ledger, error) {
	if len(data) > MaxLedger {
		return nil, &Error{Code: CodeTooBig, Limit: MaxLedger}
	}
	l := NewLedger()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(l); err != nil || l.Kind != LedgerKind {
		return nil, &Error{Code: CodeInvalidJSON}
	}
	if l.Format > LedgerFormat {
		return nil, &Error{Code: CodeNewerFormat, Value: strconv.Itoa(l.Format)}
	}
	if l.Consents == nil {
		l.Consents = []Consent{}
	}
	return l, nil
}
