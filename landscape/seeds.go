package landscape

import (
	"errors"
	"math"

	"github.com/patnav/patnav/analysis/seedscope"
)

// seedMeasure states the configured scope's measured recall and precision in the method section
// when a seed set is configured (industry.scope.seeds; navigation.md §2: "report
// recall/precision on a sample"):
//
//	recall    = seed families inside the scope / seed families found in the lake
//	precision = scope families a classifier trained on the seeds accepts / scope families
//
// (seeds count as accepted; the classifier is analysis/seedscope's: seeds against a random
// background of the lake, logistic regression on title/abstract TF-IDF and codes, threshold
// 0.5), each with its 95 % Wilson interval. Fewer than seedscope.MinSeeds seed families in the
// lake make it unavailable ("not enough data"), not an error.
func (b *macroBuilder) seedMeasure() error {
	file := b.cfg.Industry.Scope.Seeds
	if file == "" {
		return nil
	}
	seeds, err := seedscope.ReadSeedFile(file)
	if err != nil {
		return err
	}
	docs, err := b.s.SeedDocs(b.ctx)
	if err != nil {
		return err
	}
	ids, err := b.s.ScopeFamilyIDs(b.ctx)
	if err != nil {
		return err
	}
	if ids == nil {
		ids = []string{}
	}
	r, err := seedscope.Run(docs, nil, seeds, seedscope.Options{ConfigScope: ids})
	if errors.Is(err, seedscope.ErrNotEnoughSeeds) {
		b.unavailable(Unavailable{Analysis: "scope_precision_recall", Section: "scope", Code: CodeNotEnoughSeeds, Min: seedscope.MinSeeds})
		return nil
	}
	if err != nil {
		return err
	}
	c := r.Config
	b.m.Scope.Method = append(b.m.Scope.Method,
		intervalNote(NoteSeedRecall, "recall", c.SeedRecall),
		intervalNote(NoteSeedPrecision, "precision", c.Accepted, float64(r.SeedFamilies), r.Evaluation.Recall.Value))
	return nil
}

// intervalNote is the method note of a Wilson interval (value, low, high, k, n, then extra), or
// NoteSeedUndefined naming what without data.
func intervalNote(code, what string, iv seedscope.Interval, extra ...float64) Note {
	if !iv.Defined() {
		return Note{Code: NoteSeedUndefined, Param: what}
	}
	nums := []float64{iv.Value, iv.Low, iv.High, float64(iv.K), float64(iv.N)}
	for _, x := range extra {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			break // undefined figures (and those after them) are left out; reports say n/a
		}
		nums = append(nums, x)
	}
	return Note{Code: code, Nums: nums}
}
