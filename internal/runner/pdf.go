package runner

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// chromium finds a headless browser for PDF output, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// renderPDFs prints every HTML report of the run folder to PDF beside it with headless Chromium
// (no network: the reports are self-contained). It returns how many PDFs it wrote; a missing
// browser or a failed page is logged, not fatal: PDF is optional.
func renderPDFs(ctx context.Context, dir string, log *slog.Logger) int {
	bin := chromium()
	if bin == "" {
		log.Warn("no Chromium: PDF output skipped")
		return 0
	}
	n := 0
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
			log.Warn("PDF failed", "page", p, "error", err, "output", strings.TrimSpace(string(out)))
			return nil
		}
		n++
		return nil
	})
	return n
}
