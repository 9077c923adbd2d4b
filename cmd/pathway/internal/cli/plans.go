package cli

import (
	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/flows"
	"pathway/cmd/pathway/internal/session"
	"pathway/cmd/pathway/internal/ui"
	"pathway/cmd/pathway/internal/wizard"
	"pathway/plan"
)

// NewOptions are the choices of pathway new.
type NewOptions struct {
	E        *env.Env
	Vault    *session.Options
	Settings flows.Settings
	Kind     plan.Kind
}

func newCmdNew(f *Factory, runF func(*NewOptions) error) *cobra.Command {
	o := &NewOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:       "new safety|release",
		Short:     f.E.T("cmd.new.short"),
		Args:      exactArgs(f.E, 1),
		ValidArgs: []string{string(plan.Safety), string(plan.Release)},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Kind = plan.Kind(args[0])
			if !o.Kind.Valid() {
				return f.E.Usage("error.kind", "Kind", args[0])
			}
			if runF != nil {
				return runF(o)
			}
			return newRun(o)
		},
	}
	interactiveFlags(f.E, c, &o.Settings)
	return c
}

func newRun(o *NewOptions) error {
	return flows.Interactive(o.E, o.Vault, o.Settings, func(s *session.Session, u ui.UI) error {
		return wizard.New(s, u, o.Kind)
	})
}

// EditOptions are the choices of pathway edit.
type EditOptions struct {
	E        *env.Env
	Vault    *session.Options
	Settings flows.Settings
	Plan     string // the plan's id; "" to pick one
}

func newCmdEdit(f *Factory, runF func(*EditOptions) error) *cobra.Command {
	o := &EditOptions{E: f.E, Vault: f.Vault}
	c := &cobra.Command{
		Use:   "edit [PLAN]",
		Short: f.E.T("cmd.edit.short"),
		Args:  maxArgs(f.E, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Plan = args[0]
			}
			if runF != nil {
				return runF(o)
			}
			return editRun(o)
		},
	}
	interactiveFlags(f.E, c, &o.Settings)
	return c
}

func editRun(o *EditOptions) error {
	o.Settings.NeedsPlans = true
	return flows.Interactive(o.E, o.Vault, o.Settings, func(s *session.Session, u ui.UI) error {
		return flows.ContinuePlan(s, u, o.Plan)
	})
}
