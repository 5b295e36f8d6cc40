package landscape

import (
	"context"
	"errors"
	"math"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/cluster"
)

// TechMap is the technology clustering and landscape map (report section 11 with white space):
// the clusters with their figures, the white space, the evaluation, and the drawing itself
// (every clustered family's position, the density contours and the labelled peaks). Reports draw
// the map from this model alone; the drawing is left out of macro.json (it is as large as the
// scope) and exported as a CSV of assignments instead (see Assignments).
type TechMap struct {
	Clusters   []MapCluster  `json:"clusters"`
	WhiteSpace []WhiteSpace  `json:"white_space"`
	Evaluation MapEvaluation `json:"evaluation"`
	Network    MapNetwork    `json:"network"`
	Notes      []Note        `json:"notes"` // how the map was made: NoteMapMethod* codes
	Basis      Basis         `json:"basis"`

	// Points are the clustered families on the unit square, in the scope's family order.
	Points []MapPoint `json:"-"`
	// Contours are the density surface's levels, lowest first.
	Contours []MapContour `json:"-"`
	// Peaks are the labelled local maxima of the density, highest first.
	Peaks []MapPeak `json:"-"`

	index map[string]int // Points by family id, built on first Overlay
}

// MapPoint is one family on the map: its position in the unit square and its cluster.
type MapPoint struct {
	ID      string  // family id
	X, Y    float64 // map units, [0, 1]
	Cluster int
	Title   string
}

// MapContour is one level of the density surface: closed polylines, each a flat list
// x0, y0, x1, y1, … in map units with the first point repeated at the end.
type MapContour struct {
	Level float64
	Lines [][]float64
}

// MapPeak is a labelled local maximum of the density surface.
type MapPeak struct {
	X, Y, Height float64
	Cluster      int
	Label        string
}

// WhiteSpace is a white-space (opportunity) finding: a "gap" at a map location or a "thin"
// cluster.
type WhiteSpace struct {
	Kind    string  `json:"kind"`
	X       float64 `json:"x,omitempty"`
	Y       float64 `json:"y,omitempty"`
	Cluster int     `json:"cluster"`
	Why     Note    `json:"why"` // NoteMapGap or NoteMapThin
}

// Overlay returns the map positions of the given family ids (an enterprise's families), in the
// order given; ids not on the map are skipped.
func (tm *TechMap) Overlay(ids []string) []MapPoint {
	if tm == nil {
		return nil
	}
	if tm.index == nil {
		tm.index = make(map[string]int, len(tm.Points))
		for i, p := range tm.Points {
			tm.index[p.ID] = i
		}
	}
	var out []MapPoint
	for _, id := range ids {
		if i, ok := tm.index[id]; ok {
			out = append(out, tm.Points[i])
		}
	}
	return out
}

// ClusterLabel returns the label of cluster id ("" when there is none).
func (tm *TechMap) ClusterLabel(id int) string {
	for _, c := range tm.Clusters {
		if c.ID == id {
			return c.Label
		}
	}
	return ""
}

// MapCluster is one text cluster (a "mountain" of the map).
type MapCluster struct {
	ID          int      `json:"id"`
	Label       string   `json:"label"`
	Lang        string   `json:"lang"`
	TermsZh     []string `json:"terms_zh,omitempty"`
	TermsEn     []string `json:"terms_en,omitempty"`
	Size        int      `json:"size"`
	Codes       []string `json:"codes"`
	Applicants  []Count  `json:"applicants"`
	NApplicants int      `json:"n_applicants"`
	CAGR        *float64 `json:"cagr"`
	Bursts      []Burst  `json:"bursts,omitempty"`
	Quadrant    string   `json:"quadrant"`
	Centrality  float64  `json:"centrality"`
	Density     float64  `json:"density"`
	Hotspot     bool     `json:"hotspot"`
	Why         *Note    `json:"why,omitempty"` // why it is a hotspot: NoteMapGrowth or NoteMapBurst
}

