package bundle

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/internal/norm"
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

// TestClustersCSVBlocks: the rows formatted in blocks on several cores are the bytes one CSV
// writer gives over every row, whatever the block size and however many blocks a round holds.
func TestClustersCSVBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	ids := []string{"F1", "=1+2", "-3", "@x", "a,b", `q"uote`, " lead", "line\nbreak", "", "\tTab", "+7"}
	tm := &landscape.TechMap{Clusters: []landscape.MapCluster{{ID: 0, Label: "rotor blade"}, {ID: 1, Label: "=cmd"}, {ID: 2, Label: "a, \"b\""}}}
	for i := range 1000 {
		tm.Points = append(tm.Points, landscape.MapPoint{ID: ids[rng.IntN(len(ids))] + strconv.Itoa(i), Cluster: rng.IntN(4) - 1,
			X: rng.NormFloat64(), Y: rng.Float64()})
	}
	// One writer over every row: what WriteClusters wrote before it formatted in blocks.
	var want bytes.Buffer
	cw := csv.NewWriter(&want)
	cw.Write([]string{"family_id", "cluster", "label", "x", "y"})
	labels := map[int]string{0: "rotor blade", 1: "'=cmd", 2: "a, \"b\""}
	for _, p := range tm.Points {
		cw.Write([]string{norm.SafeCell(p.ID), strconv.Itoa(p.Cluster), labels[p.Cluster],
			strconv.FormatFloat(p.X, 'f', 6, 64), strconv.FormatFloat(p.Y, 'f', 6, 64)})
	}
	cw.Flush()
	for _, block := range []int{1, 3, 7, 64, 999, 1000, 5000} {
		for _, nw := range []int{1, 2, 3} {
			var got bytes.Buffer
			if err := writeClusters(&got, tm, block, nw); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("block %d, %d workers: %d bytes, want %d (the same bytes)", block, nw, got.Len(), want.Len())
			}
		}
	}
}
