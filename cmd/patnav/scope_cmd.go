package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/pipeline"
)

// badSeedsError marks a seed problem (unreadable file, too few seed families): exit 3.
type badSeedsError struct{ error }

func (e badSeedsError) ExitCode() int { return exitBadInput }
func (e badSeedsError) Unwrap() error { return e.error }

func cmdScope(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("scope", "--seeds FILE --lake DIR [-c navigation.yaml] [--out DIR] [--holdout FILE]", stderr)
	seedFile := fs.String("seeds", "", "seed publication numbers, one a line (default: the config's current scope)")
	lakeDir := fs.String("lake", "", "lake folder (default: the config's lake, else ./lake)")
	cfgPath := fs.String("c", "", "navigation config whose scope is compared (optional)")
	outDir := fs.String("out", "", "output folder (default: <config out>/scope, else out/scope)")
	holdout := fs.String("holdout", "", "held-out relevant publication numbers to measure against (optional)")
	seed := fs.Uint64("seed", 1, "random seed of the background sample, folds and bootstrap")
	folds := fs.Int("folds", 5, "cross-validation folds")
	threshold := fs.Float64("threshold", 0.5, "classifier probability at or above which a family is relevant")
	minCov := fs.Float64("min-coverage", 0.05, "a proposed code or keyword covers at least this share of the seed families")
	minLift := fs.Float64("min-lift", 2, "… and its seed share is at least this multiple of its lake share")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *seedFile == "" && *cfgPath == "" {
		fmt.Fprintln(stderr, "patnav scope: --seeds FILE or -c navigation.yaml (its current scope as seeds) is required")
		fs.Usage()
		return errUsage
	}
	if *folds < 2 || *threshold <= 0 || *threshold >= 1 || *minCov <= 0 || *minCov > 1 || *minLift <= 0 {
		fmt.Fprintln(stderr, "patnav scope: want --folds >= 2, 0 < --threshold < 1, 0 < --min-coverage <= 1, --min-lift > 0")
		return errUsage
	}
	var cfg *config.Config
	if *cfgPath != "" {
		c, err := loadConfig(*cfgPath, *lakeDir, "")
		if err != nil {
			return err
		}
		cfg = c
	}
	lake := *lakeDir
	if lake == "" && cfg == nil {
		lake = "lake"
	}
	out := *outDir
	if out == "" {
		out = filepath.Join("out", "scope")
		if cfg != nil {
			out = filepath.Join(cfg.Out, "scope")
		}
	}
	m, files, err := pipeline.Scope(ctx, out, pipeline.ScopeOptions{Lake: lake, SeedFile: *seedFile, Config: cfg, HoldoutFile: *holdout,
		Seed: *seed, Folds: *folds, Threshold: *threshold, MinCoverage: *minCov, MinLift: *minLift})
	if errors.Is(err, pipeline.ErrSeeds) || errors.Is(err, pipeline.ErrNotEnoughSeeds) {
		return badSeedsError{err}
	}
	if err != nil {
		return err
	}
	printScope(stdout, m)
	for _, f := range files {
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(out, f))
	}
	return nil
}

func printScope(w io.Writer, m *pipeline.ScopeModel) {
	r := &m.Result
	fmt.Fprintf(w, "seeds: %d numbers, %d found, %d families; lake %d families; background %d\n",
		r.SeedNumbers, r.SeedNumbers-len(r.Unmatched), r.SeedFamilies, r.LakeFamilies, r.Background)
	ev := r.Evaluation
	fmt.Fprintf(w, "classifier, %d-fold cross-validation (seeds vs background, threshold %.2f):\n", ev.Folds, ev.Threshold)
	fmt.Fprintf(w, "  precision %v\n  recall    %v\n  F1        %v\n", ev.Precision, ev.Recall, ev.F1)
	ex := r.Expansion
	fmt.Fprintf(w, "expanded set: %d families before pruning, %d after (codes %d, keywords %d, citations %d; family members %d)\n",
		ex.Before, ex.After, ex.ByCode, ex.ByKeyword, ex.ByCitation, ex.FamilyMembers)
	fmt.Fprintf(w, "proposed scope: codes %v\n  keywords zh %v\n  keywords en %v\n", r.Proposal.Codes, r.Proposal.KeywordsZh, r.Proposal.KeywordsEn)
	if h := r.Holdout; h != nil {
		fmt.Fprintf(w, "held out: %d positive families (%d numbers not in the lake)\n", h.Positives, h.Unmatched)
		fmt.Fprintf(w, "  %-16s %6d selected  precision %v  recall %v\n", "proposed scope", h.Scope.Selected, h.Scope.Precision, h.Scope.Recall)
		fmt.Fprintf(w, "  %-16s %6d selected  precision %v  recall %v\n", "pruned expansion", h.Pruned.Selected, h.Pruned.Precision, h.Pruned.Recall)
		fmt.Fprintf(w, "  %-16s %6d selected  precision %v  recall %v\n", "classifier", h.Classifier.Selected, h.Classifier.Precision, h.Classifier.Recall)
	}
	if c := r.Config; c != nil {
		fmt.Fprintf(w, "current config scope: %d families; seed recall %v; classifier-accepted %v; misses %d, includes %d rejected\n",
			c.Families, c.SeedRecall, c.Accepted, c.Missed, c.Rejected)
	}
	printUnavailable(w, pipeline.UnavailableLines(m.Unavailable))
	for _, t := range m.Timings {
		fmt.Fprintf(w, "  %-12s %6.2fs\n", t.Analysis, t.Seconds)
	}
}