// MapEvaluation lets a reader judge the map. Nil values are undefined (e.g. no class network).
type MapEvaluation struct {
	K          int      `json:"k"`
	KRule      Note     `json:"k_rule"` // how k was chosen: NoteMapKRule
	Silhouette *float64 `json:"silhouette"`
	Stability  *float64 `json:"stability_ari"`
	NMI        *float64 `json:"nmi_ipc_subclass"`
	ARI        *float64 `json:"ari_ipc_subclass"`
	Modularity *float64 `json:"modularity"`
}

// MapNetwork summarises the class-network clustering.
type MapNetwork struct {
	Nodes       int      `json:"nodes"`
	Edges       int      `json:"edges"`
	Resolution  float64  `json:"resolution"`
	Rule        Note     `json:"rule"` // how the resolution was chosen: NoteMapNet*
	Modularity  *float64 `json:"modularity"`
	Communities int      `json:"communities"`
}

// mapNotes states how the map was made, with the run's own settings.
func mapNotes(res *cluster.Result) []Note {
	o, e := res.Options, res.Evaluation
	ns := []Note{{Code: NoteMapMethodText, Nums: []float64{float64(o.TitleWeight)}},
		{Code: NoteMapMethodK, Nums: []float64{float64(o.KMin), float64(o.KMax), float64(o.Restarts)}},
		{Code: NoteMapMethodNetwork}, {Code: NoteMapMethodGrowth}, {Code: NoteMapMethodThematic},
		{Code: NoteMapMethodHotspot}, {Code: NoteMapMethodWhiteSpace}}
	if withText := len(res.Assignments) - e.Unclustered; e.FitDocs < withText {
		ns = append(ns, Note{Code: NoteMapMethodSampling, Nums: []float64{float64(e.FitDocs), float64(withText)}})
	}
	return ns
}

// kRule states how k was chosen: the range tried, the silhouette sample, the k and its score.
func kRule(e cluster.Evaluation) Note {
	n := Note{Code: NoteMapKRule}
	if len(e.KScores) > 0 {
		n.Nums = []float64{float64(e.KScores[0].K), float64(e.KScores[len(e.KScores)-1].K), float64(e.SilhouetteDocs), float64(e.K), round(e.Silhouette, 4)}
	}
	return n
}

// netRule states how the class network's resolution was chosen, with the nodes, γ and Q.
func netRule(n cluster.ClassNetwork) Note {
	code := map[string]string{cluster.NetNone: NoteMapNetNone, cluster.NetLarge: NoteMapNetLarge, cluster.NetFallback: NoteMapNetFallback}[n.Rule]
	if code == "" {
		panic("landscape: unknown class-network rule " + n.Rule)
	}
	if n.Rule == cluster.NetNone {
		return Note{Code: code}
	}
	return Note{Code: code, Nums: []float64{float64(n.Nodes), n.Chosen, round(n.Modularity, 4)}}
}

// mapReason turns the clustering's typed reason into a note (NoteMap*) with its numbers in the
// order the code states.
func mapReason(r cluster.Reason) Note {
	switch r.Kind {
	case cluster.ReasonGrowth:
		return Note{Code: NoteMapGrowth, Nums: []float64{round(r.CAGR, 4), float64(r.From), float64(r.To), round(r.Corpus, 4)}}
	case cluster.ReasonBurst:
		return Note{Code: NoteMapBurst, Nums: []float64{float64(r.From), float64(r.To), float64(r.Level), float64(r.Last)}}
	case cluster.ReasonGap:
		return Note{Code: NoteMapGap, Nums: []float64{round(r.PeakShare, 4)}}
	case cluster.ReasonThin:
		return Note{Code: NoteMapThin, Nums: []float64{round(r.CAGR, 4), float64(r.Applicants), r.Median}}
	}
	panic("landscape: unknown map reason " + r.Kind)
}

func finitePtr(v float64, digits int) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	r := round(v, digits)
	return &r
}

