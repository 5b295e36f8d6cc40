package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestCLI drives the commands end to end on a small generated corpus: synth → ingest → query in
// every format → lake info → landscape, and the exit codes of the failure paths.
func TestCLI(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	lensCSV := filepath.Join(dir, "in", "uav.csv")
	if code, _, errs := runCLI(t, "synth", "--form", "lens", "--families", "300", "--seed", "3", "--out", lensCSV); code != 0 {
		t.Fatalf("synth: %d %s", code, errs)
	}
	code, out, errs := runCLI(t, "ingest", filepath.Dir(lensCSV), "--lake", lk)
	if code != 0 || !strings.Contains(out, "committed") {
		t.Fatalf("ingest: %d %s %s", code, out, errs)
	}
	code, out, _ = runCLI(t, "ingest", "--lake", lk, lensCSV)
	if code != 0 || !strings.Contains(out, "already ingested") {
		t.Errorf("re-ingest: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "query", "--lake", lk, "--format", "csv", "SELECT pub_number, pub_date FROM patents ORDER BY pub_number LIMIT 2")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || lines[0] != "pub_number,pub_date" || len(lines) != 3 || len(strings.Split(lines[1], ",")[1]) != 10 {
		t.Errorf("query csv: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "query", "--lake", lk, "--format", "json", "SELECT count(*) AS n FROM patents")
	if code != 0 || !strings.Contains(out, `"n": `) {
		t.Errorf("query json: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "query", "--lake", lk, "SELECT count(*) AS n FROM quarantine")
	if code != 0 || !strings.Contains(out, "(1 rows)") {
		t.Errorf("query table: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "lake", "info", "--lake", lk)
	if code != 0 || !strings.Contains(out, "patents") || !strings.Contains(out, "uav.csv") {
		t.Errorf("lake info: %d %q", code, out)
	}
	// Failure paths and their exit codes (README).
	if code, _, _ := runCLI(t); code != exitUsage {
		t.Errorf("no args: %d", code)
	}
	if code, _, _ := runCLI(t, "frobnicate"); code != exitUsage {
		t.Errorf("unknown command: %d", code)
	}
	if code, _, _ := runCLI(t, "query", "--lake", lk, "--format", "xml", "SELECT 1"); code != exitUsage {
		t.Errorf("bad format: %d", code)
	}
	bad := filepath.Join(dir, "notes.csv")
	os.WriteFile(bad, []byte("hello,world\n1,2\n"), 0o644)
	if code, _, errs := runCLI(t, "ingest", "--lake", lk, bad); code != exitBadInput || !strings.Contains(errs, "notes.csv") {
		t.Errorf("unknown format: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "query", "--lake", filepath.Join(dir, "nolake"), "SELECT 1"); code != exitError || !strings.Contains(errs, "no lake") {
		t.Errorf("missing lake: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "query", "--lake", lk, "SELECT * FROM nosuchtable"); code != exitError || errs == "" {
		t.Errorf("bad SQL: %d %s", code, errs)
	}
	if code, _, _ := runCLI(t, "landscape"); code != exitUsage {
		t.Errorf("landscape without -c: %d", code)
	}
	cfg := filepath.Join(dir, "nav.yaml")
	os.WriteFile(cfg, []byte("industry: {name: {en: x}, scope: {codes: [B64]}}\nbranches: [{id: a, name: {en: a}, codes: [B64C]}]\nbogus: 1\n"), 0o644)
	if code, _, errs := runCLI(t, "landscape", "-c", cfg); code != exitUsage || !strings.Contains(errs, "bogus") || !strings.Contains(errs, "line 3") {
		t.Errorf("bad config: %d %s", code, errs)
	}
	os.WriteFile(cfg, []byte("industry: {name: {en: Drones}, scope: {codes: [B64U, G05D1], keywords: {en: [drone]}}}\nbranches: [{id: a, name: {en: a}, codes: [B64C]}, {id: b, name: {en: b}, codes: [G05D1]}]\n"), 0o644)
	code, out, errs = runCLI(t, "landscape", "-c", cfg, "--lake", lk, "--out", filepath.Join(dir, "out"))
	if code != 0 || !strings.Contains(out, "macro_en.html") {
		t.Fatalf("landscape: %d %s %s", code, out, errs)
	}
	// Every unavailable analysis is listed with a reason in words (coded entries carry none of
	// their own: the catalogue words them); this tiny lake has no provinces, for one.
	nUnav := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "  unavailable: ") {
			nUnav++
			if name, reason, _ := strings.Cut(strings.TrimPrefix(line, "  unavailable: "), ": "); name == "" || len(strings.TrimSpace(reason)) < 10 || strings.Contains(reason, "⟦") {
				t.Errorf("unavailable line without a worded reason: %q", line)
			}
		}
	}
	if nUnav == 0 {
		t.Errorf("landscape of a tiny lake lists no unavailable analysis:\n%s", out)
	}
	for _, f := range []string{"macro.json", "macro.schema.json", "macro_zh.html", "macro_en.md"} {
		if _, err := os.Stat(filepath.Join(dir, "out", "landscape", f)); err != nil {
			t.Error(err)
		}
	}
	// enterprise: the config names no enterprises → a usage error; with one, its report.
	if code, _, errs := runCLI(t, "enterprise", "-c", cfg, "--lake", lk, "--out", filepath.Join(dir, "out")); code != exitUsage || errs == "" {
		t.Errorf("enterprise without enterprises: %d %s", code, errs)
	}
	ecfg := filepath.Join(dir, "nav-e.yaml")
	b, _ := os.ReadFile(cfg)
	os.WriteFile(ecfg, append(b, []byte("enterprises: [{id: dji, names: [SZ DJI TECHNOLOGY CO LTD, SZ DJI Technology Co., Ltd.]}]\nclustering: {k_min: 2, k_max: 4}\n")...), 0o644)
	code, out, errs = runCLI(t, "enterprise", "-c", ecfg, "--lake", lk, "--out", filepath.Join(dir, "out"))
	if code != 0 || !strings.Contains(out, "dji_en.html") {
		t.Fatalf("enterprise: %d %s %s", code, out, errs)
	}
	// run: the whole bundle (enterprise and warnings stages included); --fail-on info exits 5
	// exactly when the first bulletin raised anything.
	runOut := filepath.Join(dir, "runout")
	code, out, errs = runCLI(t, "run", "-c", ecfg, "--lake", lk, "--out", runOut, "--fail-on", "info")
	if !strings.Contains(out, "published") || (code != exitOK && code != exitWarning) {
		t.Fatalf("run: %d %s %s", code, out, errs)
	}
	for _, f := range []string{"index.html", "enterprises/dji_zh.html", "warnings/bulletin_en.html", "tables.xlsx"} {
		if _, err := os.Stat(filepath.Join(runOut, "latest", f)); err != nil {
			t.Errorf("run bundle: %v", err)
		}
	}
	if code == exitWarning != strings.Contains(errs, "new warning signal") {
		t.Errorf("run --fail-on: exit %d, stderr %q", code, errs)
	}
	// One pipeline: `patnav enterprise` and `patnav run` give the same enterprise model for the
	// same config and lake (they once differed: only the run passed the map's clusters).
	fromCmd := enterpriseModel(t, filepath.Join(dir, "out", "enterprises", "dji.json"))
	fromRun := enterpriseModel(t, filepath.Join(runOut, "latest", "enterprises", "dji.json"))
	if !reflect.DeepEqual(fromCmd, fromRun) {
		t.Errorf("patnav enterprise and patnav run give different enterprise models:\n%s", firstDiff(fromCmd, fromRun))
	}
	if cl, _ := fromCmd["clusters"].([]any); len(cl) == 0 {
		t.Error("the enterprise model has no technology clusters from the map")
	}
	// A published run's models are rebuilt byte for byte from its run.json (lake version, as-of
	// day, clock), even after the lake has moved on: a second ingest adds a file to the lake.
	more := filepath.Join(dir, "more", "more.csv")
	if code, _, errs := runCLI(t, "synth", "--form", "lens", "--families", "40", "--seed", "11", "--out", more); code != 0 {
		t.Fatalf("synth: %d %s", code, errs)
	}
	if code, out, errs := runCLI(t, "ingest", "--lake", lk, more); code != 0 {
		t.Fatalf("second ingest: %d %s %s", code, out, errs)
	}
	replay := filepath.Join(dir, "replay")
	latest := filepath.Join(runOut, "latest")
	if code, out, errs := runCLI(t, "landscape", "-c", ecfg, "--lake", lk, "--out", replay, "--from-run", latest); code != 0 {
		t.Fatalf("landscape --from-run: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI(t, "enterprise", "-c", ecfg, "--lake", lk, "--out", replay, "--from-run", latest); code != 0 {
		t.Fatalf("enterprise --from-run: %d %s %s", code, out, errs)
	}
	for _, f := range []string{"landscape/macro.json", "landscape/clusters.csv", "enterprises/dji.json"} {
		a, _ := os.ReadFile(filepath.Join(latest, f))
		b, _ := os.ReadFile(filepath.Join(replay, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s rebuilt from the run differs from the published one (%d vs %d bytes)", f, len(a), len(b))
		}
	}
	if code, _, _ := runCLI(t, "landscape", "-c", ecfg, "--lake", lk, "--out", replay, "--from-run", dir); code != exitUsage {
		t.Errorf("--from-run without run.json: exit %d, want %d", code, exitUsage)
	}
	// warn: on the first run every signal is new, so --fail-on info exits 5 when anything is
	// flagged; a second run on the same data has nothing new and exits 0.
	code, out, errs = runCLI(t, "warn", "-c", cfg, "--lake", lk, "--out", filepath.Join(dir, "out"), "--fail-on", "info")
	if !strings.Contains(out, "bulletin:") || (code != exitOK && code != exitWarning) {
		t.Fatalf("warn: %d %s %s", code, out, errs)
	}
	if strings.Contains(out, "bulletin: 0 signals") != (code == exitOK) {
		t.Errorf("warn --fail-on info: exit %d with %s", code, out)
	}
	code, out, errs = runCLI(t, "warn", "-c", cfg, "--lake", lk, "--out", filepath.Join(dir, "out"), "--fail-on", "info")
	if code != exitOK {
		t.Errorf("second warn: %d %s %s", code, out, errs)
	}
	if code, _, _ := runCLI(t, "warn", "-c", cfg, "--fail-on", "catastrophic"); code != exitUsage {
		t.Errorf("bad level: %d", code)
	}
}

// enterpriseModel reads an enterprise JSON model without its generation timestamp.
func enterpriseModel(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if meta, ok := m["meta"].(map[string]any); ok {
		delete(meta, "generated")
	}
	return m
}

// firstDiff names the top-level keys whose values differ.
func firstDiff(a, b map[string]any) string {
	var keys []string
	for k := range a {
		if !reflect.DeepEqual(a[k], b[k]) {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return "differing keys: " + strings.Join(keys, ", ")
}
