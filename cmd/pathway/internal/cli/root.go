// Package cli is pathway's command line: the root command, one file per
// command, and the one place where an error becomes a message and an exit
// code.
//
// Each command follows one shape: an XOptions struct with everything the
// command needs (its flags, the run's Env, the vault's Options), a
// newCmdX(f, runF) that builds the cobra command and fills the options,
// and an xRun(opts) that does the work. A test can call newCmdX with its
// own runF to check how flags are read, and xRun with its own Env to check
// what the command does.
package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/kit"
	"pathway/cmd/pathway/internal/session"
	"pathway/locales"
	"pathway/plan"
)

// Version is the program's version; release builds set it with
// -ldflags "-X pathway/cmd/pathway/internal/cli.Version=…".
var Version = "0.1.0-dev"

// Factory is what every command is built from: the run's Env and the
// vault options the root's flags fill in.
type Factory struct {
	E     *env.Env
	Vault *session.Options
}

// Run runs pathway with args and returns the exit code: 0 for success, 1
// when something went wrong, 2 for a command line that could not be
// understood.
func Run(e *env.Env, args []string) int {
	// The language must be known before the commands are built, since
	// their help is translated: read --lang from the arguments first.
	e.Lang = langFlag(args)
	tag, err := locales.Detect(e.Lang, "", e.Getenv)
	if err != nil {
		e.Loc = locales.English()
		fmt.Fprintln(e.Stderr, e.T("error.prefix"), e.T("error.lang", "Lang", e.Lang, "Available", strings.Join(locales.Available(), ", ")))
		return env.ExitUsage
	}
	e.Loc, _ = locales.Get(tag)

	// On a USB stick laid out by the kit, the plans stay on the stick.
	exe, _ := os.Executable()
	f := &Factory{E: e, Vault: &session.Options{Beside: kit.FindVault(exe)}}
	if len(args) == 0 && f.Vault.Beside != "" && e.Getenv("PATHWAY_VAULT") == "" {
		// Started with a double-click from the stick: say where the
		// plans go before the menu opens.
		fmt.Fprintln(e.Stderr, e.T("launch.stick", "Dir", f.Vault.Beside))
	}
	root := newCmdRoot(f)
	root.SetArgs(args)
	root.SetIn(e.Stdin)
	root.SetOut(e.Stdout)
	root.SetErr(e.Stderr)
	err = root.Execute()
	if err == nil {
		return env.ExitOK
	}
	msg, code := explain(e, err)
	if msg != "" {
		fmt.Fprintln(e.Stderr, e.T("error.prefix"), msg)
	}
	if len(args) == 0 && code != env.ExitOK && ownConsole() {
		// Windows opened a console window for a double-click and closes
		// it when pathway ends: keep the message on screen until it is
		// read. (A quick exit ends with 0 and closes at once.)
		fmt.Fprintln(e.Stderr, e.T("launch.press-enter"))
		bufio.NewReader(e.Stdin).ReadString('\n')
	}
	return code
}

// NewRoot returns pathway's root command with every command under it, its
// help in e's language: what Run executes, and what the release tool
// writes the manual pages and shell completions from.
func NewRoot(e *env.Env) *cobra.Command {
	return newCmdRoot(&Factory{E: e, Vault: &session.Options{}})
}

