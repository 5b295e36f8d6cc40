package indicators

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/floats"
)

// ThemeCluster is a cluster (theme) of a co-word or co-classification
// network: the weights of the links between its own members, the weights of
// the links from its members to other clusters, and its size (number of
// members: keywords, classes, …).
type ThemeCluster struct {
	ID       string
	Internal []float64 // internal link weights
	External []float64 // external link weights
	Size     float64
}

// Quadrant is a position on Callon's strategic diagram.
type Quadrant string

// The four quadrants of the strategic diagram (centrality on x, density on
// y), and the label of a cluster whose density is undefined.
const (
	MotorThemes              Quadrant = "motor"                 // high centrality, high density
	NicheThemes              Quadrant = "niche"                 // low centrality, high density
	EmergingOrDecliningTheme Quadrant = "emerging-or-declining" // low centrality, low density
	BasicThemes              Quadrant = "basic"                 // high centrality, low density
	QuadrantUndefined        Quadrant = "undefined"             // size 0: density undefined
)

// ThemePoint is a cluster placed on the strategic diagram.
type ThemePoint struct {
	ID         string
	Centrality float64
	Density    float64 // NaN when the size is 0
	Quadrant   Quadrant
}

// ThematicMap is the outcome of StrategicDiagram.
type ThematicMap struct {
	Points []ThemePoint // in input order
	// MedianCentrality and MedianDensity are the split lines (NaN when no
	// cluster has a defined density).
	MedianCentrality, MedianDensity float64
}

// StrategicDiagram places clusters on Callon's strategic diagram (Callon,
// Courtial & Laville 1991, "Co-word analysis as a tool for describing the
// network of interactions between basic and technological research",
// Scientometrics 22:155–205; navigation.md §5):
//
//	centrality = Σ external link weights
//	density    = Σ internal link weights / size
//
// The diagram is split at the medians of centrality and density over the
// clusters with a defined density (median of an even number of values = mean
// of the two middle values). A value ≥ its median counts as high:
//
//	high centrality, high density   motor themes
//	low centrality,  high density   niche (highly developed, isolated) themes
//	low centrality,  low density    emerging or declining themes
//	high centrality, low density    basic (transversal) themes
//
// A cluster of size 0 has an undefined (NaN) density, the quadrant
// QuadrantUndefined, and takes no part in the medians. Empty input gives an
// empty map with NaN medians. A negative, NaN or infinite weight or size
// panics.
func StrategicDiagram(clusters []ThemeCluster) ThematicMap {
	m := ThematicMap{Points: make([]ThemePoint, len(clusters))}
	var cs, ds []float64
	for i, c := range clusters {
		checkCounts("StrategicDiagram internal weights of "+c.ID, c.Internal)
		checkCounts("StrategicDiagram external weights of "+c.ID, c.External)
		checkCounts("StrategicDiagram size of "+c.ID, []float64{c.Size})
		p := ThemePoint{ID: c.ID, Centrality: floats.Sum(c.External), Density: math.NaN(), Quadrant: QuadrantUndefined}
		if c.Size > 0 {
			p.Density = floats.Sum(c.Internal) / c.Size
			cs = append(cs, p.Centrality)
			ds = append(ds, p.Density)
		}
		m.Points[i] = p
	}
	m.MedianCentrality, m.MedianDensity = median(cs), median(ds)
	for i := range m.Points {
		p := &m.Points[i]
		if math.IsNaN(p.Density) {
			continue
		}
		hiC, hiD := p.Centrality >= m.MedianCentrality, p.Density >= m.MedianDensity
		switch {
		case hiC && hiD:
			p.Quadrant = MotorThemes
		case !hiC && hiD:
			p.Quadrant = NicheThemes
		case !hiC && !hiD:
			p.Quadrant = EmergingOrDecliningTheme
		default:
			p.Quadrant = BasicThemes
		}
	}
	return m
}

// median returns the median of x (mean of the two middle values for an even
// count), NaN for empty x. x is not modified.
func median(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
