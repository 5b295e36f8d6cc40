package mapsvg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis/cluster"
	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/landscape"
)

// synthResult clusters a small synthetic corpus (Chinese and English documents).
func synthResult(t testing.TB, n int) (*landscape.TechMap, []string) {
	w := synth.NewWorld(synth.Options{Families: n, Seed: 3})
	apps := w.Applicants()
	var docs []cluster.Doc
	var dji []string
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
		if a.Rank == 1 {
			dji = append(dji, d.ID)
		}
		docs = append(docs, d)
		return nil
	})
	docs[0].Title = `<script>alert("x")</script> & 'quotes' ` + "\x01"
	r, err := cluster.Run(docs, cluster.Options{LastComplete: 2023, KMax: 12})
	if err != nil {
		t.Fatal(err)
	}
	return landscape.NewTechMap(r), dji
}

func TestRenderWellFormedDeterministic(t *testing.T) {
	r, ids := synthResult(t, 1500)
	o := Options{Title: "无人机 landscape <test>", Overlay: r.Overlay(ids), OverlayName: "Rank-1 applicant"}
	a, b := Standalone(r, o), Standalone(r, o)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders differ")
	}
	d := xml.NewDecoder(bytes.NewReader(a))
	circles, titles := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "circle":
				circles++
			case "title":
				titles++
			}
		}
	}
	if circles < len(r.Points) {
		t.Errorf("%d circles for %d points", circles, len(r.Points))
	}
	if strings.Contains(string(a), "<script>") || !strings.Contains(string(a), "&lt;script&gt;") {
		t.Error("hover text not escaped")
	}
	if !strings.Contains(string(a), `fill-rule="evenodd"`) {
		t.Error("no contour bands")
	}
	if out := os.Getenv("MAPSVG_OUT"); out != "" {
		page := `<!doctype html><meta charset="utf-8"><body style="margin:0">` + string(HTML(r, o)) + `</body>`
		if err := os.WriteFile(filepath.Join(out, "map.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNoData(t *testing.T) {
	s := string(Render(nil, Options{}))
	if !strings.Contains(s, "no data") {
		t.Fatal(s)
	}
	if err := xml.Unmarshal([]byte(s), new(struct{})); err != nil {
		t.Fatal(err)
	}
}
