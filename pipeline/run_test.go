package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/reports/bundle"
)

// The kill tests re-execute this test binary as the run (PATNAV_RUN_CHILD=config path), with
// JSON logs on stderr, and kill it with SIGKILL when a given stage starts.
func TestMain(m *testing.M) {
	if cfg := os.Getenv("PATNAV_RUN_CHILD"); cfg != "" {
		c, err := config.Load(cfg)
		if err == nil {
			_, err = Run(context.Background(), c, Options{Logger: slog.New(slog.NewJSONHandler(os.Stderr, nil))})
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// setup writes a small generated corpus into an inbox and a config pointing at dir.
func setup(t *testing.T, dir string, families int, seed int64) string {
	t.Helper()
	inbox := filepath.Join(dir, "inbox")
	os.MkdirAll(inbox, 0o755)
	f, err := os.Create(filepath.Join(inbox, fmt.Sprintf("uav-%d.csv", seed)))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if _, err := synth.WriteLens(w, synth.Options{Families: families, Seed: seed}, synth.LensCurrent); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	f.Close()
	b, err := os.ReadFile("../data/navigation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for k, v := range map[string]string{"lake": "lake", "inbox": "inbox", "out": "out"} {
		s = regexp.MustCompile(`(?m)^`+k+`: .*$`).ReplaceAllString(s, k+": "+v)
	}
	abs, _ := filepath.Abs("../data/applicant-aliases.csv")
	s = regexp.MustCompile(`(?m)^thesaurus: .*$`).ReplaceAllString(s, "thesaurus: "+abs)
	cfg := filepath.Join(dir, "nav.yaml")
	os.WriteFile(cfg, []byte(s), 0o644)
	return cfg
}

func load(t *testing.T, path string) *config.Config {
	t.Helper()
	c, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkPublished verifies out/latest names a complete run and the lake answers queries.
func checkPublished(t *testing.T, c *config.Config) string {
	t.Helper()
	target, err := os.Readlink(filepath.Join(c.Out, "latest"))
	if err != nil {
		t.Fatalf("latest: %v", err)
	}
	for _, f := range []string{"index.html", "run.json", "tables.xlsx", "landscape/macro_zh.html"} {
		if _, err := os.Stat(filepath.Join(c.Out, target, f)); err != nil {
			t.Errorf("published run %s lacks %s", target, f)
		}
	}
	// Every stage of the run has words on the index page in both languages.
	if b, err := os.ReadFile(filepath.Join(c.Out, target, "run.json")); err == nil {
		var m struct {
			Stages []struct{ Name string } `json:"stages"`
		}
		if err := json.Unmarshal(b, &m); err != nil || len(m.Stages) == 0 {
			t.Errorf("run.json stages: %v (%d)", err, len(m.Stages))
		}
		for _, s := range m.Stages {
			if !bundle.StageWorded(s.Name) {
				t.Errorf("stage %q has no words on the index page", s.Name)
			}
		}
	}
	db, err := duck.Open(context.Background(), c.Lake)
	if err != nil {
		t.Fatalf("lake unreadable: %v", err)
	}
	defer db.Close()
	if _, err := db.Query(context.Background(), "SELECT count(*) FROM patents JOIN parties USING (pub_number)"); err != nil {
		t.Fatalf("lake query: %v", err)
	}
	return target
}

func TestRunLock(t *testing.T) {
	dir := t.TempDir()
	c := load(t, setup(t, dir, 200, 1))
	unlock, _, err := lockRun(c.Out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), c, Options{})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "pid") {
		t.Errorf("second run: %v, want ErrLocked naming the holder", err)
	}
	unlock()
	if _, err := Run(context.Background(), c, Options{}); err != nil {
		t.Errorf("after unlock: %v", err)
	}
}

// TestKillAndRecover kills a run with SIGKILL as each stage starts: the lake and the last
// publication stay readable, and the next run recovers and publishes.
func TestKillAndRecover(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	cfgPath := setup(t, dir, 1500, 1)
	c := load(t, cfgPath)
	if _, err := Run(context.Background(), c, Options{}); err != nil {
		t.Fatal(err)
	}
	first := checkPublished(t, c)
	// The killed children's DuckDB spill folders, which no Close removes, go with the test's.
	spill := t.TempDir()
	for i, stage := range []string{"ingest", "landscape", "warnings", "bundle"} {
		// New data in the inbox so the killed run has real work in every stage.
		setup(t, dir, 800, int64(10+i))
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "PATNAV_RUN_CHILD="+cfgPath, "PATNAV_DUCKDB_TEMP="+spill)
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stderr)
		killed := false
		for sc.Scan() {
			if strings.Contains(sc.Text(), `"msg":"stage start"`) && strings.Contains(sc.Text(), `"stage":"`+stage+`"`) {
				cmd.Process.Kill()
				killed = true
				break
			}
		}
		go io.Copy(io.Discard, stderr)
		cmd.Wait()
		if !killed {
			t.Fatalf("stage %s never started", stage)
		}
		if got := checkPublished(t, c); got != first {
			t.Errorf("killed at %s: latest = %s, want the previous publication %s", stage, got, first)
		}
	}
	m, err := Run(context.Background(), c, Options{})
	if err != nil {
		t.Fatalf("recovery run: %v", err)
	}
	if m.StaleLock == "" {
		t.Error("the recovery run did not notice the interrupted run's lock")
	}
	if got := checkPublished(t, c); got == first || got != filepath.Join("runs", m.RunID) {
		t.Errorf("after recovery latest = %s (run %s)", got, m.RunID)
	}
	partials, _ := filepath.Glob(filepath.Join(c.Out, "runs", ".*.partial"))
	if len(partials) != 0 {
		t.Errorf("left over: %v", partials)
	}
}

