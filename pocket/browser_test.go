package pocket

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"pathway/internal/testtool"
	"pathway/plan"
)

// spy counts, from before the page's own script runs, every attempt to
// store something: Web Storage, IndexedDB, cookies, the Cache API and
// service workers. DevTools adds it to every page, whatever the page's
// Content-Security-Policy says.
const spy = `(() => {
  const w = window.__writes = [];
  const wrap = (o, name, what) => {
    if (!o || !o[name]) return;
    const f = o[name];
    o[name] = function (...a) { w.push(what); return f.apply(this, a); };
  };
  wrap(Storage.prototype, "setItem", "storage");
  wrap(IDBFactory.prototype, "open", "indexeddb");
  if (window.CacheStorage) wrap(CacheStorage.prototype, "open", "cache");
  if (window.ServiceWorkerContainer) wrap(ServiceWorkerContainer.prototype, "register", "serviceworker");
  const c = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    get() { return c.get.call(this); },
    set(v) { w.push("cookie"); c.set.call(this, v); },
  });
})();`

// browser is one headless Chromium tab the size of a small phone, with the
// network cut, and what it saw: requests, console errors.
type browser struct {
	ctx context.Context
	t   *testing.T

	mu       sync.Mutex
	requests []string // every request but the pocket file's own
	errors   []string // console errors, exceptions, error log entries
	allow    string   // the file:// address of the page itself
}

// newBrowser starts Chromium (skipping the test if it is missing, failing
// it under CI), with its processor slowed throttle times.
func newBrowser(t *testing.T, throttle float64) *browser {
	t.Helper()
	exe := testtool.Need(t, "chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		// No network at all: a proxy that is not there, names that never
		// resolve, and the network switched off below.
		chromedp.ProxyServer("127.0.0.1:9"),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.WindowSize(360, 640),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b := &browser{ctx: ctx, t: t}
	if err := chromedp.Listen(ctx, b.event); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	setup := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: 360, Height: 640, DeviceScaleFactor: 1, Mobile: true}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: throttle}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: spy})
		return err
	})
	if err := chromedp.Do(ctx, setup); err != nil {
		t.Fatalf("setting up chromium: %v", err)
	}
	return b
}

func (b *browser) event(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if u := ev.Request.URL; u != b.allow && u != "about:blank" {
			b.requests = append(b.requests, u)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value))
			}
			b.errors = append(b.errors, "console: "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		b.errors = append(b.errors, "exception: "+ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.Exception))
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
			b.errors = append(b.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	}
}

// open loads a pocket file from disk, as a phone opens a downloaded file.
func (b *browser) open(path string) {
	b.t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		b.t.Fatal(err)
	}
	b.mu.Lock()
	b.allow = "file://" + abs
	b.mu.Unlock()
	b.do(chromedp.Navigate(b.allow))
}

func (b *browser) do(a ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, a...); err != nil {
		b.t.Fatalf("chromium: %v", err)
	}
}

// eval returns the value of a JavaScript expression in the page.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// wait polls a JavaScript condition from outside the page (the page's
// policy forbids what chromedp's own polling runs inside it) and returns
// how long it took to hold.
func (b *browser) wait(cond string, limit time.Duration) time.Duration {
	b.t.Helper()
	start := time.Now()
	for time.Since(start) < limit {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && v {
			return time.Since(start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.t.Fatalf("after %s, still not %s; the page says:\n%s", limit, cond, eval[string](b, "document.body.innerText"))
	return 0
}

// text returns what the page shows.
func (b *browser) text() string { return eval[string](b, "document.body.innerText") }

func (b *browser) typeIn(sel, text string) {
	b.t.Helper()
	// As a phone's keyboard does: the text arrives in the focused field.
	b.do(chromedp.Evaluate[chromedp.Void](`(f => { f.value = ""; f.focus(); })(document.querySelector(`+strconv.Quote(sel)+`))`),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
			return err
		}))
}

func (b *browser) click(sel string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(sel)))
}

