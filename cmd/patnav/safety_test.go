package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes drives each failure the README's exit-code line names through the CLI and checks
// its code (0 ok, 1 error, 2 usage or configuration, 3 input rejected). Every input is generated.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	lens := filepath.Join(dir, "uav.csv")
	if code, _, errs := runCLI(t, "synth", "--form", "lens", "--families", "60", "--seed", "5", "--out", lens); code != 0 {
		t.Fatalf("synth: %s", errs)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	corruptZip := write("grants.zip", append([]byte("PK\x03\x04"), make([]byte, 200)...))
	truncatedZip := write("ipg.zip", []byte("PK\x05\x06"+strings.Repeat("\x00", 18)))
	empty := write("empty.csv", nil)
	cfg := func(name, extra string) string {
		return write(name, []byte("industry: {name: {en: x}, scope: {codes: [B64]}}\nbranches: [{id: a, name: {en: a}, codes: [B64C]}]\n"+
			"lake: "+lk+"\nout: "+filepath.Join(dir, "out")+"\n"+extra))
	}
	cases := []struct {
		name string
		args []string
		code int
		says string // the message names this
	}{
		{"unknown --format name", []string{"ingest", "--lake", lk, "--format", "lenz", lens}, exitUsage, "lenz"},
		{"unknown --encoding name", []string{"ingest", "--lake", lk, "--encoding", "klingon", lens}, exitUsage, "klingon"},
		{"bad --max-field", []string{"ingest", "--lake", lk, "--max-field", "lots", lens}, exitUsage, "max-field"},
		{"bad --parts", []string{"ingest", "--lake", lk, "--parts", "monthly", lens}, exitUsage, "monthly"},
		{"refused forced format", []string{"ingest", "--lake", lk, "--format", "cnipa", lens}, exitBadInput, "uav.csv"},
		{"corrupt zip, forced", []string{"ingest", "--lake", lk, "--format", "uspto_xml", corruptZip}, exitBadInput, "grants.zip"},
		{"corrupt zip, sniffed", []string{"ingest", "--lake", lk, corruptZip}, exitBadInput, "grants.zip"},
		{"empty zip directory", []string{"ingest", "--lake", lk, "--format", "uspto_xml", truncatedZip}, exitBadInput, "ipg.zip"},
		{"empty file", []string{"ingest", "--lake", lk, empty}, exitBadInput, "empty.csv"},
		{"too few accepted", []string{"ingest", "--lake", lk, "--min-accept", "1000", lens}, exitBadInput, "too few"},
		{"ingest by year", []string{"ingest", "--lake", lk, "--parts", "year", lens}, exitOK, "parts by priority year"},
		{"lake info names the layout", []string{"lake", "info", "--lake", lk}, exitOK, "by year ("},
		{"forget of nothing", []string{"lake", "forget", "--lake", lk, "nosuch.csv"}, exitError, "nosuch.csv"},
		{"config: core_share .nan", []string{"landscape", "-c", cfg("nan.yaml", "analysis: {core_share: .nan}\n")}, exitUsage, "analysis.core_share"},
		{"config: domestic China", []string{"warn", "-c", cfg("dom.yaml", "warnings: {domestic: China}\n")}, exitUsage, "warnings.domestic"},
		{"config: window_years -5", []string{"run", "-c", cfg("win.yaml", "warnings: {thresholds: {window_years: -5}}\n")}, exitUsage, "window_years"},
		{"forget the file", []string{"lake", "forget", "--lake", lk, lens}, exitOK, ""},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs+out, c.says) {
			t.Errorf("%s: exit %d, want %d naming %q; stderr: %s", c.name, code, c.code, c.says, errs)
		}
	}
}

// TestPanicIsNotAUsageError: a panic inside a command is recovered into exit 1 with a message and
// the stack, not Go's exit 2 that reads like a usage error.
func TestPanicIsNotAUsageError(t *testing.T) {
	//lint:ignore SA5000 the nil-map write is the panic this test provokes
	err := safely(func() error { var m map[string]int; m["x"]++; return nil })
	if !errors.Is(err, errPanic) || exitCode(err) != exitError || !strings.Contains(err.Error(), "assignment to entry in nil map") ||
		!strings.Contains(err.Error(), "safety_test.go") {
		t.Errorf("got %v (exit %d)", err, exitCode(err))
	}
	if err := safely(func() error { return fmt.Errorf("%w: x", errUsage) }); exitCode(err) != exitUsage {
		t.Errorf("an ordinary error changed its code: %v", err)
	}
}

// TestZeroFamilies: a scope that matches no family, and a window that holds none, are reported by
// enterprise and run as they are by landscape and warn, not crashed on ("Table with name
// fam_quality does not exist").
func TestZeroFamilies(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	lens := filepath.Join(dir, "inbox", "uav.csv")
	if code, _, errs := runCLI(t, "synth", "--form", "lens", "--families", "80", "--seed", "9", "--out", lens); code != 0 {
		t.Fatalf("synth: %s", errs)
	}
	for name, extra := range map[string]string{
		"scope":  "industry: {name: {en: none}, scope: {codes: [A01K]}}\nbranches: [{id: a, name: {en: a}, codes: [A01K1]}]\n",
		"window": "industry: {name: {en: x}, scope: {codes: [B64]}}\nbranches: [{id: a, name: {en: a}, codes: [B64C]}]\nanalysis: {from: 1950, to: 1960}\n",
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+name)
			cfg := filepath.Join(dir, name+".yaml")
			os.WriteFile(cfg, []byte(extra+"enterprises: [{id: dji, names: [SHENZHEN DJI]}]\nlake: "+lk+"\nout: "+out+"\ninbox: "+filepath.Dir(lens)+"\n"), 0o644)
			want := exitOK
			if name == "scope" { // and a file of no known format in the inbox: set aside, exit 6
				os.WriteFile(filepath.Join(filepath.Dir(lens), "notes.csv"), []byte("hello,world\n1,2\n"), 0o644)
				want = exitRejectedInputs
			}
			for _, cmd := range []string{"run", "enterprise"} { // run ingests the inbox
				code, out, errs := runCLI(t, cmd, "-c", cfg)
				if code != want && cmd == "run" || code != exitOK && cmd == "enterprise" {
					t.Fatalf("%s: exit %d: %s %s", cmd, code, out, errs)
				}
			}
			if _, err := os.Stat(filepath.Join(out, "enterprises", "dji.json")); err != nil {
				t.Errorf("no enterprise report: %v", err)
			}
			if _, err := os.Stat(filepath.Join(out, "latest", "index.html")); err != nil {
				t.Errorf("the run published nothing: %v", err)
			}
		})
	}
}
