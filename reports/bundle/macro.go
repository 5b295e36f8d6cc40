package bundle

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/patnav/patnav/internal/atomicfile"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports"
)

// WriteFile writes path atomically (see internal/atomicfile).
func WriteFile(path string, fn func(w io.Writer) error) error { return atomicfile.Write(path, fn) }

// Files lists what a publication step wrote, relative to its folder.
type Files []string

// ClustersFile is the CSV of every clustered family's cluster and map position, beside macro.json.
const ClustersFile = "clusters.csv"

// Macro writes the macro landscape into dir: macro.json, macro.schema.json, per language
// macro_<lang>.html and macro_<lang>.md (with the landscape map as section 11 when the model has
// one) and, with a map, clusters.csv (see WriteClusters).
func Macro(dir string, m *landscape.Macro, langs []string) (Files, error) {
	opt := func(lang string) reports.RenderOptions {
		if m.Map == nil {
			return reports.RenderOptions{}
		}
		return reports.RenderOptions{Extra: []reports.ExtraSection{MapSection(m.Map, lang)}}
	}
	set := reports.Set{Name: "macro", Schema: landscape.Macro{},
		JSON:     func(w io.Writer) error { return reports.MacroJSON(w, m) },
		HTML:     func(w io.Writer, lang string) error { return reports.MacroHTMLOptions(w, m, lang, opt(lang)) },
		Markdown: func(w io.Writer, lang string) error { return reports.MacroMarkdownOptions(w, m, lang, opt(lang)) }}
	if m.Map != nil {
		set.Extra = []reports.File{{Name: ClustersFile, Write: func(w io.Writer) error { return WriteClusters(w, m.Map) }}}
	}
	return reports.Publish(dir, set, langs)
}

// WriteClusters writes the map's cluster assignments as CSV: family_id, cluster, label, x, y (one
// row per clustered family, in the map's order), so anyone can recompute the clustering figures
// (silhouette, NMI, ARI) from the published bundle. Text cells are formula-neutralised.
func WriteClusters(w io.Writer, tm *landscape.TechMap) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"family_id", "cluster", "label", "x", "y"}); err != nil {
		return err
	}
	labels := map[int]string{}
	for _, c := range tm.Clusters {
		labels[c.ID] = c.Label
	}
	for _, p := range tm.Points {
		rec := []string{norm.SafeCell(p.ID), strconv.Itoa(p.Cluster), norm.SafeCell(labels[p.Cluster]),
			strconv.FormatFloat(p.X, 'f', 6, 64), strconv.FormatFloat(p.Y, 'f', 6, 64)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