// screenshot saves what the screen shows as a PNG, when the test is asked
// for pictures (POCKET_SCREENSHOTS=folder).
func (b *browser) screenshot(name string) {
	b.t.Helper()
	dir := os.Getenv("POCKET_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// TestBrowser opens a pocket file in headless Chromium, the size of a
// small phone, with no network: nothing of the plan shows before it is
// opened, a wrong passphrase is said plainly, the right one shows every
// chosen number whole and nothing unchosen, a drill round runs to its
// end, and closing (the close button, then the back button) leaves a
// blank page. All along, no request leaves, nothing is stored and the
// console has no error.
func TestBrowser(t *testing.T) {
	tag := os.Getenv("POCKET_LANG")
	if tag == "" {
		tag = "en"
	}
	t.Run("sample", func(t *testing.T) { browse(t, tag, "", sampleBinder(t)) })
	// Hard data: numbers from many countries with long extensions, names
	// in eight scripts and an emoji, a dozen numbers to learn, in Thai.
	t.Run("hard", func(t *testing.T) { browse(t, "th", "hard-", hardBinder(t)) })
}

// browse is TestBrowser for one binder, in the language tag; shot
// prefixes the names of the screenshots.
func browse(t *testing.T, tag, shot string, full *plan.Binder) {
	loc := locale(t, tag)
	sub := full.Subset(DefaultSelection(full))
	path := filepath.Join(t.TempDir(), FileName)
	writePocket(t, path, sub, Options{Loc: loc, Passphrase: testPass, CallLinks: true, workFactor: 10})

	b := newBrowser(t, 1)
	b.open(path)
	b.wait(`document.getElementById("p")`, 10*time.Second)
	locked := b.text()
	if title := eval[string](b, "document.title"); title != loc.T("pocket.word") {
		t.Errorf("title %q, want the neutral word %q", title, loc.T("pocket.word"))
	}
	for _, c := range full.Contacts {
		for _, s := range append([]string{c.Name}, phoneTexts(c)...) {
			if strings.Contains(locked, s) {
				t.Errorf("before unlock the page shows %q", s)
			}
		}
	}
	for _, w := range []string{"pathway", "plan", "release", "immigration", "lawyer", "detention"} {
		if strings.Contains(strings.ToLower(locked), w) {
			t.Errorf("the locked screen says %q:\n%s", w, locked)
		}
	}
	b.screenshot(shot + "locked-" + tag)

	// A wrong passphrase: a plain message, the field empty again.
	b.typeIn("#p", "wrong horse battery staple")
	b.click("#o")
	b.wait(`document.getElementById("m").textContent === `+strconv.Quote(loc.T("pocket.wrong")), 20*time.Second)
	if v := eval[string](b, `document.getElementById("p").value`); v != "" {
		t.Errorf("after a wrong passphrase the field still holds %q", v)
	}

	// The right one.
	b.typeIn("#p", testPass)
	b.click("#o")
	b.wait(`!document.getElementById("a").hidden`, 20*time.Second)
	open := b.text()
	b.screenshot(shot + "summary-" + tag)
	for _, c := range sub.Contacts {
		for _, s := range append([]string{c.Name}, phoneTexts(c)...) {
			if !strings.Contains(open, s) {
				t.Errorf("the opened page does not show %q", s)
			}
		}
	}
	for _, s := range unchosen(full) {
		if strings.Contains(open, s) {
			t.Errorf("the opened page shows %q, which was not chosen", s)
		}
	}
	// Every number stands on one line at 360 px, however long: a number
	// read across a line break can be learned wrong. (Its extension may
	// go under it, labelled.)
	if broken := eval[[]string](b, `[...document.querySelectorAll(".num")].filter(n => {
		const gs = [...n.querySelectorAll(".g:not(.ext)")];
		return gs.some(g => g.getBoundingClientRect().top !== gs[0].getBoundingClientRect().top);
	}).map(n => n.textContent)`); len(broken) > 0 {
		t.Errorf("numbers broken across lines: %q", broken)
	}
	// Every number shown is a link that calls it, and every number of
	// the chosen contacts is there.
	nums := eval[int](b, `document.querySelectorAll(".num").length`)
	links := eval[int](b, `document.querySelectorAll('a[href^="tel:"] .num').length`)
	if links != nums || nums == 0 {
		t.Errorf("%d of %d numbers are call links", links, nums)
	}
	hrefs := eval[[]string](b, `[...new Set([...document.querySelectorAll('a[href^="tel:"]')].map(a => a.getAttribute("href")))].sort()`)
	var want []string
	for _, c := range sub.Contacts {
		for _, ph := range c.Phones {
			h := "tel:" + ph.Number
			if ph.Ext != "" {
				h += "," + ph.Ext
			}
			if !slices.Contains(want, h) {
				want = append(want, h)
			}
		}
	}
	slices.Sort(want)
	if !slices.Equal(hrefs, want) {
		t.Errorf("call links %q, want %q", hrefs, want)
	}

	// A drill round: the first number typed with brackets and dashes,
	// the second wrong (it comes back at the end), then letters (asked
	// again, not counted), then the rest right.
	drills := sub.ToLearn()
	if len(drills) < 2 {
		t.Fatal("the binder should have numbers to learn")
	}
	b.click("#r")
	b.wait(`document.getElementById("n")`, 5*time.Second)
	b.screenshot(shot + "drill-" + tag)
	answer := func(typed string) {
		b.typeIn("#n", typed)
		b.click("#c")
	}
	first := drills[0].Phones[0].Groups()
	answer("(" + first[0] + ") " + strings.Join(first[1:], "-"))
	b.wait(`document.querySelector(".feedback").textContent.includes(`+strconv.Quote(drills[0].Phones[0].Spoken())+`)`, 5*time.Second)
	answer("416 555 0000")
	answer("four one six")
	if got := eval[string](b, `document.querySelector(".feedback").textContent`); got != loc.T("practise.check-digits") {
		t.Errorf("letters typed: feedback %q, want %q", got, loc.T("practise.check-digits"))
	}
	for _, c := range drills[2:] {
		answer("+" + strings.TrimPrefix(c.Phones[0].Number, "+"))
	}
	answer(drills[1].Phones[0].Number)
	b.wait(`document.querySelector(".score")`, 5*time.Second)
	score := loc.T("pocket.score", "Right", len(drills), "Total", len(drills)+1)
	if got := eval[string](b, `document.querySelector(".score").textContent`); got != score {
		t.Errorf("score %q, want %q", got, score)
	}

	// Nothing was stored, nothing left, nothing went wrong.
	writes := eval[[]string](b, `window.__writes`)
	stored := eval[bool](b, `(async () => localStorage.length > 0 || sessionStorage.length > 0 || document.cookie !== "" ||
		(await indexedDB.databases()).length > 0 || (window.caches ? (await caches.keys()).length > 0 : false))()`)
	if len(writes) > 0 || stored {
		t.Errorf("the page stored something: %v (anything left: %v)", writes, stored)
	}

	// The close button leaves a blank page, and history holds no way back.
	b.click("#x")
	b.wait(`location.href === "about:blank"`, 5*time.Second)
	if s := b.text(); strings.TrimSpace(s) != "" {
		t.Errorf("after close the page shows %q", s)
	}

	// The back button does too.
	b.open(path)
	b.typeIn("#p", testPass)
	b.click("#o")
	b.wait(`!document.getElementById("a").hidden`, 20*time.Second)
	back := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		h, err := cdp.Call(ctx, tg, page.GetNavigationHistory, cdp.Empty{})
		if err != nil || h.CurrentIndex < 1 {
			return fmt.Errorf("no page to go back to (%v)", err)
		}
		_, err = cdp.Call(ctx, tg, page.NavigateToHistoryEntry, page.NavigateToHistoryEntryParams{EntryID: h.Entries[h.CurrentIndex-1].ID})
		return err
	})
	b.do(back) // as the phone's back button does
	b.wait(`location.href === "about:blank"`, 5*time.Second)

	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.requests) > 0 {
		t.Errorf("the page asked for %d things over the network: %q", len(b.requests), b.requests)
	}
	if len(b.errors) > 0 {
		t.Errorf("the console has errors:\n%s", strings.Join(b.errors, "\n"))
	}
}
