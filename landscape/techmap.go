package landscape

import (
	"context"
	"errors"
	"math"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/cluster"
)

// TechMap is the technology clustering and landscape map (report section 11 with white space).
type TechMap struct {
	Clusters   []MapCluster         `json:"clusters"`
	WhiteSpace []cluster.WhiteSpace `json:"white_space"`
	Evaluation MapEvaluation        `json:"evaluation"`
	Network    MapNetwork           `json:"network"`
	Notes      []string             `json:"notes"`
	Basis      Basis                `json:"basis"`
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
	Why         string   `json:"why,omitempty"`
}

// MapEvaluation lets a reader judge the map. Nil values are undefined (e.g. no class network).
type MapEvaluation struct {
	K          int      `json:"k"`
	KRule      string   `json:"k_rule"`
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
	Rule        string   `json:"rule"`
	Modularity  *float64 `json:"modularity"`
	Communities int      `json:"communities"`
}

func finitePtr(v float64, digits int) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	r := round(v, digits)
	return &r
}

// BuildMap clusters the families in scope and draws the landscape map; it sets m.Map and returns
// the full result (points and contours) for rendering the map and the enterprise overlays. A
// scope whose documents have no index terms is reported as unavailable.
func BuildMap(ctx context.Context, s *analysis.Session, m *Macro) (*cluster.Result, error) {
	docs, err := s.ClusterDocs(ctx)
	if err != nil {
		return nil, err
	}
	c := s.Cfg.Clustering
	opt := cluster.DefaultOptions
	opt.Seed, opt.KMin, opt.KMax, opt.MaxDocs = uint64(c.Seed), c.KMin, c.KMax, c.MaxDocs
	if len(c.Resolutions) > 0 {
		opt.Resolutions = c.Resolutions
	}
	opt.LastComplete = s.LastComplete()
	res, err := cluster.Run(docs, opt)
	if errors.Is(err, cluster.ErrNoDocs) || len(docs) < 2*opt.KMin {
		m.Unavailable = append(m.Unavailable, Unavailable{Analysis: "map", Reason: "too few documents with title or abstract text in scope to cluster"})
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	tm := &TechMap{WhiteSpace: res.WhiteSpace, Notes: res.Notes}
	for _, cl := range res.Clusters {
		mc := MapCluster{ID: cl.ID, Label: cl.Label, Lang: cl.Lang, Size: cl.Size, NApplicants: cl.NApplicants, CAGR: cl.CAGR,
			Quadrant: cl.Quadrant, Centrality: round(cl.Centrality, 4), Density: round(cl.Density, 4), Hotspot: cl.Hotspot, Why: cl.Why}
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
	tm.Evaluation = MapEvaluation{K: e.K, KRule: e.KRule, Silhouette: finitePtr(e.Silhouette, 4), Stability: finitePtr(e.Stability, 3),
		NMI: finitePtr(e.NMI, 4), ARI: finitePtr(e.ARI, 4), Modularity: finitePtr(e.Modularity, 4)}
	n := res.Network
	tm.Network = MapNetwork{Nodes: n.Nodes, Edges: n.Edges, Resolution: n.Chosen, Rule: n.Rule, Modularity: finitePtr(n.Modularity, 4), Communities: len(n.Communities)}
	tm.Basis = Basis{Unit: "family", N: len(docs), From: s.From, To: s.To, Query: "cluster_docs",
		Note: "TF-IDF over title and abstract, spherical k-means with k by silhouette; class network of main groups by Louvain"}
	m.Map = tm
	return res, nil
}
