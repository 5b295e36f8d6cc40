package warning

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
)

// TestTwoRuns: two nightly runs over one lake, with a second ingest in between.
//
//	branch  run 1 (D/F)        run 2 (added)          reserve level
//	cell    2/5 = 0.4          +3 foreign: 2/8 = 0.25  watch → severe    escalated
//	elec    1/4 = 0.25         +3 domestic: 4/4 = 1    severe → none     resolved
//	fuel    1/5 = 0.2          +1 domestic: 2/5 = 0.4  severe → watch    de-escalated
//	all     4/14 = 0.2857      8/17 = 0.4706           warning → watch   de-escalated
//
// A foreign utility model in litigation (run 1) stays: unchanged; a domestic one in litigation
// arrives in run 2: new. (Utility models do not count in the invention ratios.)
func TestTwoRuns(t *testing.T) {
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	hist := filepath.Join(dir, "out", "warnings-history")
	fam := func(who, cc, ipc string) tfam { return tfam{year: 2020, who: who, cc: cc, ipc: ipc} }
	run1 := cat(
		many(2, "cD", fam("DOMA CO LTD", "CN", "H01M10/05")), many(5, "cF", fam("FORA CORP", "JP", "H01M10/05")),
		many(1, "eD", fam("DOMB CO LTD", "CN", "H01M4/13")), many(4, "eF", fam("FORB INC", "US", "H01M4/13")),
		many(1, "fD", fam("DOMC CO LTD", "CN", "H01M8/10")), many(5, "fF", fam("FORC GMBH", "DE", "H01M8/10")),
		[]tfam{{id: "lit1", year: 2020, who: "FORA CORP", cc: "JP", ipc: "H01M10/05", um: true, lit: 1}},
	)
	run2 := cat(
		many(3, "cF2-", fam("FORA CORP", "JP", "H01M10/05")),
		many(3, "eD2-", fam("DOMB CO LTD", "CN", "H01M4/13")),
		many(1, "fD2-", fam("DOMC CO LTD", "CN", "H01M8/10")),
		[]tfam{{id: "lit2", year: 2020, who: "DOMD CO LTD", cc: "CN", ipc: "H01M10/05", um: true, lit: 3}},
	)
	ingestFams(t, lake, dir, "run1.csv", 0, run1)

	// Run 1: no history yet.
	prev, err := LoadPrevious(hist)
	if err != nil || prev != nil {
		t.Fatalf("empty history: %v %v", prev, err)
	}
	now1 := testNow
	b1 := buildLake(t, lake, "", now1)
	Diff(prev, b1)
	if b1.Meta.Previous != "" {
		t.Fatalf("first run previous %q", b1.Meta.Previous)
	}
	for _, s := range b1.Signals {
		if s.State != StateNew {
			t.Fatalf("first run: %s is %s", s.Key, s.State)
		}
	}
	wantLevels(t, b1, map[string]string{
		"reserve:branch=cell": LevelWatch, "reserve:branch=elec": LevelSevere, "reserve:branch=fuel": LevelSevere,
		"reserve:overall": LevelWarning, "litigation:family=lit1": LevelWarning,
	})
	if len(b1.NewAtOrAbove(LevelSevere)) == 0 || b1.NewAtOrAbove("bogus") != nil {
		t.Fatal("first run: every severe signal is new")
	}
	if err := Save(hist, b1); err != nil {
		t.Fatal(err)
	}

	// A second ingest into the same lake, then run 2 a day later.
	ingestFams(t, lake, dir, "run2.csv", 100, run2)
	prev, err = LoadPrevious(hist)
	if err != nil || prev == nil || prev.Meta.RunID != b1.Meta.RunID {
		t.Fatalf("previous run: %v %v", prev, err)
	}
	if !reflect.DeepEqual(prev.Signals, b1.Signals) {
		t.Fatal("the saved run does not read back as it was")
	}
	now2 := now1.Add(24 * time.Hour)
	b2 := buildLake(t, lake, "", now2)
	Diff(prev, b2)
	if b2.Meta.Previous != b1.Meta.RunID {
		t.Fatalf("previous %q, want %q", b2.Meta.Previous, b1.Meta.RunID)
	}
	wantLevels(t, b2, map[string]string{
		"reserve:branch=cell": LevelSevere, "reserve:branch=fuel": LevelWatch, "reserve:overall": LevelWatch,
		"litigation:family=lit1": LevelWarning, "litigation:family=lit2": LevelWatch,
	})
	if s := sig(b2, "reserve:branch=elec"); s != nil {
		t.Fatalf("elec reserve at 1.0 still signals: %+v", s)
	}
	states := map[string]Change{}
	for _, c := range b2.Changes {
		states[c.Key] = c
	}
	for key, want := range map[string][3]string{
		"reserve:branch=cell":    {StateEscalated, LevelSevere, LevelWatch},
		"reserve:branch=elec":    {StateResolved, "", LevelSevere},
		"reserve:branch=fuel":    {StateDeescalated, LevelWatch, LevelSevere},
		"reserve:overall":        {StateDeescalated, LevelWatch, LevelWarning},
		"litigation:family=lit1": {StateUnchanged, LevelWarning, LevelWarning},
		"litigation:family=lit2": {StateNew, LevelWatch, ""},
	} {
		c, ok := states[key]
		if !ok || c.State != want[0] || c.Level != want[1] || c.PrevLevel != want[2] {
			t.Errorf("%s: %+v, want %v", key, c, want)
		}
		if s := sig(b2, key); s != nil && (s.State != want[0] || s.PrevLevel != want[2]) {
			t.Errorf("signal %s state %s prev %s", key, s.State, s.PrevLevel)
		}
	}
	// Every state occurs, and the summary counts them.
	for _, st := range States {
		n := 0
		for _, c := range b2.Changes {
			if c.State == st {
				n++
			}
		}
		if n == 0 {
			t.Errorf("state %s not exercised", st)
		}
		for _, sc := range b2.Summary.ByState {
			if sc.State == st && sc.N != n {
				t.Errorf("summary %s = %d, want %d", st, sc.N, n)
			}
		}
	}
	// The changes list new first and resolved before unchanged.
	if b2.Changes[0].State != StateNew || b2.Changes[len(b2.Changes)-1].State != StateUnchanged {
		t.Errorf("change order: first %s, last %s", b2.Changes[0].State, b2.Changes[len(b2.Changes)-1].State)
	}
	// --fail-on: the cell reserve crossed into warning and severe; the new litigation is watch.
	names := func(ss []Signal) string {
		var k []string
		for _, s := range ss {
			k = append(k, s.Key)
		}
		return strings.Join(k, ",")
	}
	if got := names(b2.NewAtOrAbove(LevelSevere)); !strings.Contains(got, "reserve:branch=cell") || strings.Contains(got, "lit2") {
		t.Errorf("new at severe: %s", got)
	}
	if got := names(b2.NewAtOrAbove(LevelWatch)); !strings.Contains(got, "litigation:family=lit2") || strings.Contains(got, "lit1") || strings.Contains(got, "fuel") {
		t.Errorf("new at watch: %s", got)
	}
	if err := Save(hist, b2); err != nil {
		t.Fatal(err)
	}
	ids, err := Runs(hist)
	if err != nil || len(ids) != 2 || ids[0] != b1.Meta.RunID || ids[1] != b2.Meta.RunID {
		t.Fatalf("runs %v %v", ids, err)
	}
	if last, _ := LoadPrevious(hist); last.Meta.RunID != b2.Meta.RunID {
		t.Fatalf("latest run %s", last.Meta.RunID)
	}

	// Run 3 through Run (load, build, diff, save) without new data: everything is unchanged.
	cfg, err := config.Parse([]byte(baseYAML), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake, cfg.Out = lake, filepath.Join(dir, "out")
	s, err := analysis.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b3, err := Run(context.Background(), s, nil, now2.Add(24*time.Hour), "")
	if err != nil {
		t.Fatal(err)
	}
	if b3.Meta.Previous != b2.Meta.RunID || len(b3.NewAtOrAbove(LevelInfo)) != 0 {
		t.Fatalf("run 3 previous %s, new %v", b3.Meta.Previous, b3.NewAtOrAbove(LevelInfo))
	}
	for _, c := range b3.Changes {
		if c.State != StateUnchanged {
			t.Fatalf("run 3: %s is %s", c.Key, c.State)
		}
	}
	if ids, _ := Runs(HistoryDir(cfg)); len(ids) != 3 || ids[2] != b3.Meta.RunID {
		t.Fatalf("history after run 3: %v", ids)
	}
}

func wantLevels(t *testing.T, b *Bulletin, want map[string]string) {
	t.Helper()
	for key, level := range want {
		s := sig(b, key)
		if s == nil || s.Level != level {
			t.Errorf("%s: %v, want level %s (signals %v)", key, s, level, keys(b))
		}
	}
}

// TestHistoryFiles: file names, atomic writes, foreign files and versions.
func TestHistoryFiles(t *testing.T) {
	dir := t.TempDir()
	if ids, err := Runs(filepath.Join(dir, "missing")); err != nil || ids != nil {
		t.Fatalf("missing folder: %v %v", ids, err)
	}
	mk := func(at time.Time) *Bulletin {
		b := &Bulletin{Version: FormatVersion, Meta: Meta{RunID: at.UTC().Format(RunIDLayout)}}
		b.Signals = []Signal{{ID: SignalID("reserve:overall"), Key: "reserve:overall", Kind: KindReserve, Level: LevelWatch}}
		return b
	}
	// Run ids sort in time order, to the nanosecond, even across a year's turn.
	times := []time.Time{
		time.Date(2025, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 1, time.UTC),
	}
	for i := len(times) - 1; i >= 0; i-- {
		if err := Save(dir, mk(times[i])); err != nil {
			t.Fatal(err)
		}
	}
	// Not run files: a temporary file left by an interrupted write, a note, a folder.
	os.WriteFile(filepath.Join(dir, ".20260102T000000.000000000Z.json.123"), []byte("{"), 0o644)
	os.WriteFile(filepath.Join(dir, "README.txt"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(dir, "20270101T000000.000000000Z.json"), 0o755)
	ids, err := Runs(dir)
	if err != nil || len(ids) != 3 {
		t.Fatalf("runs %v %v", ids, err)
	}
	for i, tm := range times {
		if ids[i] != tm.Format(RunIDLayout) {
			t.Errorf("run %d = %s", i, ids[i])
		}
	}
	prev, err := LoadPrevious(dir)
	if err != nil || prev.Meta.RunID != "20260101T000000.000000001Z" {
		t.Fatalf("previous %v %v", prev, err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") && !strings.HasSuffix(e.Name(), ".123") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	// A run id that is not a run time, and a newer history format, are refused.
	bad := mk(times[0])
	bad.Meta.RunID = "../escape"
	if err := Save(dir, bad); err == nil {
		t.Fatal("saved a run with a bad id")
	}
	newer := mk(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	newer.Version = FormatVersion + 1
	if err := Save(dir, newer); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPrevious(dir); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("newer format: %v", err)
	}
	// A corrupt run is an error naming the file, not a silent first run.
	os.Remove(filepath.Join(dir, newer.Meta.RunID+".json"))
	os.WriteFile(filepath.Join(dir, "20300101T000000.000000000Z.json"), []byte("{not json"), 0o644)
	if _, err := LoadPrevious(dir); err == nil || !strings.Contains(err.Error(), "20300101T000000.000000000Z.json") {
		t.Fatalf("corrupt run: %v", err)
	}
}

// TestDiffUnit: Diff on hand-made bulletins, without a lake.
func TestDiffUnit(t *testing.T) {
	mk := func(id string, levels map[string]string) *Bulletin {
		b := &Bulletin{Meta: Meta{RunID: id}}
		for _, k := range []string{"a", "b", "c", "d", "e"} {
			if l, ok := levels[k]; ok {
				b.Signals = append(b.Signals, Signal{ID: SignalID(k), Key: k, Level: l})
			}
		}
		return b
	}
	prev := mk("p", map[string]string{"a": LevelWatch, "b": LevelSevere, "c": LevelInfo, "d": LevelWarning})
	cur := mk("c", map[string]string{"a": LevelSevere, "b": LevelWatch, "c": LevelInfo, "e": LevelInfo})
	Diff(prev, cur)
	got := map[string]string{}
	for _, c := range cur.Changes {
		got[c.Key] = c.State
	}
	want := map[string]string{"a": StateEscalated, "b": StateDeescalated, "c": StateUnchanged, "d": StateResolved, "e": StateNew}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("states %v, want %v", got, want)
	}
	// Escalated from watch to severe is "new at or above warning" (it crossed into it); a
	// de-escalated or unchanged signal never is.
	if n := cur.NewAtOrAbove(LevelWarning); len(n) != 1 || n[0].Key != "a" {
		t.Fatalf("new at warning %v", n)
	}
	if n := cur.NewAtOrAbove(LevelInfo); len(n) != 1 {
		t.Fatalf("new at info: %v (a escalated from watch ≥ info: not newly at or above info; e new)", n)
	}
	// Diff is idempotent and Diff(nil) resets to a first run.
	Diff(prev, cur)
	if len(cur.Changes) != 5 {
		t.Fatalf("changes %d", len(cur.Changes))
	}
	Diff(nil, cur)
	for _, s := range cur.Signals {
		if s.State != StateNew || s.PrevLevel != "" {
			t.Fatalf("after Diff(nil): %+v", s)
		}
	}
}
