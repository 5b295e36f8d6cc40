// Package cluster groups patent families into technology clusters and draws the landscape map
// (navigation.md §7): a class network of IPC/CPC main groups split into communities by Louvain
// over a resolution sweep, text clusters from TF-IDF vectors (Chinese word segmentation, English
// stemming, patent boilerplate removed) by spherical k-means with k chosen by silhouette, a 2-D
// layout with a kernel-density surface, contour "mountains" and labelled peaks, cluster dynamics
// (growth, bursts, Callon's strategic diagram, hotspots, white space) and an evaluation
// (modularity, silhouette, stability across seeds, agreement with IPC subclasses).
//
// The package works on plain documents ([]Doc) and never touches the lake; analysis.Session's
// ClusterDocs loads them. Run is deterministic: the same documents and Options give the same
// Result (seeded math/rand/v2 sources, sorted outputs, no map-order leaks, and parallel work whose
// results do not depend on scheduling).
package cluster

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Doc is one document (normally one patent family) to cluster.
type Doc struct {
	ID                      string
	Title, Abstract, Claims string
	// Codes are IPC/CPC main groups, e.g. H04W84 (duplicates allowed).
	Codes []string
	// Subclass is the main IPC subclass (e.g. H04W), the reference partition for NMI/ARI.
	Subclass string
	// Year is the priority year (0 when unknown).
	Year int
	// Applicant is the first applicant ("" when unknown).
	Applicant string
	// Pos, for a Source that yields documents in no particular order (a query without ORDER BY,
	// which spares the database a sort of every text), is the document's 1-based position in the
	// corpus: the documents are then clustered as if yielded in that order, and positions
	// 1 … n must each occur once. 0, for every document, means the order yielded.
	Pos int
}

// Options configure Run. Zero fields take the defaults of DefaultOptions.
type Options struct {
	// Seed seeds every random choice (k-means++ seeding, samples, Louvain).
	Seed uint64
	// KMin and KMax bound the number of text clusters; k is chosen by mean silhouette.
	KMin, KMax int
	// Resolutions is the Louvain resolution sweep of the class network.
	Resolutions []float64
	// MaxDocs caps the sample the 2-D layout (LSA and local PCA) is fitted on; every document is
	// then placed by the fitted projection.
	MaxDocs int
	// FitDocs caps the sample k-means and the choice of k are fitted on; every document is then
	// assigned to its nearest centroid.
	FitDocs int
	// SilhouetteDocs caps the sample the mean silhouette is computed on (O(m²) similarities).
	SilhouetteDocs int
	// Restarts is the number of k-means++ restarts per k (the best objective wins).
	Restarts int
	// LastComplete is the last complete priority year (growth and bursts use complete years
	// only); 0 means the last year in the data.
	LastComplete int
	// GrowthWindow is the CAGR window in years (default 5).
	GrowthWindow int
	// MinGrowthEnd is the fewest documents a cluster (and the corpus) needs in the window's start
	// year and in its end year for a CAGR (default 10, the landscape's growth_end_year rule):
	// below it the CAGR is nil, never the −100 % of 1 → 0 or the +0 % of 1 → 1.
	MinGrowthEnd int
	// Grid is the side of the density grid in cells.
	Grid int
	// Levels is the number of contour levels.
	Levels int
	// Bandwidth is the kernel bandwidth in map units (the map is the unit square); 0 selects
	// Scott's rule with a floor of 0.025.
	Bandwidth float64
	// TitleWeight counts the title's terms this many times (titles are denser than abstracts).
	TitleWeight int
	// MinDF and MaxDF prune the vocabulary: a term must occur in at least MinDF documents and in
	// at most the fraction MaxDF of them.
	MinDF int
	MaxDF float64
	// MaxTerms caps the vocabulary (the most frequent terms are kept).
	MaxTerms int
	// SizeHint, when known, is about the number of documents the source yields: RunSource then
	// makes its largest slices once instead of growing them. It changes no result.
	SizeHint int
	// Workers is the number of goroutines for tokenising and assignment; results do not depend
	// on it. 0 means GOMAXPROCS.
	Workers int
}

