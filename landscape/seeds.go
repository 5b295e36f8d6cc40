package landscape

import (
	"errors"
	"fmt"

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
		"recall: "+interval(c.SeedRecall)+fmt.Sprintf(" — %d of %d seed families in scope", c.SeedRecall.K, c.SeedRecall.N),
		"precision: "+interval(c.Accepted)+fmt.Sprintf(" — %d of %d scope families accepted by a classifier trained on the %d seed families (cross-validated recall %.3f)", c.Accepted.K, c.Accepted.N, r.SeedFamilies, r.Evaluation.Recall.Value))
	return nil
}

// interval writes "0.931 (95% CI 0.912–0.946, Wilson)", or "n/a" without data.
func interval(iv seedscope.Interval) string {
	if !iv.Defined() {
		return "n/a"
	}
	return fmt.Sprintf("%.3f (95%% CI %.3f–%.3f, %s)", iv.Value, iv.Low, iv.High, iv.Method)
}
