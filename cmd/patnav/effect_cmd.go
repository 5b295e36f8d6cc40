package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/patnav/patnav/pipeline"
)

// cmdEffect is `patnav effect`: the zone's effect tracking (the same stage as in run), published
// into <out>/effect and recorded in the effect history.
func cmdEffect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("effect", "-c navigation.yaml [--lake DIR] [--out DIR]", stderr)
	nf := addNavFlags(fs)
	if err := parse(fs, args); err != nil {
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
	t, err := job.Effect(ctx)
	if err != nil {
		return err
	}
	files, err := pipeline.PublishEffect(cfg.Out, t, cfg.Analysis.Languages)
	if err != nil {
		return err
	}
	if err := job.SaveEffect(t); err != nil {
		return err
	}
	unavailable := 0
	for _, in := range t.Indicators {
		if in.Reason != nil {
			unavailable++
		}
	}
	fmt.Fprintf(stdout, "effect tracking: %d indicators (%d without data), %d–%d, region matched at %s level (%d of %d families); %d values changed since %q\n",
		len(t.Indicators), unavailable, t.Meta.From, t.Meta.To, t.Region.Level, t.Region.Families, t.Region.Industry, len(t.Changes), t.Meta.Previous)
	printFiles(stdout, filepath.Join(cfg.Out, pipeline.EffectDir), files)
	return nil
}

// cmdValue is `patnav value`: the patent value score and the operation list (the same stage as
// in run), matched against the configured enterprises' gaps, published into <out>/value.
func cmdValue(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("value", "-c navigation.yaml [--lake DIR] [--out DIR]", stderr)
	nf := addNavFlags(fs)
	if err := parse(fs, args); err != nil {
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
	es, err := job.Enterprises(ctx, "")
	if err != nil && len(cfg.Enterprises) > 0 {
		return err
	}
	a, err := job.Value(ctx, es)
	if err != nil {
		return err
	}
	files, err := pipeline.PublishValue(cfg.Out, a, cfg.Analysis.Languages)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "patent value: %d families scored, %d high-value; operation list: %d candidates (gaps from the %s, %d gaps)\n",
		a.Families, a.HighValue, len(a.Operation.Candidates), a.Operation.GapSource, len(a.Operation.Gaps))
	printFiles(stdout, filepath.Join(cfg.Out, pipeline.ValueDir), files)
	return nil
}