// DefaultOptions are the defaults Run fills zero fields from.
var DefaultOptions = Options{
	Seed:           1,
	KMin:           4,
	KMax:           20,
	Resolutions:    []float64{0.5, 0.75, 1, 1.5, 2},
	MaxDocs:        20000,
	FitDocs:        20000,
	SilhouetteDocs: 2000,
	Restarts:       3,
	GrowthWindow:   5,
	MinGrowthEnd:   10,
	Grid:           128,
	Levels:         7,
	TitleWeight:    2,
	MinDF:          2,
	MaxDF:          0.5,
	MaxTerms:       100000,
}

func (o Options) withDefaults() Options {
	d := DefaultOptions
	if o.Seed == 0 {
		o.Seed = d.Seed
	}
	orDefault(&o.KMin, d.KMin)
	orDefault(&o.KMax, max(d.KMax, o.KMin))
	if len(o.Resolutions) == 0 {
		o.Resolutions = d.Resolutions
	}
	orDefault(&o.MaxDocs, d.MaxDocs)
	orDefault(&o.FitDocs, d.FitDocs)
	orDefault(&o.SilhouetteDocs, d.SilhouetteDocs)
	orDefault(&o.Restarts, d.Restarts)
	orDefault(&o.GrowthWindow, d.GrowthWindow)
	orDefault(&o.MinGrowthEnd, d.MinGrowthEnd)
	orDefault(&o.Grid, d.Grid)
	orDefault(&o.Levels, d.Levels)
	orDefault(&o.MaxTerms, d.MaxTerms)
	orDefault(&o.TitleWeight, d.TitleWeight)
	orDefault(&o.MinDF, d.MinDF)
	if o.MaxDF > 1 {
		o.MaxDF = d.MaxDF
	}
	orDefault(&o.MaxDF, d.MaxDF)
	return o
}

