package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"pathway/crypt"
	"pathway/locales"
	"pathway/plan"
)

// app is one run of pathway: its streams, its settings and its language.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time

	loc *locales.Locale

	// Flags shared by every command.
	vaultDir       string
	passphraseFile string
	identityFile   string
	lang           string
	// outreach keeps everything in memory: nothing is written but what
	// the person saves at the end.
	outreach bool
}

// userError is an error already worded for the person.
type userError struct {
	msg   string
	code  int
	quiet bool // print nothing (a quick exit)
}

func (e *userError) Error() string { return e.msg }

// fail returns an error worded by the message id, exit code 1.
func (a *app) fail(id string, kv ...any) error {
	return &userError{msg: a.loc.T(id, kv...), code: 1}
}

func (a *app) run(args []string) int {
	// The language must be known before the commands are built, since
	// their help is translated: read --lang from the arguments first.
	a.lang = langFlag(args)
	tag, err := locales.Detect(a.lang, "", a.getenv)
	if err != nil {
		a.loc = locales.English()
		fmt.Fprintln(a.stderr, a.loc.T("error.prefix"), a.loc.T("error.lang", "Lang", a.lang, "Available", strings.Join(locales.Available(), ", ")))
		return 2
	}
	a.loc, _ = locales.Get(tag)

	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err = root.Execute()
	if err == nil {
		return 0
	}
	var ue *userError
	if errors.As(err, &ue) {
		if ue.quiet {
			return ue.code
		}
		fmt.Fprintln(a.stderr, a.loc.T("error.prefix"), ue.msg)
		return ue.code
	}
	// What is left are cobra's own errors about the command line.
	if name, ok := strings.CutPrefix(err.Error(), "unknown command "); ok {
		name, _, _ = strings.Cut(name, " for ")
		fmt.Fprintln(a.stderr, a.loc.T("error.prefix"), a.loc.T("error.unknown-command", "Name", plan.CleanLine(strings.Trim(name, `"`))))
		return 2
	}
	fmt.Fprintln(a.stderr, a.loc.T("error.prefix"), a.flagError(err))
	return 2
}

// pflag's errors, and the words for them.
var flagErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^unknown (?:shorthand )?flag: (?:'(.+?)' in )?(\S+)`), "error.flag-unknown"},
	{regexp.MustCompile(`^flag needs an argument: (?:'(.+?)' in )?(\S+)`), "error.flag-needs-value"},
	{regexp.MustCompile(`^invalid argument "(.*?)" for "(.+?)" flag`), "error.flag-invalid"},
}

// flagError words an error cobra or pflag made about the command line in
// the person's language, naming the flag as it was typed.
func (a *app) flagError(err error) string {
	msg := plan.CleanLine(err.Error())
	for _, f := range flagErrors {
		m := f.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		if f.key == "error.flag-invalid" {
			return a.loc.T(f.key, "Flag", m[2], "Value", m[1])
		}
		return a.loc.T(f.key, "Flag", m[2])
	}
	return a.loc.T("error.flag", "Detail", msg)
}

// langFlag finds the value of --lang in args without parsing the rest.
func langFlag(args []string) string {
	for i, arg := range args {
		if arg == "--" {
			break
		}
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			return v
		}
		if arg == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func (a *app) rootCommand() *cobra.Command {
	T := a.loc.T
	root := &cobra.Command{
		Use:           "pathway",
		Short:         T("app.short"),
		Long:          T("app.long"),
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate(T("app.version", "Version", version, "Format", plan.Format) + "\n")
	pf := root.PersistentFlags()
	pf.StringVar(&a.vaultDir, "vault", "", T("flag.vault"))
	pf.StringVar(&a.passphraseFile, "passphrase-file", "", T("flag.passphrase-file"))
	pf.StringVar(&a.identityFile, "identity", "", T("flag.identity"))
	pf.BoolVar(&a.outreach, "outreach", a.getenv("PATHWAY_OUTREACH") == "1", T("flag.outreach"))
	lang := a.lang
	pf.StringVar(&a.lang, "lang", "", T("flag.lang"))
	a.lang = lang
	root.Flags().BoolP("version", "v", false, T("flag.version"))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return err })

	var in interactive
	a.interactiveFlags(root, &in)
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return fmt.Errorf("unknown command %q for %q", args[0], "pathway")
		}
		return nil
	}
	root.RunE = func(cmd *cobra.Command, args []string) error { return a.home(in) }
	root.AddCommand(
		a.newCommand(),
		a.editCommand(),
		a.printCommand(),
		a.resourcesCommand(),
		a.practiseCommand(),
		a.checkCommand(),
		a.keygenCommand(),
		a.shareCommand(),
		a.openCommand(),
		a.importCommand(),
		a.exportCommand(),
		a.showCommand(),
		a.passphraseCommand(),
		a.wipeCommand(),
	)
	a.localizeHelp(root)
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "completion":
			c.Short = T("cmd.completion.short")
			for _, sub := range c.Commands() {
				sub.Short = T("cmd.completion.shell", "Shell", sub.Name())
			}
		case "help":
			c.Short = T("cmd.help.short")
		}
	}
	root.SetUsageTemplate(a.usageTemplate())
	return root
}

func init() {
	cobra.AddTemplateFunc("flagUsages", flagUsages)
}

// flagUsages lists flags as pflag does, but lines up the help by display
// cells rather than bytes, so that the columns stay straight when the
// argument names are in Chinese, Korean, Thai or Vietnamese.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" && f.Value.Type() != "bool" {
			left += " " + name
		}
		rows = append(rows, row{left, usage})
		width = max(width, ansi.StringWidth(left))
	})
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(r.left + strings.Repeat(" ", width-ansi.StringWidth(r.left)+3) + r.usage)
	}
	return b.String()
}

// usageTemplate is cobra's usage template with its headings translated.
func (a *app) usageTemplate() string {
	T := a.loc.T
	return T("usage.usage") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasAvailableSubCommands}}

` + T("usage.commands") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + T("usage.flags") + `
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

` + T("usage.global-flags") + `
{{flagUsages .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

` + T("usage.more", "Command", "{{.CommandPath}} [command] --help") + `{{end}}
`
}