// MapBuild is a technology map being built (StartMap): the clustering computes in the
// background until Finish.
type MapBuild struct {
	done  chan struct{} // closed when the clustering has returned
	res   *cluster.Result
	err   error
	nDocs int
	from  int
	to    int
	kMin  int
}

// StartMap, then Finish, clusters the families in scope and draws the landscape map into m.Map
// (the model with its drawing); a scope whose documents have no index terms is reported as
// unavailable and leaves m.Map nil.
//
// StartMap streams the families' documents from the lake into the clustering (the query
// cluster_docs) and returns once they are read: the session's database is free again, and the
// clustering's Go side (k-means, layout, density) goes on in the background until Finish, so the
// caller may run other queries meanwhile (pipeline.Job.Macro runs the macro analyses). With trim,
// DuckDB hands its buffered memory back before the documents are read (what it holds of the
// analyses before is not wanted by the read) and once they are read (duck.DB.Trim), and reads
// them under a lower cap (readCap).
func StartMap(ctx context.Context, s *analysis.Session, trim bool) (*MapBuild, error) {
	c := s.Cfg.Clustering
	opt := cluster.DefaultOptions
	opt.Seed, opt.KMin, opt.KMax, opt.MaxDocs = uint64(c.Seed), c.KMin, c.KMax, c.MaxDocs
	if len(c.Resolutions) > 0 {
		opt.Resolutions = c.Resolutions
	}
	opt.LastComplete = s.LastComplete()
	opt.MinGrowthEnd = MinGrowthEndYear.Min
	n, err := s.ClusterDocCount(ctx)
	if err != nil {
		return nil, err
	}
	opt.SizeHint = n
	if err := s.PrepareClusterDocs(ctx); err != nil {
		return nil, err
	}
	// The Go heap grows from here. With trim DuckDB's buffer is emptied and its cap lowered for
	// the read (readCap): the documents' joins spill by partitions and need less than the
	// groupings over every family (cl_group was made with the scope: PrepareClusterDocs
	// checks). Else DuckDB's allocator gives back what it keeps.
	restore := func(context.Context) error { return nil }
	if trim {
		if err := s.DB.Trim(ctx); err != nil {
			return nil, err
		}
		if restore, err = s.DB.Lower(ctx, readCap(s.DB.LakeBytes())); err != nil {
			return nil, err
		}
	} else {
		s.DB.Release()
	}
	b := &MapBuild{done: make(chan struct{}), from: s.From, to: s.To, kMin: opt.KMin}
	// The documents stream from the lake into the clustering, which keeps them without their
	// long texts; nDocs counts them. read gets the source's end (nil: read to the end).
	src := s.ClusterDocSource(ctx)
	read := make(chan error, 1)
	go func() {
		defer close(b.done)
		b.res, b.err = cluster.RunSource(func(yield func(cluster.Doc) bool) error {
			err := src(func(d cluster.Doc) bool { b.nDocs++; return yield(d) })
			if rerr := restore(ctx); err == nil {
				err = rerr
			}
			if err == nil && trim {
				err = s.DB.Trim(ctx)
			}
			read <- err
			return err
		}, opt)
	}()
	select {
	case err := <-read:
		if err != nil {
			<-b.done
			return nil, err
		}
	case <-b.done: // the clustering ended before reading to the end (its error, if any, is Finish's)
	}
	return b, nil
}

// readCap is DuckDB's memory cap while a large lake's map documents are read (StartMap with
// trim): 5/8 of the lake's size, half the cap the groupings over every family need (see
// duck.memoryLimit). On the 10M-family lake (3.2 GB) the read's peak was 13.1 GB of RSS under
// the 4 GB cap, the Go heap at 6.5 GB; under this cap 12.86 GB, and 11.1–11.9 GB once the
// clustering kept its documents in columns (cluster's docMeta). Since the documents come
// through duck.Feed (not a result the driver materialises first) the landscape's peak was
// 7.36 GB under this cap (8.62 GB in a second run, in the quality analysis, not the read);
// under the full 4 GB cap it was 10.23 GB, for a read 13 s shorter (115 s against 128 s, one
// run each).
func readCap(lakeBytes int64) int64 { return 5 * lakeBytes / 8 }

