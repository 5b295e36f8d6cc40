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
	log := logger(stderr)
	progress, done := ttyProgress()
	defer done()
	m, err := pipeline.Run(ctx, cfg, pipeline.Options{Logger: log, PDF: *pdf, Progress: progress})
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
	return failOn(pipeline.NewAtOrAbove(m.Bulletin, *level))
}

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
