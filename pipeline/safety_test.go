package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRejectedInboxInputs: an unreadable file, an empty file, a file of no known format and a
// Lens export none of whose records can be accepted are moved to inbox/rejected/ with a reason
// file, named in run.json and on the index page, and the run publishes the rest.
func TestRejectedInboxInputs(t *testing.T) {
	dir := t.TempDir()
	cfg := setup(t, dir, 150, 3)
	inbox := filepath.Join(dir, "inbox")
	os.WriteFile(filepath.Join(inbox, "notes.csv"), []byte("hello,world\n1,2\n"), 0o644)
	os.WriteFile(filepath.Join(inbox, "empty.csv"), nil, 0o644)
	os.WriteFile(filepath.Join(inbox, "nonumbers.csv"), []byte("\"#\",\"Jurisdiction\",\"Display Key\",\"Title\"\n\"1\",\"CN\",\"\",\"x\"\n"), 0o644)
	if os.Geteuid() != 0 {
		os.WriteFile(filepath.Join(inbox, "locked.csv"), []byte("x"), 0o000)
	}
	m, err := Run(context.Background(), load(t, cfg), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"empty.csv", "nonumbers.csv", "notes.csv"}
	if os.Geteuid() != 0 {
		want = append(want, "locked.csv")
	}
	got := map[string]string{}
	for _, r := range m.Rejected {
		got[r.Name] = r.Reason
	}
	for _, name := range want {
		if got[name] == "" {
			t.Errorf("%s not rejected (rejected: %v)", name, got)
			continue
		}
		if _, err := os.Stat(filepath.Join(inbox, "rejected", name)); err != nil {
			t.Errorf("%s not moved: %v", name, err)
		}
		if b, err := os.ReadFile(filepath.Join(inbox, "rejected", name+".reason.txt")); err != nil || !strings.Contains(string(b), name) {
			t.Errorf("%s: reason file %q %v", name, b, err)
		}
	}
	if len(m.NewInputs) != 1 || m.Families == 0 {
		t.Errorf("the good export was not published: %d new inputs, %d families", len(m.NewInputs), m.Families)
	}
	run := filepath.Join(dir, "out", "latest")
	var rj struct {
		Rejected []RejectedInput `json:"rejected_inputs"`
	}
	b, _ := os.ReadFile(filepath.Join(run, "run.json"))
	if err := json.Unmarshal(b, &rj); err != nil || len(rj.Rejected) != len(want) {
		t.Errorf("run.json lists %d rejected inputs, want %d (%v)", len(rj.Rejected), len(want), err)
	}
	for _, page := range []string{"index_zh.html", "index_en.html"} {
		b, _ := os.ReadFile(filepath.Join(run, page))
		for _, name := range want {
			if !strings.Contains(string(b), name) {
				t.Errorf("%s does not name %s", page, name)
			}
		}
	}
	// The next run does not read the rejected folder again.
	m, err = Run(context.Background(), load(t, cfg), Options{RunID: "second"})
	if err != nil || len(m.Rejected) != 0 {
		t.Errorf("second run: %v, rejected %v", err, m.Rejected)
	}
}

// TestPanicInAStageFailsTheRun: a panic in any stage becomes that stage's failure, with
// last-failure.json and no .partial folder, and the previous publication stays.
func TestPanicInAStageFailsTheRun(t *testing.T) {
	dir := t.TempDir()
	cfg := setup(t, dir, 120, 4)
	if _, err := Run(context.Background(), load(t, cfg), Options{RunID: "good"}); err != nil {
		t.Fatal(err)
	}
	for _, st := range []string{"ingest", "landscape", "enterprises", "warnings", "bundle"} {
		testHookStage = func(name string) {
			if name == st {
				var p *struct{ x int }
				_ = p.x // nil pointer dereference
			}
		}
		_, err := Run(context.Background(), load(t, cfg), Options{RunID: "bad-" + st})
		testHookStage = nil
		if !errors.Is(err, ErrStage) || !strings.Contains(err.Error(), "panic") || !strings.Contains(err.Error(), "stage "+st) {
			t.Errorf("%s: %v", st, err)
		}
		var lf Manifest
		b, _ := os.ReadFile(filepath.Join(dir, "out", "last-failure.json"))
		if json.Unmarshal(b, &lf) != nil || lf.FailedStage != st {
			t.Errorf("%s: last-failure.json names stage %q", st, lf.FailedStage)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "out", "runs", ".*.partial")); len(left) > 0 {
			t.Errorf("%s: left %v", st, left)
		}
		if target, _ := os.Readlink(filepath.Join(dir, "out", "latest")); !strings.HasSuffix(target, "good") {
			t.Errorf("%s: latest -> %s", st, target)
		}
	}
}

// TestKeepPrunesOldRuns: --keep N leaves the N newest runs.
func TestKeepPrunesOldRuns(t *testing.T) {
	dir := t.TempDir()
	cfg := setup(t, dir, 100, 5)
	for _, id := range []string{"20260101T000000Z", "20260102T000000Z", "20260103T000000Z"} {
		if _, err := Run(context.Background(), load(t, cfg), Options{RunID: id, Keep: 2,
			Now: func() time.Time { return time.Now() }}); err != nil {
			t.Fatal(err)
		}
	}
	runs, _ := os.ReadDir(filepath.Join(dir, "out", "runs"))
	var names []string
	for _, r := range runs {
		names = append(names, r.Name())
	}
	if strings.Join(names, ",") != "20260102T000000Z,20260103T000000Z" {
		t.Errorf("runs left: %v", names)
	}
}
