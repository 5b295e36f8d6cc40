package mapsvg

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis/cluster"
	"github.com/patnav/patnav/ingest/cnipa"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/realdata"
	"github.com/patnav/patnav/landscape"
)

// TestRealCNIPAMap draws the map of the real Chinese export and checks it: the SVG is
// well-formed XML, every clustered document is one point, the top applicant's documents are the
// overlay (one mark each), and every cluster is labelled in the legend. With MAPSVG_OUT set it
// also writes the page to $MAPSVG_OUT/real.html for a visual check.
func TestRealCNIPAMap(t *testing.T) {
	if testing.Short() {
		t.Skip("real-data map")
	}
	path := realdata.File(t, "cnipa", "专利信息.xlsx")
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
			name := p.Name
			if name == "" {
				name = p.NameRaw // readers leave Name to ingest's normaliser
			}
			if p.Role == "applicant" && name != "" {
				d.Applicant = name
				count[name]++
				break
			}
		}
		docs = append(docs, d)
		if len(docs) == 800 { // enough for a map with several clusters, in seconds
			break
		}
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
	cres, err := cluster.Run(docs, cluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := landscape.NewTechMap(cres)
	o := Options{Lang: "zh", Title: "专利信息.xlsx — 技术聚类地图", Overlay: res.Overlay(ids), OverlayName: top, LegendTitle: "技术聚类", HotspotWord: "热点", WhiteSpaceWord: "空白点", DocumentsWord: "件"}
	m := string(Render(res, o))
	if err := wellFormed(m); err != nil {
		t.Fatalf("the map is not well-formed XML: %v", err)
	}
	if len(res.Points) == 0 || len(res.Clusters) == 0 {
		t.Fatalf("%d documents gave %d points in %d clusters", len(docs), len(res.Points), len(res.Clusters))
	}
	gaps := 0 // only the "gap" kind of white space is drawn
	for _, w := range res.WhiteSpace {
		if w.Kind == "gap" {
			gaps++
		}
	}
	if got := strings.Count(m, "<circle class=\"white-space\""); got != gaps {
		t.Errorf("%d white-space marks for %d gaps", got, gaps)
	}
	overlay := res.Overlay(ids)
	if top == "" || len(overlay) == 0 {
		t.Fatalf("no overlay for the top applicant %q (%d of its documents)", top, len(ids))
	}
	if i, j := strings.Index(m, `<g class="overlay"`), strings.Index(m, `<g class="peaks">`); i < 0 || j < i ||
		strings.Count(m[i:j], "<circle") != len(overlay) {
		t.Errorf("the overlay group does not hold one mark per overlay point (%d)", len(overlay))
	}
	for _, c := range res.Clusters {
		if c.Size > 0 && !strings.Contains(m, svgText(c.Label)) {
			t.Errorf("cluster %d's label %q is missing from the map", c.ID, c.Label)
		}
	}
	if out := os.Getenv("MAPSVG_OUT"); out != "" {
		page := `<!doctype html><meta charset="utf-8"><body style="margin:0">` + string(HTML(res, o)) + `</body>`
		if err := os.WriteFile(filepath.Join(out, "real.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wellFormed parses s as XML to its end.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// svgText is s as the map escapes it in text.
func svgText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
