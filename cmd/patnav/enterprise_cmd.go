package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/pipeline"
)

func cmdEnterprise(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("enterprise", "-c navigation.yaml [--only NAME] [--lake DIR] [--out DIR] [--no-map]", stderr)
	nf := addNavFlags(fs)
	only := fs.String("only", "", "build only this enterprise (id, name or any configured name)")
	noMap := fs.Bool("no-map", false, "skip the industry map (clustering): no map overlay and no cluster dimension in the gaps")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, jopt, err := nf.load()
	if err != nil {
		return err
	}
	job, err := pipeline.Open(ctx, cfg, jopt.WithNoMap(*noMap))
	if err != nil {
		return err
	}
	defer job.Close()
	es, err := job.Enterprises(ctx, *only)
	if errors.Is(err, pipeline.ErrNoEnterprise) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	m, err := job.Macro(ctx)
	if err != nil {
		return err
	}
	files, err := pipeline.PublishEnterprises(cfg.Out, es, m, cfg.Analysis.Languages)
	if err != nil {
		return err
	}
	for _, e := range es {
		var names []string
		for _, n := range e.Match.Names {
			mark := "matched"
			if !n.Found {
				mark = "NOT FOUND"
			}
			names = append(names, fmt.Sprintf("%s (%s, %d families)", n.Configured, mark, n.Families))
		}
		fmt.Fprintf(stdout, "%s (%s): %.1f families, rank %d, %d gaps, %d on the watch list; names: %s\n",
			e.ID, e.Name.In("en"), e.Portfolio.Families, e.Portfolio.Rank, len(e.Layout.Gaps), len(e.Watch.Items), strings.Join(names, "; "))
	}
	printFiles(stdout, filepath.Join(cfg.Out, pipeline.EnterprisesDir), files)
	return nil
}
