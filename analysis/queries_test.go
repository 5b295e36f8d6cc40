package analysis

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// TestEveryQueryPrepares prepares every embedded query against a prepared session over a tiny
// lake (the scope tables exist), so a renamed column or a typo fails here, not in a report.
func TestEveryQueryPrepares(t *testing.T) {
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(ctx, []string{"../landscape/testdata/hand/lens.csv"}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("../landscape/testdata/hand/nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Exec(ctx, "region_families", "US", "", "", "", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Exec(ctx, "create_fam_quality"); err != nil {
		t.Fatal(err)
	}
	if err := s.Exec(ctx, "standards_declared"); err != nil {
		t.Fatal(err)
	}
	if err := s.MakeStepTables(ctx); err != nil {
		t.Fatal(err)
	}
	// The scope, clustering, seed-scoping and macro queries have their tables here; the enterprise
	// and warning queries are checked where those models ran.
	for _, err := range CheckQueries(ctx, s, "scope", "cluster", "macro", "seedscope", "changes", "standards") {
		t.Error(err)
	}
}

func TestLoadQueries(t *testing.T) {
	fsys := fstest.MapFS{
		"sql/a/one.sql": {Data: []byte("-- name: x\nSELECT 1 AS n;\n-- name: y\n-- a comment\nSELECT 2 AS n;\n")},
		"sql/b/two.sql": {Data: []byte("-- name: z\nSELECT 3 AS n;\n")},
	}
	q, files, err := loadQueries(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if files["y"] != "sql/a/one.sql" || files["z"] != "sql/b/two.sql" {
		t.Errorf("files %q", files)
	}
	if len(q) != 3 || q["x"] != "SELECT 1 AS n;" || q["y"] != "-- a comment\nSELECT 2 AS n;" || q["z"] != "SELECT 3 AS n;" {
		t.Errorf("%q", q)
	}
	fsys["sql/b/dup.sql"] = &fstest.MapFile{Data: []byte("-- name: x\nSELECT 4;\n")}
	if _, _, err := loadQueries(fsys); err == nil || !strings.Contains(err.Error(), `sql/b/dup.sql: query "x" already defined in sql/a/one.sql`) {
		t.Errorf("duplicate: %v", err)
	}
}

func TestKeywordMap(t *testing.T) {
	words, pairs := keywordMap(map[string][]string{"a": {"Drone"}, "b": {"drone swarm", "无人机"}})
	if strings.Join(words, "|") != `drone swarm|无人机|drone` {
		t.Errorf("words %q", words)
	}
	want := map[kwPair]bool{{0, "b"}: true, {0, "a"}: true, {1, "b"}: true, {2, "a"}: true}
	if len(pairs) != len(want) {
		t.Errorf("pairs %v", pairs)
	}
	for _, p := range pairs {
		if !want[p] {
			t.Errorf("unexpected pair %v", p)
		}
	}
	for code, want := range map[string][2]string{"G05D1/10": {"group", "G05D1"}, "H04W84": {"main", "H04W84"}, "H04W": {"sub", "H04W"}, "H04": {"class", "H04"}, "H": {"section", "H"}} {
		if k, key := codeRule(code); k != want[0] || key != want[1] {
			t.Errorf("codeRule(%s) = %s %s", code, k, key)
		}
	}
}
