package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"pathway/cmd/pathway/internal/env"
	"pathway/cmd/pathway/internal/kit"
)

// KitOptions are the inputs of pathway kit: copy the outreach kit this
// pathway runs from onto another stick, checked against the release's
// signature, with an organisation's list if it gives one.
type KitOptions struct {
	E     *env.Env
	Out   string   // -o: the stick, or a folder
	From  string   // --from: an unpacked kit; default the one pathway runs from
	Lists []string // --list: an organisation's signed list and its signature
	// Key is the key the kit must be signed with: the project's.
	Key string
}

func newCmdKit(f *Factory, runF func(*KitOptions) error) *cobra.Command {
	o := &KitOptions{E: f.E, Key: kit.ProjectKey}
	c := &cobra.Command{
		Use:   "kit -o FOLDER",
		Short: f.E.T("cmd.kit.short"),
		Long:  f.E.T("cmd.kit.long"),
		Args:  exactArgs(f.E, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Out == "" {
				return f.E.Usage("kit.no-out")
			}
			if runF != nil {
				return runF(o)
			}
			return kitRun(o)
		},
	}
	c.Flags().StringVarP(&o.Out, "output", "o", "", f.E.T("flag.kit-output"))
	c.Flags().StringVar(&o.From, "from", "", f.E.T("flag.kit-from"))
	c.Flags().StringArrayVar(&o.Lists, "list", nil, f.E.T("flag.kit-list"))
	return c
}

func kitRun(o *KitOptions) error {
	e := o.E
	from := o.From
	if from == "" {
		exe, _ := os.Executable()
		if from = kit.Root(exe); from == "" {
			return e.Fail("kit.not-in-kit")
		}
	}
	pub, err := kit.ParsePublicKey(o.Key)
	if err != nil {
		return e.Fail("error.internal", "Detail", err.Error())
	}
	files, err := kit.Read(from, pub)
	switch {
	case errors.Is(err, kit.ErrNotKit):
		return e.Fail("kit.not-a-kit", "Dir", from)
	case errors.Is(err, kit.ErrBadSignature):
		return e.Fail("kit.bad-signature", "Dir", from, "Detail", err.Error())
	case err != nil:
		return e.Fail("kit.failed", "Detail", err.Error())
	}
	var lists []kit.File
	for _, l := range o.Lists {
		data, err := os.ReadFile(l)
		if err != nil {
			return e.Fail("kit.failed", "Detail", err.Error())
		}
		lists = append(lists, kit.File{Name: l, Data: data})
	}
	files = kit.AddLists(files, lists)
	if p := kit.Taken(o.Out, files); p != "" {
		return e.Fail("kit.taken", "Path", p)
	}
	if err := kit.Write(o.Out, files); err != nil {
		return e.Fail("kit.failed", "Detail", err.Error())
	}
	n := 0
	for _, f := range files {
		if !f.Mode.IsDir() {
			n++
		}
	}
	fmt.Fprintln(e.Stderr, e.T("kit.done", "Dir", o.Out, "Count", n, "Key", pub.String()))
	return nil
}
