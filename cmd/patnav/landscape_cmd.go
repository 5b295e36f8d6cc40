package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/cluster"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/publish"
	"github.com/patnav/patnav/landscape"
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

func cmdLandscape(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("landscape", "-c navigation.yaml [--lake DIR] [--out DIR]", stderr)
	cfgPath := fs.String("c", "", "navigation config (YAML)")
	lakeDir := fs.String("lake", "", "lake folder (default: the config's lake)")
	outDir := fs.String("out", "", "output folder (default: the config's out)")
	if err := parse(fs, args); err != nil {
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
	var res *cluster.Result
	if !cfg.Clustering.Disabled {
		if res, err = landscape.BuildMap(ctx, s, m); err != nil {
			return err
		}
	}
	dir := filepath.Join(cfg.Out, "landscape")
	files, err := publish.Macro(dir, m, cfg.Analysis.Languages, publish.MapOptions(res, m))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "macro landscape of %s: %d families in scope, cut-off %s, stage %s\n",
		cfg.Industry.Name.In("en"), m.Scope.Families, m.Meta.Cutoff, m.LifeCycle.Stage)
	for _, u := range m.Unavailable {
		fmt.Fprintf(stdout, "  unavailable: %s: %s\n", u.Analysis, u.Reason)
	}
	for _, t := range m.Timings {
		fmt.Fprintf(stdout, "  %-12s %6.2fs\n", t.Analysis, t.Seconds)
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, f))
	}
	return nil
}