// stamp matches run ids and timestamps in every form the bundle writes them.
var stamp = regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z|\d{8}T\d{6}(\.\d+)?Z(-\d+)?|\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC`)

// TestSameInputsSameBundle runs twice on the same inputs into fresh lakes: every file of the
// bundle is identical apart from run ids and timestamps (the workbook compared cell by cell).
func TestSameInputsSameBundle(t *testing.T) {
	var bundles [2]map[string]string
	for i := range bundles {
		dir := t.TempDir()
		c := load(t, setup(t, dir, 600, 5))
		m, err := Run(context.Background(), c, Options{Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }})
		if err != nil {
			t.Fatal(err)
		}
		root := filepath.Join(c.Out, "runs", m.RunID)
		files := map[string]string{}
		for _, f := range listFiles(root) {
			b, _ := os.ReadFile(filepath.Join(root, f))
			if strings.HasSuffix(f, ".xlsx") {
				files[f] = workbookText(t, filepath.Join(root, f))
				continue
			}
			files[f] = stamp.ReplaceAllString(string(b), "<stamp>")
		}
		bundles[i] = files
	}
	var names []string
	for f := range bundles[0] {
		names = append(names, f)
	}
	sort.Strings(names)
	if len(names) < 8 || len(bundles[0]) != len(bundles[1]) {
		t.Fatalf("bundles: %d and %d files", len(bundles[0]), len(bundles[1]))
	}
	for _, f := range names {
		if f == "run.json" {
			continue // per-stage seconds differ
		}
		if bundles[0][f] != bundles[1][f] {
			a, b := bundles[0][f], bundles[1][f]
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s differs between runs at byte %d: %q vs %q", f, i, a[max(0, i-80):min(len(a), i+60)], b[max(0, i-80):min(len(b), i+60)])
		}
	}
}

func workbookText(t *testing.T, path string) string {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		rows, _ := f.GetRows(s)
		fmt.Fprintf(&b, "[%s] %v\n", s, rows)
	}
	return b.String()
}
