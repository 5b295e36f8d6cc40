package landscape

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// mixedSources are hand-made exports of the same invention (a drone with foldable arms, priority
// US 61/711,212 of 2012-10-09) as Lens, Derwent, Espacenet and PATENTSCOPE write it, plus one
// unrelated invention in the Lens file. Each source names the family its own way: Lens by the
// priority set (a "P…" key), Derwent by its accession number (DWPI2013123456), Espacenet by the
// DOCDB family number (54290166), PATENTSCOPE not at all (numbers without kind codes). What links
// them is the publications they share:
//
//	Lens        US20140102795A1, WO2014059282A2              + US7000001B2 (the other invention)
//	Derwent     EP2906782A2, US20140102795A1, CN104968889A
//	Espacenet   WO2014059282A2, EP2906782A2
//	PATENTSCOPE WO2014059282, CN104968889 (kindless: the stored WO…A2 and CN…A)
var mixedSources = map[string]string{
	"lens.csv": "#,Jurisdiction,Kind,Display Key,Lens ID,Publication Date,Application Number,Application Date,Priority Numbers,Title,Applicants,CPC Classifications,IPCR Classifications\n" +
		"1,US,A1,US 2014/0102795 A1,000-000-000-000-101,2014-04-17,US 201314050123 A,2013-10-09,US 201261711212 P 20121009;;US 201314050123 A 20131009,Drone with foldable arms,PARROT SA,B64C39/024,B64C39/02\n" +
		"2,WO,A2,WO 2014/059282 A2,000-000-000-000-102,2014-04-17,US 2013063953 W,2013-10-09,US 201261711212 P 20121009;;US 201314050123 A 20131009,Drone with foldable arms,PARROT SA,B64C39/024,B64C39/02\n" +
		"3,US,B2,US 7000001 B2,000-000-000-000-103,2014-03-06,US 10000001 A,2012-01-05,US 10000001 A 20120105,Camera gimbal for drones,ACME INC,B64C39/024,B64C39/02\n",
	"derwent.ciw": "FN Clarivate Analytics Derwent Innovations Index\nVR 1.0\nPT P\n" +
		"PN EP2906782-A2; US2014102795-A1; CN104968889-A\nTI Drone has foldable arms.\nAU SMITH J\nAE PARROT SA (PARR-Non-standard)\nGA 2013123456\n" +
		"IP B64C-039/02\nDC Q25; W06\nMC W06-B01B\nPD EP2906782-A2   19 Aug 2015   B64C-039/02   201555      English\n" +
		"   US2014102795-A1   17 Apr 2014   B64C-039/02   201427      English\n   CN104968889-A   07 Oct 2015   B64C-039/02   201571      Chinese\n" +
		"PI US61711212P    09 Oct 2012\nER\n\nEF\n",
	"espacenet.csv": "No;Title;Inventors;Applicants;Publication number;Earliest priority;IPC;CPC;Publication date;Earliest publication;Family number\n" +
		"1;Drone with foldable arms;SMITH JOHN [US];PARROT SA [FR];\"WO2014059282A2\nEP2906782A2\";2012-10-09;B64C39/02;B64C39/024;2014-04-17;2014-04-17;54290166\n",
	"patentscope.csv": "\nQuery: EN_ALL:drone\nPublication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image\n" +
		"WO2014059282,17.04.2014,DRONE WITH FOLDABLE ARMS,\"[61/711,212 09.10.2012 US]\",B64C 39/02,PARROT SA,SMITH John,\n" +
		"CN104968889,07.10.2015,Drone with foldable arms,\"[61/711,212 09.10.2012 US]\",B64C 39/02,PARROT SA,SMITH John,\n",
}

// TestMixedSourcesCountFamiliesOnce: a macro landscape over a lake of the four exports above
// counts two families (the drone, in every source, and the gimbal) and five publications
// (US20140102795A1, WO2014059282A2, US7000001B2, EP2906782A2, CN104968889A; PATENTSCOPE's two
// are stored ones without their kind), whichever order the exports are ingested in.
func TestMixedSourcesCountFamiliesOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for name, body := range mixedSources {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lk := filepath.Join(t.TempDir(), "lake")
	st, err := ingest.Run(ctx, []string{dir}, ingest.Options{Lake: lk, MaxBad: 0})
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]int{}
	for _, f := range st.Files {
		formats[f.Format] += f.Accepted
	}
	for f, n := range map[string]int{"lens": 3, "derwent": 3, "espacenet": 2, "patentscope": 2} {
		if formats[f] != n {
			t.Errorf("%s: %d records accepted, want %d (%v)", f, formats[f], n, formats)
		}
	}
	cfg, err := config.Load("testdata/hand/nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	cfg.Industry.Scope.Codes = []string{"B64C39"}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := BuildMacro(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if m.Scope.Families != 2 || m.Scope.Publications != 5 {
		t.Errorf("scope: %d families, %d publications; want 2 and 5", m.Scope.Families, m.Scope.Publications)
	}
	// Derwent classes and manual codes (no IPC subclass) never stand in for an IPC subclass.
	for _, sc := range m.Technology.Subclasses {
		if sc.Code == "" {
			t.Errorf("an empty IPC subclass among the top subclasses: %+v", m.Technology.Subclasses)
		}
	}
	docs, err := s.ClusterDocs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Subclass != "B64C" {
			t.Errorf("family %s: main subclass %q, want B64C", d.ID, d.Subclass)
		}
	}
}

// TestKindlessOrderIndependent: PATENTSCOPE's kindless numbers ingested before the exports that
// hold them with a kind give the same lake as seen by the analyses as when they come after (or
// together, TestMixedSourcesCountFamiliesOnce): two families, five publications and a
// byte-identical macro.json (its generation time aside). In the kindless-first order the lake
// stores WO2014059282 and CN104968889 as publications of their own; the views read them as
// WO2014059282A2 and CN104968889A (internal/duck, pub_aliases).
func TestKindlessOrderIndependent(t *testing.T) {
	ctx := context.Background()
	cfg, err := config.Load("testdata/hand/nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Industry.Scope.Codes = []string{"B64C39"}
	build := func(batches ...[]string) []byte {
		t.Helper()
		lk := filepath.Join(t.TempDir(), "lake")
		for _, names := range batches {
			dir := t.TempDir()
			for _, name := range names {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(mixedSources[name]), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := ingest.Run(ctx, []string{dir}, ingest.Options{Lake: lk, MaxBad: 0}); err != nil {
				t.Fatal(err)
			}
		}
		c := *cfg
		c.Lake = lk
		s, err := analysis.Open(ctx, &c)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		m, err := BuildMacro(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		if m.Scope.Families != 2 || m.Scope.Publications != 5 {
			t.Errorf("%v: %d families, %d publications; want 2 and 5", batches, m.Scope.Families, m.Scope.Publications)
		}
		m.Meta.Generated = ""
		b, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	others := []string{"lens.csv", "derwent.ciw", "espacenet.csv"}
	after := build(others, []string{"patentscope.csv"})
	before := build([]string{"patentscope.csv"}, others)
	together := build(append([]string{"patentscope.csv"}, others...))
	if !bytes.Equal(after, before) {
		t.Errorf("macro.json differs between kindless-last and kindless-first:\n%s", firstDiff(after, before))
	}
	if !bytes.Equal(after, together) {
		t.Errorf("macro.json differs between kindless-last and one ingest:\n%s", firstDiff(after, together))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}