// localizeHelp gives every command a translated --help flag.
func (a *app) localizeHelp(c *cobra.Command) {
	c.Flags().BoolP("help", "h", false, a.loc.T("flag.help"))
	c.DisableFlagsInUseLine = true
	for _, sub := range c.Commands() {
		a.localizeHelp(sub)
	}
}

// exactArgs is cobra.ExactArgs with a translated message.
func (a *app) exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &userError{msg: a.loc.T("error.args", "Want", n, "Got", len(args)), code: 2}
		}
		return nil
	}
}

// maxArgs is cobra.MaximumNArgs with a translated message.
func (a *app) maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return &userError{msg: a.loc.T("error.args", "Want", n, "Got", len(args)), code: 2}
		}
		return nil
	}
}

// vault returns the vault the person chose: --vault, then PATHWAY_VAULT,
// then pathway's folder in the user's configuration folder.
func (a *app) vault() (*crypt.Vault, error) {
	if a.outreach {
		// Outreach mode writes nothing on this computer and keeps no vault.
		return nil, a.fail("error.outreach")
	}
	dir := a.vaultDir
	if dir == "" {
		dir = a.getenv("PATHWAY_VAULT")
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return nil, a.fail("error.crypt.io", "Dir", "~", "Detail", err.Error())
		}
		dir = filepath.Join(base, "pathway")
	}
	v, err := crypt.At(dir)
	if err != nil {
		return nil, a.describe(err, dir, "")
	}
	return v, nil
}

// describe turns an error of crypt or plan into a message for the person.
func (a *app) describe(err error, dir, path string) error {
	var ue *userError
	if errors.As(err, &ue) {
		return ue
	}
	var pe *plan.Error
	if errors.As(err, &pe) {
		return &userError{msg: a.planMessage(pe), code: 1}
	}
	if path == "" {
		path = filepath.Join(dir, crypt.CurrentName)
	}
	for _, c := range []struct {
		err error
		id  string
	}{
		{crypt.ErrWrongPassphrase, "error.crypt.wrong-passphrase"},
		{crypt.ErrWrongIdentity, "error.crypt.wrong-identity"},
		{crypt.ErrNeedsIdentity, "error.crypt.needs-identity"},
		{crypt.ErrNeedsPassphrase, "error.crypt.needs-passphrase"},
		{crypt.ErrNotAge, "error.crypt.not-age"},
		{crypt.ErrTruncated, "error.crypt.truncated"},
		{crypt.ErrDamaged, "error.crypt.damaged"},
		{crypt.ErrTooBig, "error.crypt.too-big"},
		{crypt.ErrNoVault, "error.crypt.no-vault"},
		{crypt.ErrLocked, "error.crypt.locked"},
		{crypt.ErrUnsafe, "error.crypt.unsafe"},
		{crypt.ErrNotDir, "error.crypt.not-dir"},
		{crypt.ErrEmptyPassphrase, "error.passphrase-empty"},
	} {
		if errors.Is(err, c.err) {
			return a.fail(c.id, "Dir", dir, "Path", path)
		}
	}
	// What went wrong with the disk, said plainly.
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return a.fail("error.crypt.full", "Dir", dir)
	case errors.Is(err, syscall.EROFS):
		return a.fail("error.crypt.readonly", "Dir", dir)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.EIO):
		return a.fail("error.crypt.gone", "Dir", dir)
	}
	return a.fail("error.crypt.io", "Dir", dir, "Detail", plan.CleanLine(err.Error()))
}

// planMessage words a problem found in a binder.
func (a *app) planMessage(e *plan.Error) string {
	msg := a.loc.T("error.plan."+e.Code, "Value", e.Value, "Limit", e.Limit)
	if e.Field != "" {
		msg = a.loc.T("error.plan.at", "Message", msg, "Field", e.Field)
	}
	if e.Line > 0 {
		msg = a.loc.T("error.plan.line", "Message", msg, "Line", e.Line)
	}
	return msg
}
