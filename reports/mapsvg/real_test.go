package mapsvg

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/analysis/cluster"
	"github.com/patnav/patnav/ingest/cnipa"
	"github.com/patnav/patnav/ingest/format"
)

// TestRealCNIPAMap writes the map of the real Chinese export to $MAPSVG_OUT/real.html for a
// visual check (headless Chromium screenshot); it runs only when MAPSVG_OUT is set and the data
// is present.
func TestRealCNIPAMap(t *testing.T) {
	out := os.Getenv("MAPSVG_OUT")
	path := "/work/shared/data/real/cnipa/专利信息.xlsx"
	if out == "" {
		t.Skip("MAPSVG_OUT not set")
	}
	if _, err := os.Stat(path); err != nil {
		t.Skip("real data absent")
	}
	r, err := cnipa.Format.Open(path, format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, _, err := format.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	var docs []cluster.Doc
	seen := map[string]bool{}
	count := map[string]int{}
	for i, rec := range recs {
		id := rec.Patent.PubNumber
		if id == "" || seen[id] {
			id = fmt.Sprintf("rec%d", i)
		}
		seen[id] = true
		d := cluster.Doc{ID: id, Title: rec.Patent.Title, Abstract: rec.Patent.Abstract}
		if rec.Patent.AppDate.Valid() {
			d.Year = rec.Patent.AppDate.Year()
		}
		for _, c := range rec.Classifications {
			d.Codes = append(d.Codes, c.MainGroup)
			if c.IsMain && d.Subclass == "" {
				d.Subclass = c.Subclass
			}
		}
		for _, p := range rec.Parties {
			if p.Role == "applicant" && p.Name != "" {
				d.Applicant = p.Name
				count[p.Name]++
				break
			}
		}
		docs = append(docs, d)
	}
	top := ""
	for name, n := range count {
		if n > count[top] || (n == count[top] && name < top) {
			top = name
		}
	}
	var ids []string
	for _, d := range docs {
		if top != "" && d.Applicant == top {
			ids = append(ids, d.ID)
		}
	}
	res, err := cluster.Run(docs, cluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Title: "专利信息.xlsx — 技术聚类地图", Overlay: res.Overlay(ids), OverlayName: top, LegendTitle: "技术聚类", HotspotWord: "热点", WhiteSpaceWord: "空白点", DocumentsWord: "件"}
	page := `<!doctype html><meta charset="utf-8"><body style="margin:0">` + string(HTML(res, o)) + `</body>`
	if err := os.WriteFile(filepath.Join(out, "real.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
}
