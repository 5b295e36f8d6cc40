package bundle

import (
	"fmt"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis/cluster"
	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/langtest"
)

// synthMap clusters a small synthetic corpus of Chinese and English documents into a map model
// (the way landscape.StartMap and Finish do from the lake).
func synthMap(t testing.TB, n int) *landscape.TechMap {
	w := synth.NewWorld(synth.Options{Families: n, Seed: 3})
	apps := w.Applicants()
	var docs []cluster.Doc
	w.Each(func(f *synth.Family) error {
		a := apps[f.Applicants[0]]
		d := cluster.Doc{ID: fmt.Sprintf("F%06d", f.Index), Year: f.Priority.Date.Year(), Applicant: a.Name}
		if a.Country == "CN" {
			d.Title, d.Abstract = f.TitleZh(), f.AbstractZh()
		} else {
			d.Title, d.Abstract = f.TitleEn(), f.AbstractEn()
		}
		for _, c := range f.IPC {
			mg, _, _ := strings.Cut(c, "/")
			d.Codes = append(d.Codes, mg)
		}
		docs = append(docs, d)
		return nil
	})
	// A low growth minimum, so that a corpus this small has growing clusters to word.
	r, err := cluster.Run(docs, cluster.Options{LastComplete: 2023, KMax: 12, MinGrowthEnd: 2})
	if err != nil {
		t.Fatal(err)
	}
	tm := landscape.NewTechMap(r)
	tm.Basis = landscape.Basis{Unit: "family", N: len(docs), From: 2000, To: 2025, Query: "cluster_docs", Method: []landscape.Note{{Code: landscape.NoteBasisMap}}}
	return tm
}

// TestMapSectionLanguage: the map section (table, white-space list, the SVG with its hover
// texts and caption) has no English prose in zh and no Chinese prose in en outside the map's
// names (cluster terms and labels, applicants, titles), every hotspot and white-space reason is
// worded (none is shown as a code or a ⟦missing⟧ key), and the reasons carry their numbers.
func TestMapSectionLanguage(t *testing.T) {
	tm := synthMap(t, 600)
	hot, ws := 0, len(tm.WhiteSpace)
	for _, c := range tm.Clusters {
		if c.Why != nil {
			hot++
		}
	}
	if hot == 0 || ws == 0 {
		t.Fatalf("the synthetic map should have hotspot and white-space reasons: %d, %d", hot, ws)
	}
	names := langtest.Names(tm)
	for _, lang := range []string{"zh", "en"} {
		sec := MapSection(tm, lang)
		page := "<html>" + string(sec.HTML) + "</html>"
		langtest.Check(t, "map html", lang, page, names, nil)
		langtest.Check(t, "map md", lang, sec.Markdown, names, nil)
		for _, bad := range []string{"⟦", "map.", "cagr_above_corpus"} {
			if strings.Contains(sec.Markdown, bad) {
				t.Errorf("%s map section shows %q", lang, bad)
			}
		}
		for _, c := range tm.Clusters {
			if c.Why != nil && c.Why.Code == landscape.NoteMapGrowth {
				// The growth reason states the cluster's CAGR as the table does (signed, 1 decimal).
				cagr := fmt.Sprintf("%.1f%%", 100*c.Why.Nums[0])
				if !strings.Contains(sec.Markdown, cagr) {
					t.Errorf("%s: growth reason of C%d lacks its CAGR %s", lang, c.ID, cagr)
				}
			}
		}
		// The method list states how k and the network resolution were chosen, with the numbers.
		if !strings.Contains(sec.Markdown, fmt.Sprintf("k = %d", tm.Evaluation.K)) || strings.Count(sec.Markdown, "\n- ") < len(tm.Notes)+2 {
			t.Errorf("%s map section lacks its method notes", lang)
		}
		if lang == "zh" && !strings.Contains(sec.Markdown, "热点依据") {
			t.Error("zh map section lacks its zh headings")
		}
	}
}
