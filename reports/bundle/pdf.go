package bundle

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Chromium finds a headless browser for PDF output, or "".
func Chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ErrNoBrowser is returned by PDFs when no Chromium is installed.
var ErrNoBrowser = errors.New("no Chromium installed: PDF output skipped")

// PDFs prints every HTML report of the bundle folder dir to PDF beside it with headless Chromium
// (no network: the reports are self-contained). It returns how many PDFs it wrote and, for each
// page that failed, a line naming it; a missing browser is ErrNoBrowser. PDF is optional, so the
// caller decides whether a failure matters.
func PDFs(ctx context.Context, dir string) (n int, failed []string, err error) {
	bin := Chromium()
	if bin == "" {
		return 0, nil, ErrNoBrowser
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || strings.HasPrefix(d.Name(), "index") {
			return nil
		}
		abs, _ := filepath.Abs(p)
		pdf := strings.TrimSuffix(abs, ".html") + ".pdf"
		userDir, _ := os.MkdirTemp("", "patnav-chromium-")
		defer os.RemoveAll(userDir)
		cctx, cancel := context.WithTimeout(ctx, 90*time.Second)
		defer cancel()
		cmd := exec.CommandContext(cctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+userDir,
			"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+abs)
		if out, err := cmd.CombinedOutput(); err != nil {
			failed = append(failed, p+": "+err.Error()+": "+strings.TrimSpace(string(out)))
			return nil
		}
		n++
		return nil
	})
	return n, failed, nil
}