// explain words an error for the person and gives its exit code: a
// mistake in the command line (recognised by pflag's typed errors and
// cobra's unknown command) is a usage error, 2, that points to --help;
// anything else went wrong while working, 1, and says so plainly.
func explain(e *env.Env, err error) (string, int) {
	var ue *env.Error
	if errors.As(err, &ue) {
		if ue.Quiet {
			return "", ue.Code
		}
		return ue.Msg, ue.Code
	}
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		return e.T("error.flag-unknown", "Flag", flagName(notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames())), env.ExitUsage
	case errors.As(err, &needs):
		return e.T("error.flag-needs-value", "Flag", flagName(needs.GetSpecifiedName(), needs.GetSpecifiedShortnames())), env.ExitUsage
	case errors.As(err, &invalid) && invalid.GetFlag().Name == "lock-after":
		return e.T("access.lock-after-bad", "Value", invalid.GetValue()), env.ExitUsage
	case errors.As(err, &invalid):
		return e.T("error.flag-invalid", "Flag", "--"+invalid.GetFlag().Name, "Value", invalid.GetValue()), env.ExitUsage
	case errors.As(err, &syntax):
		return e.T("error.flag-unknown", "Flag", syntax.GetSpecifiedFlag()), env.ExitUsage
	}
	// cobra words an unknown subcommand itself, untyped.
	if name, ok := strings.CutPrefix(err.Error(), "unknown command "); ok {
		name, _, _ = strings.Cut(name, " for ")
		return e.T("error.unknown-command", "Name", strings.Trim(name, `"`)), env.ExitUsage
	}
	return e.Message(err), env.ExitFailure
}

// flagName writes a flag as it was typed: --name, or -x for a shorthand.
func flagName(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name
	}
	return "--" + name
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

func newCmdRoot(f *Factory) *cobra.Command {
	e := f.E
	T := e.T
	root := &cobra.Command{
		Use:           "pathway",
		Short:         T("app.short"),
		Long:          T("app.long"),
		Version:       Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate(T("app.version", "Version", Version, "Format", plan.Format) + "\n")
	pf := root.PersistentFlags()
	pf.StringVar(&f.Vault.VaultDir, "vault", "", T("flag.vault"))
	pf.StringVar(&f.Vault.PassphraseFile, "passphrase-file", "", T("flag.passphrase-file"))
	pf.StringVar(&f.Vault.IdentityFile, "identity", "", T("flag.identity"))
	pf.BoolVar(&f.Vault.Outreach, "outreach", e.Getenv("PATHWAY_OUTREACH") == "1", T("flag.outreach"))
	lang := e.Lang
	pf.StringVar(&e.Lang, "lang", "", T("flag.lang"))
	e.Lang = lang
	root.Flags().BoolP("version", "v", false, T("flag.version"))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return err })

	var in flows.Settings
	interactiveFlags(e, root, &in)
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return f.E.Usage("error.unknown-command", "Name", args[0])
		}
		return nil
	}
	root.RunE = func(cmd *cobra.Command, args []string) error { return flows.Home(e, f.Vault, in) }
	root.AddCommand(
		newCmdNew(f, nil),
		newCmdEdit(f, nil),
		newCmdPrint(f),
		newCmdResources(f),
		newCmdPractise(f, nil),
		newCmdCheck(f, nil),
		newCmdKeygen(f, nil),
		newCmdShare(f, nil),
		newCmdShares(f, nil),
		newCmdPocket(f, nil),
		newCmdOpen(f, nil),
		newCmdImport(f, nil),
		newCmdExport(f, nil),
		newCmdShow(f, nil),
		newCmdCardName(f, nil),
		newCmdPassphrase(f, nil),
		newCmdWipe(f, nil),
		newCmdBackup(f, nil),
		newCmdRestore(f, nil),
		newCmdKit(f, nil),
	)
	localizeHelp(e, root)
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
	root.SetUsageTemplate(usageTemplate(e))
	return root
}

// interactiveFlags adds the flags of the commands that open screens.
func interactiveFlags(e *env.Env, c *cobra.Command, in *flows.Settings) {
	c.Flags().BoolVar(&in.Accessible, "accessible", false, e.T("flag.accessible"))
	c.Flags().DurationVar(&in.LockAfter, "lock-after", 0, e.T("flag.lock-after"))
}

// exactArgs is cobra.ExactArgs with a translated message.
func exactArgs(e *env.Env, n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return e.Usage("error.args", "Want", n, "Got", len(args))
		}
		return nil
	}
}

// maxArgs is cobra.MaximumNArgs with a translated message.
func maxArgs(e *env.Env, n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return e.Usage("error.args", "Want", n, "Got", len(args))
		}
		return nil
	}
}
