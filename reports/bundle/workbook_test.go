package bundle

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/landscape"
)

// TestWorkbookNeutralisesFormulas: patent text never becomes a spreadsheet formula.
func TestWorkbookNeutralisesFormulas(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.xlsx")
	err := WriteWorkbook(p, []Sheet{{Name: "Applicants: top/all", Header: []string{"name", "n", "share"}, Formats: []string{"", "int", "pct"},
		Rows: [][]any{{`=HYPERLINK("http://x","y")`, 3, 0.25}, {"+SUM(A1)", int64(-2), nil}, {"@cmd", 1.5, 0.1}}}})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenFile(p)
	defer f.Close()
	sheet := f.GetSheetList()[0]
	if strings.ContainsAny(sheet, ":/") {
		t.Errorf("sheet name %q", sheet)
	}
	for _, cell := range []string{"A2", "A3", "A4"} {
		if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
			t.Errorf("%s has formula %q", cell, fm)
		}
		if v, _ := f.GetCellValue(sheet, cell); !strings.HasPrefix(v, "'") {
			t.Errorf("%s = %q not neutralised", cell, v)
		}
	}
	if v, _ := f.GetCellValue(sheet, "B3"); v != "-2" {
		t.Errorf("B3 = %q", v)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
}

// TestClustersCSV: one row per family on the map with its cluster, label and position; text
// cells neutralised.
func TestClustersCSV(t *testing.T) {
	tm := &landscape.TechMap{Clusters: []landscape.MapCluster{{ID: 0, Label: "rotor blade"}, {ID: 1, Label: "=cmd"}},
		Points: []landscape.MapPoint{{ID: "F2", X: 0.25, Y: 0.5, Cluster: 1}, {ID: "F1", X: 1, Y: 0, Cluster: 0}}}
	var b bytes.Buffer
	if err := WriteClusters(&b, tm); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"family_id", "cluster", "label", "x", "y"},
		{"F2", "1", "'=cmd", "0.250000", "0.500000"},
		{"F1", "0", "rotor blade", "1.000000", "0.000000"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("clusters.csv\n got %q\nwant %q", got, want)
	}
	sh := ClusterSheet(tm)
	if len(sh.Rows) != 2 || sh.Rows[0][0] != "F2" || sh.Rows[0][2] != "=cmd" {
		t.Errorf("cluster sheet rows %v", sh.Rows)
	}
}
