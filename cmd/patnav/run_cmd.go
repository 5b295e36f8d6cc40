package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/patnav/patnav/pipeline"
)

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("run", "-c navigation.yaml [--pdf] [--fail-on LEVEL]", stderr)
	cfgPath := fs.String("c", "", "navigation config (YAML)")
	lakeDir := fs.String("lake", "", "lake folder (default: the config's lake)")
	outDir := fs.String("out", "", "output folder (default: the config's out)")
	pdf := fs.Bool("pdf", false, "also print every report to PDF with headless Chromium when installed")
	level := fs.String("fail-on", "", "exit 5 when a new warning signal at or above this level (info, watch, warning, severe) appears")
	keep := fs.Int("keep", 0, "after publishing, keep only the N newest runs in <out>/runs (0: keep all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath, *lakeDir, *outDir)
	if err != nil {
		return err
	}
	if err := checkLevel(*level); err != nil {
		return err
	}
	if *keep < 0 {
		return fmt.Errorf("%w: --keep %d: want a count >= 0", errUsage, *keep)
	}
	log := logger(stderr)
	progress, done := ttyProgress()
	defer done()
	m, err := pipeline.Run(ctx, cfg, pipeline.Options{Logger: log, PDF: *pdf, Progress: progress, Keep: *keep})
	if err != nil {
		if errors.Is(err, pipeline.ErrLocked) {
			return lockedError{err}
		}
		return err
	}
	latest := filepath.Join(cfg.Out, "latest")
	fmt.Fprintf(stdout, "run %s published: %s (%d families in scope, data cut-off %s)\n", m.RunID, filepath.Join(latest, "index.html"), m.Families, m.Cutoff)
	if m.StaleLock != "" {
		fmt.Fprintf(stdout, "note: recovered from an interrupted run (%s)\n", m.StaleLock)
	}
	for _, r := range m.Rejected {
		fmt.Fprintf(stdout, "input rejected, moved to %s: %s\n", r.MovedTo, r.Reason)
	}
	if len(m.Pruned) > 0 {
		fmt.Fprintf(stdout, "pruned %d old runs (--keep %d)\n", len(m.Pruned), *keep)
	}
	if err := failOn(pipeline.NewAtOrAbove(m.Bulletin, *level)); err != nil {
		return err
	}
	if len(m.Rejected) > 0 {
		return rejectedInputs{len(m.Rejected)}
	}
	return nil
}

// rejectedInputs: the run published, but inbox inputs were set aside (exit 6).
type rejectedInputs struct{ n int }

func (e rejectedInputs) Error() string {
	return fmt.Sprintf("the run published, but %d inbox inputs were rejected and moved to inbox/rejected/ (see run.json)", e.n)
}
func (e rejectedInputs) ExitCode() int { return exitRejectedInputs }

// lockedError maps a held run lock to its exit code.
type lockedError struct{ error }

func (e lockedError) ExitCode() int { return exitLocked }
func (e lockedError) Unwrap() error { return e.error }

var checkLevel = func(level string) error {
	if level == "" || pipeline.ValidLevel(level) {
		return nil
	}
	return fmt.Errorf("%w: --fail-on %q: want info, watch, warning or severe", errUsage, level)
}
