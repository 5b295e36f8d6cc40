package bundle

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"strconv"
	"sync"

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
//
// The rows are formatted in blocks of clusterBlock points, on every core, and written in order:
// a CSV writer keeps nothing from one record to the next, so the blocks joined are the bytes one
// writer gives (TestClustersCSVBlocks). At 10M families the file is 646 MB and its writing, one
// row after the other, was the whole of the landscape's report phase (5.2 of 5.3 CPU-s, most of
// it fetching each family's id from memory, which the cores now do side by side).
func WriteClusters(w io.Writer, tm *landscape.TechMap) error {
	return writeClusters(w, tm, clusterBlock, runtime.GOMAXPROCS(0))
}

// clusterBlock is how many points WriteClusters formats at a time per core (about 1 MB of CSV).
const clusterBlock = 1 << 14

func writeClusters(w io.Writer, tm *landscape.TechMap, block, nw int) error {
	labels := map[int]string{}
	for _, c := range tm.Clusters {
		labels[c.ID] = norm.SafeCell(c.Label)
	}
	format := func(buf *bytes.Buffer, pts []landscape.MapPoint) error {
		cw := csv.NewWriter(buf)
		for _, p := range pts {
			rec := []string{norm.SafeCell(p.ID), strconv.Itoa(p.Cluster), labels[p.Cluster],
				strconv.FormatFloat(p.X, 'f', 6, 64), strconv.FormatFloat(p.Y, 'f', 6, 64)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	head := csv.NewWriter(w)
	if err := head.Write([]string{"family_id", "cluster", "label", "x", "y"}); err != nil {
		return err
	}
	if head.Flush(); head.Error() != nil {
		return head.Error()
	}
	// A round formats one block per worker (nw) at once; the next round starts once its blocks
	// are written, so at most nw blocks are held.
	bufs := make([]bytes.Buffer, nw)
	errs := make([]error, nw)
	pts := tm.Points
	for len(pts) > 0 {
		var wg sync.WaitGroup
		n := 0
		for ; n < nw && len(pts) > 0; n++ {
			part := pts[:min(block, len(pts))]
			pts = pts[len(part):]
			i := n
			bufs[i].Reset()
			wg.Go(func() { errs[i] = format(&bufs[i], part) })
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				return errs[i]
			}
			if _, err := w.Write(bufs[i].Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}
