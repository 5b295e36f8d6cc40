package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports/bulletin"
)

// failOn implements --fail-on: a new (or newly escalated) signal at or above level is an error
// with exit code 5.
func failOn(level string, b *warning.Bulletin, stdout io.Writer) error {
	if level == "" || b == nil {
		return nil
	}
	hits := b.NewAtOrAbove(level)
	if len(hits) == 0 {
		return nil
	}
	var keys []string
	for _, s := range hits[:min(5, len(hits))] {
		keys = append(keys, s.Level+" "+s.Key)
	}
	return warnError{fmt.Errorf("%d new warning signal(s) at or above %q: %s", len(hits), level, strings.Join(keys, "; "))}
}

// warnError maps --fail-on to its exit code.
type warnError struct{ error }

func (e warnError) ExitCode() int { return exitWarning }

func cmdWarn(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("warn", "-c navigation.yaml [--lake DIR] [--out DIR] [--fail-on LEVEL]", stderr)
	cfgPath := fs.String("c", "", "navigation config (YAML)")
	lakeDir := fs.String("lake", "", "lake folder (default: the config's lake)")
	outDir := fs.String("out", "", "output folder (default: the config's out)")
	level := fs.String("fail-on", "", "exit 5 when a new signal at or above this level appears (info, watch, warning, severe)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := checkLevel(*level); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath, *lakeDir, *outDir)
	if err != nil {
		return err
	}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	m, err := landscape.BuildMacro(ctx, s)
	if err != nil {
		return err
	}
	b, err := warning.Run(ctx, s, m, time.Now(), "")
	if err != nil {
		return err
	}
	dir := filepath.Join(cfg.Out, "warnings")
	files, err := bulletin.Publish(dir, b, cfg.Analysis.Languages)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, sg := range b.Signals {
		counts[sg.Level]++
	}
	fmt.Fprintf(stdout, "bulletin: %d signals (severe %d, warning %d, watch %d, info %d); compared with %q\n",
		len(b.Signals), counts["severe"], counts["warning"], counts["watch"], counts["info"], b.Meta.Previous)
	for _, f := range files {
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, f))
	}
	return failOn(*level, b, stdout)
}
