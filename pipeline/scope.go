package pipeline

import (
	"context"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape/scope"
	scopereports "github.com/patnav/patnav/reports/scope"
)

// ScopeModel is the seed-scoping model (landscape/scope).
type ScopeModel = scope.Model

// Errors of the seeds: an unreadable seed file or line, and too few seed families in the lake.
var (
	ErrSeeds          = scope.ErrSeeds
	ErrNotEnoughSeeds = scope.ErrNotEnoughSeeds
)

// ScopeOptions say what `patnav scope` scopes; zero tuning values take analysis/seedscope's
// defaults.
type ScopeOptions struct {
	Lake        string         // the lake (default: the config's)
	SeedFile    string         // seed publication numbers; empty: the config's current scope
	Config      *config.Config // optional: the config whose scope is compared
	HoldoutFile string         // optional held-out positives
	Seed        uint64         // random seed
	Folds       int
	Threshold   float64
	MinCoverage float64
	MinLift     float64
}

// Scope proposes a scope from seeds (landscape/scope.Build) and publishes the model, the
// proposed YAML block, the families CSV and the zh/en report pages into dir (reports/scope),
// returning the model and the names written.
func Scope(ctx context.Context, dir string, o ScopeOptions) (*ScopeModel, []string, error) {
	m, err := scope.Build(ctx, scope.Options{Lake: o.Lake, SeedFile: o.SeedFile, Config: o.Config, HoldoutFile: o.HoldoutFile,
		Tuning: scope.Tuning{Seed: o.Seed, Folds: o.Folds, Threshold: o.Threshold, MinCoverage: o.MinCoverage, MinLift: o.MinLift}})
	if err != nil {
		return nil, nil, err
	}
	files, err := scopereports.Publish(dir, m, nil)
	return m, files, err
}
