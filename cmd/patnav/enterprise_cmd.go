package main

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/enterprise"
	entreports "github.com/patnav/patnav/reports/enterprise"
	"github.com/patnav/patnav/reports/mapsvg"
)

func cmdEnterprise(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("enterprise", "-c navigation.yaml [--only NAME] [--lake DIR] [--out DIR] [--no-map]", stderr)
	cfgPath := fs.String("c", "", "navigation config (YAML)")
	only := fs.String("only", "", "build only this enterprise (id, name or any configured name)")
	lakeDir := fs.String("lake", "", "lake folder (default: the config's lake)")
	outDir := fs.String("out", "", "output folder (default: the config's out)")
	noMap := fs.Bool("no-map", false, "skip the industry map overlay (clustering)")
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
	es, err := enterprise.Build(ctx, s, m, *only)
	if errors.Is(err, enterprise.ErrNoEnterprise) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	maps := map[string]template.HTML{}
	if !*noMap && !cfg.Clustering.Disabled {
		res, err := landscape.BuildMap(ctx, s, m)
		if err != nil {
			return err
		}
		for _, e := range es {
			if res == nil {
				break
			}
			ids, err := s.FamiliesOf(ctx, e.Match.Keys)
			if err != nil {
				return err
			}
			maps[e.ID] = mapsvg.Render(res, mapsvg.Options{Title: e.Name.In("en") + " · " + e.Name.In("zh"), Overlay: res.Overlay(ids), OverlayName: e.Name.In("en")})
		}
	}
	dir := filepath.Join(cfg.Out, "enterprises")
	files, err := entreports.PublishWith(dir, es, cfg.Analysis.Languages, entreports.PublishOptions{Maps: maps,
		MapCaption: "企业专利在产业专利地图上的位置 / The enterprise's families on the industry landscape map"})
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
	for _, f := range files {
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, f))
	}
	return nil
}
