package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/reports/bundle"
)

// TestBundleInBrowser publishes a bundle and opens its index and every report in headless
// Chromium, offline: no console errors, no failed requests, every chart SVG present and
// non-empty, every link between the pages resolving. Screenshots go to PATNAV_SCREENSHOTS when
// set (else a temp folder). .ci/run installs Debian's chromium; without it the test skips.
func TestBundleInBrowser(t *testing.T) {
	bin := bundle.Chromium()
	if bin == "" {
		t.Skip("chromium not installed (apt-get install chromium)")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	c := load(t, setup(t, dir, 1500, 3))
	// Declaration lists of the same world beside the corpus: the macro report's standards section.
	for _, layout := range []string{synth.DeclETSI, synth.DeclDSEP} {
		var buf bytes.Buffer
		if _, err := synth.WriteDeclarations(&buf, synth.Options{Families: 1500, Seed: 3}, layout); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(c.Inbox, "sep_"+layout+".csv"), buf.Bytes(), 0o644)
	}
	m, err := Run(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs(filepath.Join(c.Out, "runs", m.RunID))
	shots := os.Getenv("PATNAV_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	os.MkdirAll(shots, 0o755)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.WindowSize(1280, 1600))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()

	var mu sync.Mutex
	var problems []string
	chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value))
				}
				problems = append(problems, fmt.Sprintf("console %s: %s", e.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+e.ExceptionDetails.Text)
		case *network.EventLoadingFailed:
			problems = append(problems, "failed request: "+e.ErrorText)
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(e.Request.URL, "file://") && !strings.HasPrefix(e.Request.URL, "data:") {
				problems = append(problems, "network request: "+e.Request.URL)
			}
		}
	})
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, f := range listFiles(root) {
		if strings.HasSuffix(f, ".html") {
			pages = append(pages, f)
		}
	}
	if len(pages) < 5 {
		t.Fatalf("bundle pages: %v", pages)
	}
	linked := map[string]bool{}
	for _, page := range pages {
		err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.Join(root, page)), chromedp.WaitReady("body"))
		var svgs []int
		var links []string
		var shot []byte
		if err == nil {
			svgs, err = chromedp.Run(ctx, chromedp.Evaluate[[]int](`[...document.querySelectorAll('svg')].map(s => s.childElementCount > 0 && s.getBoundingClientRect().width > 0 ? 1 : 0)`))
		}
		if err == nil {
			links, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('#'))`))
		}
		if err == nil {
			shot, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		}
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		os.WriteFile(filepath.Join(shots, strings.ReplaceAll(page, "/", "_")+".png"), shot, 0o644)
		for i, ok := range svgs {
			if ok == 0 {
				t.Errorf("%s: chart %d is empty", page, i)
			}
		}
		if strings.Contains(page, "macro_") && len(svgs) < 8 {
			t.Errorf("%s: %d charts, want the macro report's charts", page, len(svgs))
		}
		if strings.Contains(page, "macro_") {
			// The patents-and-standards section: its heading in the page's language, a row per
			// standard with a chart, and no untranslated key.
			var std []string
			std, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => { const s = document.querySelector('[id$="-standards"]');
				if (!s) return []; return [s.querySelector('h2') ? s.querySelector('h2').textContent : '', String(s.querySelectorAll('table')[0] ? s.querySelectorAll('table')[0].querySelectorAll('tbody tr').length : 0),
				String(s.querySelectorAll('svg').length), s.textContent.includes('⟦') ? 'missing' : 'ok']; })()`))
			want := "Patents and standards"
			if strings.HasSuffix(page, "_zh.html") {
				want = "专利与标准"
			}
			if err != nil || len(std) != 4 || !strings.Contains(std[0], want) || std[1] == "0" || std[2] == "0" || std[3] != "ok" {
				t.Errorf("%s: standards section %q (%v); want heading %q, rows, a chart, every word", page, std, err, want)
			}
		}
		for _, l := range links {
			target := filepath.Join(filepath.Dir(filepath.Join(root, page)), l)
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: broken link %s", page, l)
			}
			rel, _ := filepath.Rel(root, target)
			linked[rel] = true
		}
	}
	for _, p := range pages {
		if !linked[p] && !strings.HasPrefix(filepath.Base(p), "index") {
			t.Errorf("%s is not linked from any page", p)
		}
	}
	mu.Lock()
	for _, p := range problems {
		t.Error(p)
	}
	problems = nil
	mu.Unlock()
	// Negative control: the listeners do catch a console error and a failed request.
	bad := filepath.Join(t.TempDir(), "bad.html")
	os.WriteFile(bad, []byte(`<html><body><img src="missing.png"><script>console.error("boom")</script></body></html>`), 0o644)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+bad), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if got := strings.Join(problems, "\n"); !strings.Contains(got, "boom") || !strings.Contains(got, "failed request") {
		t.Errorf("the checks missed a broken page: %q", got)
	}
	t.Logf("%d pages checked; screenshots in %s", len(pages), shots)
}