// orDefault sets *v to d when it is not positive (unset).
func orDefault[T int | float64](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// ErrNoDocs is returned when Run gets no documents with any index term.
var ErrNoDocs = errors.New("cluster: no documents with text to cluster")

// Term is a weighted label term in its display form.
type Term struct {
	Term   string  `json:"term"`
	Weight float64 `json:"weight"`
}

// CodeShare is a classification code with the share of a cluster's documents carrying it.
type CodeShare struct {
	Code  string  `json:"code"`
	Share float64 `json:"share"`
}

// NameCount is a name with a count.
type NameCount struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// YearN is a yearly count.
type YearN struct {
	Year int `json:"year"`
	N    int `json:"n"`
}

// BurstSpan is a Kleinberg burst of a cluster, in priority years.
type BurstSpan struct {
	From   int     `json:"from"`
	To     int     `json:"to"`
	Level  int     `json:"level"`
	Weight float64 `json:"weight"`
}

// Cluster is one text cluster with its label and dynamics.
type Cluster struct {
	ID   int    `json:"id"`
	Lang string `json:"lang"` // "zh" or "en": the majority language of its documents
	// Label is the top terms joined, in the cluster's language.
	Label string `json:"label"`
	// Terms are the distinctive terms (c-TF-IDF, see labels.go) in the cluster's language.
	Terms []Term `json:"terms"`
	// TermsZh and TermsEn are the distinctive Chinese words and English words separately (either
	// may be empty).
	TermsZh []Term      `json:"terms_zh,omitempty"`
	TermsEn []Term      `json:"terms_en,omitempty"`
	Size    int         `json:"size"`
	Codes   []CodeShare `json:"codes"` // dominant main groups
	// Applicants are the top first applicants; NApplicants counts distinct ones.
	Applicants  []NameCount `json:"applicants"`
	NApplicants int         `json:"n_applicants"`
	Years       []YearN     `json:"years"`
	// CAGR over the GrowthWindow complete years ending at LastComplete; nil when undefined.
	CAGR       *float64    `json:"cagr"`
	CAGRFrom   int         `json:"cagr_from,omitempty"`
	CAGRTo     int         `json:"cagr_to,omitempty"`
	Bursts     []BurstSpan `json:"bursts,omitempty"`
	Centrality float64     `json:"centrality"`
	Density    float64     `json:"density"`
	Quadrant   string      `json:"quadrant"`
	// Hotspot is set for a growing or bursting cluster, with the reason (ReasonGrowth or
	// ReasonBurst).
	Hotspot bool    `json:"hotspot"`
	Why     *Reason `json:"why,omitempty"`
	// X and Y are the cluster's centre on the map, Radius its disc's radius.
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Radius float64 `json:"radius"`
}

// Point is a document on the map (the unit square, y growing downwards as in SVG).
type Point struct {
	ID      string  `json:"id"`
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	Cluster int     `json:"cluster"`
	Title   string  `json:"title"`
}

// Contour is the set of closed polylines of the density surface at one level. Each polyline is a
// flat list x0, y0, x1, y1, … in map units; the first point is repeated at the end.
type Contour struct {
	Level float64     `json:"level"`
	Lines [][]float64 `json:"lines"`
}

// Peak is a labelled local maximum of the density surface.
type Peak struct {
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	Height  float64 `json:"height"`
	Cluster int     `json:"cluster"`
	Label   string  `json:"label"`
}

// WhiteSpace is a white-space (opportunity) finding; see dynamics.go for the definitions.
type WhiteSpace struct {
	Kind    string  `json:"kind"` // "gap" (a map location) or "thin" (a cluster)
	X       float64 `json:"x,omitempty"`
	Y       float64 `json:"y,omitempty"`
	Cluster int     `json:"cluster"`
	Why     Reason  `json:"why"` // ReasonGap or ReasonThin
}

// Reason says why a cluster is a hotspot or a finding is white space: a kind and the numbers
// behind it. The package writes no sentences; reports word each kind. A field the kind does not
// use is zero.
type Reason struct {
	Kind string `json:"kind"` // Reason*
	// CAGR is the cluster's growth rate (growth, thin); Corpus the whole corpus's (growth).
	CAGR   float64 `json:"cagr"`
	Corpus float64 `json:"corpus_cagr"`
	// From and To are the CAGR window (growth) or the burst (burst); Level the burst's level and
	// Last the last complete year it reaches.
	From  int `json:"from"`
	To    int `json:"to"`
	Level int `json:"level"`
	Last  int `json:"last"`
	// PeakShare is the gap's density as a share of the density peak (gap).
	PeakShare float64 `json:"peak_share"`
	// Applicants counts the cluster's distinct applicants; Median is the median of that count
	// over all clusters (thin).
	Applicants int     `json:"applicants"`
	Median     float64 `json:"median"`
}

// Reason kinds.
const (
	ReasonGrowth = "cagr_above_corpus" // CAGR > 0 and above the corpus's CAGR
	ReasonBurst  = "burst"             // a burst reaching the last complete year
	ReasonGap    = "gap"               // a low-density location next to a growing cluster (WhiteSpace.Cluster)
	ReasonThin   = "thin"              // a growing cluster with few distinct applicants
)

// Density is the kernel-density surface on a Grid×Grid lattice over the unit square: Values[j*N+i]
// is the density at cell centre ((i+½)/N, (j+½)/N) in documents per unit area.
type Density struct {
	N         int       `json:"n"`
	Bandwidth float64   `json:"bandwidth"`
	Max       float64   `json:"max"`
	Values    []float64 `json:"values"`
}

// Resolution is one step of the Louvain resolution sweep.
type Resolution struct {
	Resolution  float64 `json:"resolution"`
	Communities int     `json:"communities"`
	Large       int     `json:"large"` // communities with ≥ 1 % of the nodes
	// Q is the modularity at this resolution, Q1 the standard modularity (γ = 1) of the same
	// partition (comparable across the sweep).
	Q  float64 `json:"q"`
	Q1 float64 `json:"q1"`
}

// Community is a community of the class network.
type Community struct {
	ID    int      `json:"id"`
	Codes []string `json:"codes"` // by weighted degree, strongest first
	// Families counts documents with at least one code in the community.
	Families int `json:"families"`
}

// ClassNetwork is the main-group co-occurrence network and its communities.
type ClassNetwork struct {
	Nodes    int          `json:"nodes"`    // main groups with at least one co-occurrence
	Isolated int          `json:"isolated"` // main groups that never co-occur (left out)
	Edges    int          `json:"edges"`
	Sweep    []Resolution `json:"sweep"`
	Chosen   float64      `json:"chosen"` // the chosen resolution
	Rule     string       `json:"rule"`   // how it was chosen: NetNone, NetLarge or NetFallback
	// Modularity is the standard modularity Q (γ = 1) of the chosen partition.
	Modularity  float64     `json:"modularity"`
	Communities []Community `json:"communities"`
}

// How the class network's resolution was chosen (ClassNetwork.Rule).
const (
	NetNone     = "no_network"      // fewer than two co-occurring main groups: no network
	NetLarge    = "min_communities" // the highest standard modularity Q (γ = 1) among partitions with ≥ 3 communities of ≥ 1 % of the nodes
	NetFallback = "fallback"        // no partition had ≥ 3 such communities: the highest Q (γ = 1) of all
)

// KScore is the mean silhouette of the best k-means run with k clusters.
type KScore struct {
	K          int     `json:"k"`
	Silhouette float64 `json:"silhouette"`
	Objective  float64 `json:"objective"` // Σ cos(x, centroid) over the fit sample
}

// Evaluation holds the quality measures of the clustering.
type Evaluation struct {
	// Modularity is the class network's standard modularity (NaN without a network).
	Modularity float64 `json:"modularity"`
	// Silhouette is the mean cosine silhouette of the chosen k on the silhouette sample.
	Silhouette float64 `json:"silhouette"`
	// KScores is the silhouette for every k tried (KMin…KMax, on SilhouetteDocs documents); K
	// the chosen one: the highest mean silhouette, ties to the smaller k.
	KScores []KScore `json:"k_scores"`
	K       int      `json:"k"`
	// Stability is the mean pairwise ARI between the partitions of the fit sample by k-means
	// with seeds Seed, Seed+1, Seed+2 at the chosen k.
	Stability float64 `json:"stability"`
	// NMI and ARI compare the text clusters with the main IPC subclass over the NSubclass
	// documents that have one.
	NMI       float64 `json:"nmi"`
	ARI       float64 `json:"ari"`
	NSubclass int     `json:"n_subclass"`
	// Sample sizes used.
	FitDocs        int `json:"fit_docs"`
	LayoutDocs     int `json:"layout_docs"`
	SilhouetteDocs int `json:"silhouette_docs"`
	// Terms is the vocabulary size after pruning; Unclustered counts documents with no index term.
	Terms       int `json:"terms"`
	Unclustered int `json:"unclustered"`
}

// Result is the outcome of Run.
type Result struct {
	Clusters []Cluster `json:"clusters"`
	// Assignments[i] is the cluster of docs[i]; −1 for a document without index terms.
	Assignments []int        `json:"assignments"`
	Points      []Point      `json:"points"` // one per clustered document, in input order
	Density     Density      `json:"density"`
	Contours    []Contour    `json:"contours"` // increasing level
	Peaks       []Peak       `json:"peaks"`    // highest first
	WhiteSpace  []WhiteSpace `json:"white_space"`
	Evaluation  Evaluation   `json:"evaluation"`
	Network     ClassNetwork `json:"network"`
	// LastComplete is the last complete year used for growth and bursts.
	LastComplete int `json:"last_complete"`
	// Options are the options the run used (defaults filled in), for the report's method notes.
	Options Options `json:"-"`

	index map[string]int // doc ID → index into Points
}

// Overlay returns the map positions of the documents with the given IDs (for example one
// enterprise's families), in the order of ids; unknown IDs and unclustered documents are skipped.
func (r *Result) Overlay(ids []string) []Point {
	if r.index == nil {
		r.index = make(map[string]int, len(r.Points))
		for i, p := range r.Points {
			r.index[p.ID] = i
		}
	}
	var out []Point
	for _, id := range ids {
		if i, ok := r.index[id]; ok {
			out = append(out, r.Points[i])
		}
	}
	return out
}

// Source yields documents: it calls yield with each document, one call at a time (not
// necessarily from one goroutine), until yield returns false or the documents run out, and
// returns the error that stopped it (nil at the end). Documents come in their order, or in any
// order when each has its position (Doc.Pos).
type Source func(yield func(Doc) bool) error

// Docs is the Source of a slice of documents.
func Docs(docs []Doc) Source {
	return func(yield func(Doc) bool) error {
		for _, d := range docs {
			if !yield(d) {
				break
			}
		}
		return nil
	}
}

// Run clusters docs and builds the landscape map. Document IDs must be unique and non-empty; a
// duplicate or empty ID is an error, as is a corpus with no index terms (ErrNoDocs).
func Run(docs []Doc, opt Options) (*Result, error) {
	return RunSource(Docs(docs), opt)
}

// RunSource is Run over the documents src yields. Each document's abstract and claims are
// dropped once tokenised, so a large corpus is never held in memory with its text; the result is
// the same as Run's over the same documents.
func RunSource(src Source, opt Options) (*Result, error) {
	o := opt.withDefaults()
	if o.KMin < 2 || o.KMax < o.KMin {
		return nil, fmt.Errorf("cluster: need 2 ≤ KMin ≤ KMax, got %d, %d", o.KMin, o.KMax)
	}
	c, docs, err := vectorize(src, o)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	res.Evaluation.Terms = len(c.terms)

	tc := clusterText(c, o)
	res.Assignments = tc.assign
	res.Evaluation.KScores = tc.scores
	res.Evaluation.K = tc.k
	res.Evaluation.Silhouette = tc.silhouette
	res.Evaluation.Stability = tc.stability
	res.Evaluation.FitDocs = tc.fitDocs
	res.Evaluation.SilhouetteDocs = tc.silDocs
	for _, a := range tc.assign {
		if a < 0 {
			res.Evaluation.Unclustered++
		}
	}
	res.Evaluation.NMI, res.Evaluation.ARI, res.Evaluation.NSubclass = subclassAgreement(docs, tc.assign)

	res.Network = classNetwork(docs, o)
	res.Evaluation.Modularity = res.Network.Modularity

	res.Clusters = describeClusters(docs, c, tc, workers(o))
	res.LastComplete = dynamics(docs, tc, res, o)

	lay := layout(docs, c, tc, o)
	res.Evaluation.LayoutDocs = lay.sampleSize
	res.Points = lay.points
	for i := range res.Clusters {
		res.Clusters[i].X, res.Clusters[i].Y = lay.centres[i][0], lay.centres[i][1]
		res.Clusters[i].Radius = lay.radius[i]
	}
	surface(res, tc.k, o)
	res.Options = o
	return res, nil
}

// subclassAgreement compares the clusters with the main IPC subclass (documents with a subclass
// and a cluster only).
func subclassAgreement(m *docMeta, assign []int) (nmi, ari float64, n int) {
	var a []int
	var b []int32
	for i := 0; i < m.n; i++ {
		s := m.subOf(i)
		if s < 0 || assign[i] < 0 {
			continue
		}
		a = append(a, assign[i])
		b = append(b, s)
	}
	if len(a) == 0 {
		return math.NaN(), math.NaN(), 0
	}
	lb := labelIDs(b)
	return NMI(a, lb), ARI(a, lb), len(a)
}

// labelIDs maps labels to dense ints (in the labels' order).
func labelIDs[T cmp.Ordered](s []T) []int {
	u := slices.Clone(s)
	slices.Sort(u)
	u = slices.Compact(u)
	out := make([]int, len(s))
	for i, v := range s {
		out[i], _ = slices.BinarySearch(u, v)
	}
	return out
}
