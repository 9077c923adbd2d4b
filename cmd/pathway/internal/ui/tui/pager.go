package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"pathway/wrap"
)

// pager shows a long text that scrolls; Enter ends it, shift+tab or b
// goes back.
type pager struct {
	vp    viewport.Model
	text  string
	hint  string
	done  bool
	back  bool
	ready bool
}

func newPager(text, hint string) *pager {
	return &pager{text: text, hint: hint}
}

func (p *pager) Init() tea.Cmd { return tea.WindowSize() }

func (p *pager) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.vp = viewport.New(msg.Width-2, max(3, msg.Height-2))
		p.vp.SetContent(wrapIndented(p.text, max(20, msg.Width-4)))
		p.ready = true
		return p, nil
	case tea.KeyMsg:
		switch msg.String() {
		case "enter":
			p.done = true
			return p, nil
		case "shift+tab", "b":
			p.done, p.back = true, true
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

func (p *pager) View() string {
	if !p.ready {
		return ""
	}
	return lipgloss.NewStyle().Padding(0, 1).Render(p.vp.View()) + "\n" + footerStyle.Render(p.hint)
}

// wrapIndented wraps each line of text at width display cells, breaking
// where Unicode's line-breaking rules allow (package wrap: never inside a
// phone number or a date, never before a closing mark); the lines a long
// line is broken into keep its indent, and two spaces more.
func wrapIndented(text string, width int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		body := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(body)]
		w := max(10, width-len(indent))
		parts := wrap.Cells(body, w)
		if len(parts) == 0 {
			out = append(out, indent)
			continue
		}
		out = append(out, indent+parts[0])
		if len(parts) > 1 {
			// The rest again, two cells narrower, from the text itself:
			// joining the lines with spaces would put spaces into Chinese.
			rest := strings.Join(parts[1:], " ")
			if strings.HasPrefix(body, parts[0]) {
				rest = strings.TrimLeft(body[len(parts[0]):], " ")
			}
			for _, p := range wrap.Cells(rest, max(10, w-2)) {
				out = append(out, indent+"  "+p)
			}
		}
	}
	return strings.Join(out, "\n")
}
