package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/pipeline"
)

// failOn implements --fail-on: a new (or newly escalated) signal at or above level is an error
// with exit code 5.
func failOn(hits []string) error {
	if len(hits) == 0 {
		return nil
	}
	return warnError{fmt.Errorf("%d new warning signal(s) at or above the --fail-on level: %s", len(hits), strings.Join(hits[:min(5, len(hits))], "; "))}
}

// warnError maps --fail-on to its exit code.
type warnError struct{ error }

func (e warnError) ExitCode() int { return exitWarning }

func cmdWarn(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("warn", "-c navigation.yaml [--lake DIR] [--out DIR] [--fail-on LEVEL]", stderr)
	nf := addNavFlags(fs)
	level := fs.String("fail-on", "", "exit 5 when a new signal at or above this level appears (info, watch, warning, severe)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := checkLevel(*level); err != nil {
		return err
	}
	cfg, jopt, err := nf.load()
	if err != nil {
		return err
	}
	job, err := pipeline.Open(ctx, cfg, jopt.WithNoMap(true))
	if err != nil {
		return err
	}
	defer job.Close()
	b, err := job.Bulletin(ctx)
	if err != nil {
		return err
	}
	files, err := pipeline.PublishBulletin(cfg.Out, b, cfg.Analysis.Languages)
	if err != nil {
		return err
	}
	if err := job.SaveBulletin(b); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, sg := range b.Signals {
		counts[sg.Level]++
	}
	fmt.Fprintf(stdout, "bulletin: %d signals (severe %d, warning %d, watch %d, info %d); compared with %q\n",
		len(b.Signals), counts["severe"], counts["warning"], counts["watch"], counts["info"], b.Meta.Previous)
	printFiles(stdout, filepath.Join(cfg.Out, pipeline.WarningsDir), files)
	return failOn(pipeline.NewAtOrAbove(b, *level))
}