// Finish waits for the clustering and puts the map into m (or the map's unavailability).
func (b *MapBuild) Finish(m *Macro) error {
	<-b.done
	if errors.Is(b.err, cluster.ErrNoDocs) || b.nDocs < 2*b.kMin {
		m.Unavailable = append(m.Unavailable, Unavailable{Analysis: "map", Section: "map", Code: CodeTooFewTexts})
		return nil
	}
	if b.err != nil {
		return b.err
	}
	tm := NewTechMap(b.res)
	tm.Basis = Basis{Unit: "family", N: b.nDocs, From: b.from, To: b.to, Query: "cluster_docs",
		Method: []Note{{Code: NoteBasisMap}}}
	m.Map = tm
	return nil
}

// NewTechMap turns a clustering result into the map model (without its basis, which the caller
// states).
func NewTechMap(res *cluster.Result) *TechMap {
	tm := &TechMap{Notes: mapNotes(res)}
	if res.WhiteSpace != nil {
		tm.WhiteSpace = make([]WhiteSpace, 0, len(res.WhiteSpace))
	}
	for _, w := range res.WhiteSpace {
		tm.WhiteSpace = append(tm.WhiteSpace, WhiteSpace{Kind: w.Kind, X: w.X, Y: w.Y, Cluster: w.Cluster, Why: mapReason(w.Why)})
	}
	tm.Points = make([]MapPoint, len(res.Points))
	for i, p := range res.Points {
		tm.Points[i] = MapPoint{ID: p.ID, X: p.X, Y: p.Y, Cluster: p.Cluster, Title: p.Title}
	}
	for _, c := range res.Contours {
		tm.Contours = append(tm.Contours, MapContour{Level: c.Level, Lines: c.Lines})
	}
	for _, p := range res.Peaks {
		tm.Peaks = append(tm.Peaks, MapPeak{X: p.X, Y: p.Y, Height: p.Height, Cluster: p.Cluster, Label: p.Label})
	}
	for _, cl := range res.Clusters {
		mc := MapCluster{ID: cl.ID, Label: cl.Label, Lang: cl.Lang, Size: cl.Size, NApplicants: cl.NApplicants, CAGR: cl.CAGR,
			Quadrant: cl.Quadrant, Centrality: round(cl.Centrality, 4), Density: round(cl.Density, 4), Hotspot: cl.Hotspot}
		if cl.Why != nil {
			why := mapReason(*cl.Why)
			mc.Why = &why
		}
		for _, t := range cl.TermsZh {
			mc.TermsZh = append(mc.TermsZh, t.Term)
		}
		for _, t := range cl.TermsEn {
			mc.TermsEn = append(mc.TermsEn, t.Term)
		}
		for _, cs := range cl.Codes {
			mc.Codes = append(mc.Codes, cs.Code)
		}
		for _, a := range cl.Applicants {
			mc.Applicants = append(mc.Applicants, Count{Key: a.Name, N: float64(a.N)})
		}
		for _, b := range cl.Bursts {
			mc.Bursts = append(mc.Bursts, Burst{From: b.From, To: b.To, Level: b.Level, Weight: round(b.Weight, 2)})
		}
		tm.Clusters = append(tm.Clusters, mc)
	}
	e := res.Evaluation
	tm.Evaluation = MapEvaluation{K: e.K, KRule: kRule(e), Silhouette: finitePtr(e.Silhouette, 4), Stability: finitePtr(e.Stability, 3),
		NMI: finitePtr(e.NMI, 4), ARI: finitePtr(e.ARI, 4), Modularity: finitePtr(e.Modularity, 4)}
	n := res.Network
	tm.Network = MapNetwork{Nodes: n.Nodes, Edges: n.Edges, Resolution: n.Chosen, Rule: netRule(n), Modularity: finitePtr(n.Modularity, 4), Communities: len(n.Communities)}
	return tm
}
