package kit

import (
	"fmt"
	"strings"

	"aead.dev/minisign"

	"pathway/locales"
)

// StartText returns the start file of a language: what pathway is, how to
// open it on Windows, macOS and Linux (with the warnings each system shows
// for a program that is not from its store, and the honest way past
// them), where the plans are kept, and how to check that this copy is the
// real one: the public key, its words, and the command that checks. Lines
// end with CR LF, and the text begins with a UTF-8 byte order mark: so
// every text editor, old Windows Notepad too, shows it right.
func StartText(tag string, key minisign.PublicKey) (string, error) {
	l, err := locales.Get(tag)
	if err != nil {
		return "", fmt.Errorf("writing the start file: %w", err)
	}
	title := l.T("kit.start.title")
	var b strings.Builder
	b.WriteString(title + "\n" + strings.Repeat("=", 40) + "\n\n")
	for _, part := range []string{
		l.T("kit.start.about"),
		l.T("kit.start.windows"),
		l.T("kit.start.mac"),
		l.T("kit.start.linux"),
		l.T("kit.start.vault", "Folder", VaultFolder),
		l.T("kit.start.language"),
		l.T("kit.start.check",
			"Key", key.String(),
			"Words", strings.Join(Words(key), " "),
			"Command", "minisign -Vm check/FILES.sha256 -P "+key.String(),
			"Sums", "sha256sum -c check/FILES.sha256"),
	} {
		b.WriteString(strings.TrimSpace(part) + "\n\n")
	}
	return "\ufeff" + strings.ReplaceAll(b.String(), "\n", "\r\n"), nil
}
