package cli

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"pathway/cmd/pathway/internal/env"
)

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
func usageTemplate(e *env.Env) string {
	T := e.T
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
func localizeHelp(e *env.Env, c *cobra.Command) {
	c.Flags().BoolP("help", "h", false, e.T("flag.help"))
	c.DisableFlagsInUseLine = true
	for _, sub := range c.Commands() {
		localizeHelp(e, sub)
	}
}
