package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/pipeline"
)

// loadConfig reads -c and applies --lake / --out overrides.
func loadConfig(path, lakeDir, outDir string) (*config.Config, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: -c navigation.yaml is required", errUsage)
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if lakeDir != "" {
		cfg.Lake = lakeDir
	}
	if outDir != "" {
		cfg.Out = outDir
	}
	return cfg, nil
}

// navFlags are the flags every navigation command shares.
type navFlags struct{ cfg, lake, out, asOf, fromRun *string }

func addNavFlags(fs interface {
	String(name, value, usage string) *string
}) navFlags {
	return navFlags{
		cfg:     fs.String("c", "", "navigation config (YAML)"),
		lake:    fs.String("lake", "", "lake folder (default: the config's lake)"),
		out:     fs.String("out", "", "output folder (default: the config's out)"),
		asOf:    fs.String("as-of", "", "read the lake as known on this day, YYYY-MM-DD (only observations up to it)"),
		fromRun: fs.String("from-run", "", "rebuild a published run's models: read the lake version, as-of day and clock of RUN_DIR/run.json"),
	}
}

// load reads the config with the flags applied, and the job options (--from-run's clock).
func (f navFlags) load() (*config.Config, pipeline.JobOptions, error) {
	cfg, err := loadConfig(*f.cfg, *f.lake, *f.out)
	if err != nil {
		return nil, pipeline.JobOptions{}, err
	}
	if *f.asOf != "" {
		if _, perr := time.Parse("2006-01-02", *f.asOf); perr != nil {
			return nil, pipeline.JobOptions{}, fmt.Errorf("%w: --as-of %q: want a date YYYY-MM-DD", errUsage, *f.asOf)
		}
		cfg.AsOf = *f.asOf
	}
	var opt pipeline.JobOptions
	if *f.fromRun != "" {
		if opt, err = pipeline.Replay(*f.fromRun, cfg); err != nil {
			return nil, opt, fmt.Errorf("%w: --from-run: %v", errUsage, err)
		}
	}
	return cfg, opt, nil
}

func printFiles(stdout io.Writer, dir string, files []string) {
	for _, f := range files {
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, f))
	}
}

func cmdLandscape(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("landscape", "-c navigation.yaml [--lake DIR] [--out DIR]", stderr)
	nf := addNavFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, jopt, err := nf.load()
	if err != nil {
		return err
	}
	t0 := time.Now()
	jopt.MacroOnly = true // the session closes while the clustering computes and the reports are written
	job, err := pipeline.Open(ctx, cfg, jopt)
	if err != nil {
		return err
	}
	defer job.Close()
	sess := job.Session
	t1 := time.Now()
	m, err := job.Macro(ctx)
	if err != nil {
		return err
	}
	t2 := time.Now()
	files, err := pipeline.PublishLandscape(cfg.Out, m, cfg.Analysis.Languages)
	if err != nil {
		return err
	}
	t3 := time.Now()
	if err := job.Close(); err != nil {
		return err
	}
	t4 := time.Now()
	fmt.Fprintf(stdout, "macro landscape of %s: %d families in scope, cut-off %s, stage %s\n",
		cfg.Industry.Name.In("en"), m.Scope.Families, m.Meta.Cutoff, m.LifeCycle.Stage)
	printUnavailable(stdout, pipeline.UnavailableLines(m.Unavailable))
	for _, t := range m.Timings {
		fmt.Fprintf(stdout, "  %-12s %6.2fs\n", t.Analysis, t.Seconds)
	}
	if os.Getenv("PATNAV_QUERY_TIMES") != "" {
		// A profiling aid for the scale work: every query and step of the session with its wall time.
		for _, t := range sess.Timings {
			fmt.Fprintf(stderr, "  query %-28s %7.2fs  ends at %7.2fs\n", t.Step, t.Seconds, t.End.Sub(t0).Seconds())
		}
		fmt.Fprintf(stderr, "  phase open %.2fs, macro and map %.2fs, reports %.2fs, the session's close after them %.2fs\n",
			t1.Sub(t0).Seconds(), t2.Sub(t1).Seconds(), t3.Sub(t2).Seconds(), t4.Sub(t3).Seconds())
	}
	printFiles(stdout, filepath.Join(cfg.Out, pipeline.LandscapeDir), files)
	return nil
}

// printUnavailable lists the analyses a model could not give, each with its reason in words.
func printUnavailable(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintf(w, "  unavailable: %s\n", l)
	}
}
