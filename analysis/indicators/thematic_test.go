package indicators

import (
	"math"
	"testing"
)

func TestStrategicDiagram(t *testing.T) {
	// By hand:
	//   A: centrality 5+5 = 10, density (4+4)/2 = 4
	//   B: centrality 1,        density 6/1     = 6
	//   C: centrality 1+1 = 2,  density 1/2     = 0.5
	//   D: centrality 8,        density 2/4     = 0.5
	//   E: size 0 → density undefined, left out of the medians
	// median centrality of {1, 2, 8, 10} = (2+8)/2 = 5;
	// median density of {0.5, 0.5, 4, 6} = (0.5+4)/2 = 2.25.
	// A high/high motor, B low/high niche, C low/low emerging-or-declining,
	// D high/low basic. Tolerance 1e-12.
	m := StrategicDiagram([]ThemeCluster{
		{ID: "A", Internal: []float64{4, 4}, External: []float64{5, 5}, Size: 2},
		{ID: "B", Internal: []float64{6}, External: []float64{1}, Size: 1},
		{ID: "C", Internal: []float64{1}, External: []float64{1, 1}, Size: 2},
		{ID: "D", Internal: []float64{2}, External: []float64{8}, Size: 4},
		{ID: "E", Internal: nil, External: []float64{3}, Size: 0},
	})
	if !near(m.MedianCentrality, 5, 1e-12) || !near(m.MedianDensity, 2.25, 1e-12) {
		t.Errorf("medians %g %g", m.MedianCentrality, m.MedianDensity)
	}
	want := []struct {
		c, d float64
		q    Quadrant
	}{{10, 4, MotorThemes}, {1, 6, NicheThemes}, {2, 0.5, EmergingOrDecliningTheme}, {8, 0.5, BasicThemes}, {3, math.NaN(), QuadrantUndefined}}
	for i, w := range want {
		p := m.Points[i]
		if !near(p.Centrality, w.c, 1e-12) || p.Quadrant != w.q || (math.IsNaN(w.d) != math.IsNaN(p.Density)) || (!math.IsNaN(w.d) && !near(p.Density, w.d, 1e-12)) {
			t.Errorf("%s: %+v, want %+v", p.ID, p, w)
		}
	}
}

func TestStrategicDiagramEdges(t *testing.T) {
	if m := StrategicDiagram(nil); len(m.Points) != 0 || !math.IsNaN(m.MedianCentrality) || !math.IsNaN(m.MedianDensity) {
		t.Errorf("empty: %+v", m)
	}
	// One cluster sits on both medians: ≥ median is high → motor.
	if m := StrategicDiagram([]ThemeCluster{{ID: "x", Internal: []float64{1}, External: []float64{1}, Size: 1}}); m.Points[0].Quadrant != MotorThemes {
		t.Errorf("single: %+v", m.Points[0])
	}
	// Odd count: median is the middle value (3 of 1, 3, 5).
	m := StrategicDiagram([]ThemeCluster{
		{ID: "a", External: []float64{1}, Internal: []float64{1}, Size: 1},
		{ID: "b", External: []float64{3}, Internal: []float64{3}, Size: 1},
		{ID: "c", External: []float64{5}, Internal: []float64{5}, Size: 1},
	})
	if m.MedianCentrality != 3 || m.Points[0].Quadrant != EmergingOrDecliningTheme || m.Points[1].Quadrant != MotorThemes {
		t.Errorf("odd: %+v", m)
	}
	mustPanic(t, "negative weight", func() {
		StrategicDiagram([]ThemeCluster{{ID: "x", External: []float64{-1}, Size: 1}})
	})
	mustPanic(t, "NaN size", func() { StrategicDiagram([]ThemeCluster{{ID: "x", Size: math.NaN()}}) })
}
