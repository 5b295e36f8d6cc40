package value

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/enterprise"
)

// FactorIDs are the score's factors, in report order.
var FactorIDs = []string{"legal_status", "remaining_term", "family_breadth", "forward_citations", "claims", "operation", "litigation", "invalidation_survived"}

func weightOf(w config.ValueWeights, id string) float64 {
	return map[string]float64{"legal_status": w.LegalStatus, "remaining_term": w.RemainingTerm, "family_breadth": w.FamilyBreadth,
		"forward_citations": w.ForwardCitations, "claims": w.Claims, "operation": w.Operation, "litigation": w.Litigation,
		"invalidation_survived": w.Invalidation}[id]
}

// Options tune Build.
type Options struct {
	// Enterprises are the enterprise navigations (their ranked branch gaps feed the operation
	// list); none: the region's enterprises taken together.
	Enterprises []*enterprise.Enterprise
	Now         time.Time
}

// Build computes the value assessment and the operation list of s's config over its lake.
func Build(ctx context.Context, s *analysis.Session, opt Options) (*Assessment, error) {
	if s == nil || s.Cfg == nil {
		return nil, fmt.Errorf("value: no analysis session")
	}
	cfg := s.Cfg
	vs := cfg.ValueSettings()
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	a := &Assessment{Meta: Meta{Generated: opt.Now.UTC().Format(time.RFC3339), Cutoff: s.Cutoff.Format("2006-01-02"),
		Industry: cfg.Industry.Name, Region: cfg.Region, Languages: cfg.Analysis.Languages, HighValueShare: vs.HighValueShare,
		MinFamilies: vs.MinFamilies, PatnavVersion: landscape.Version}}
	rg, err := regionArgs(ctx, s, a)
	if err != nil {
		return nil, err
	}
	rows, err := analysis.ValueFamilies.All(ctx, s, rg...)
	if err != nil {
		return nil, err
	}
	fams := score(rows, vs, s.Cutoff, a)
	names := map[string]config.Text{}
	for _, b := range cfg.Flatten() {
		names[b.ID] = b.Name
	}
	distributions(fams, vs, cfg, names, a)
	top := append([]FamilyValue(nil), fams...)
	sort.SliceStable(top, func(i, j int) bool { return top[i].Score > top[j].Score })
	if len(top) > cfg.Analysis.TopN {
		top = top[:cfg.Analysis.TopN]
	}
	a.Top = top
	operation(fams, rows, opt.Enterprises, cfg, names, a)
	if err := trends(ctx, s, rg, rows, a); err != nil {
		return nil, err
	}
	return a, nil
}

// regionArgs matches the region at the narrowest level the data carries (as effect does) and
// returns the bound arguments (country, province, province, city, city).
func regionArgs(ctx context.Context, s *analysis.Session, a *Assessment) ([]any, error) {
	rg := s.Cfg.Region
	pc, err := analysis.EffectPlaceCoverage.One(ctx, s, rg.Country, rg.Country, rg.Country)
	if err != nil {
		return nil, err
	}
	prov, city := rg.Province, rg.City
	if pc.WithProvince == 0 {
		prov = ""
	}
	if pc.WithCity == 0 {
		city = ""
	}
	a.Meta.RegionLevel = "country"
	switch {
	case city != "":
		a.Meta.RegionLevel = "city"
	case prov != "":
		a.Meta.RegionLevel = "province"
	}
	return []any{rg.Country, prov, prov, city, city}, nil
}

// raw returns the raw factor values of a family (nil: missing).
func raw(r analysis.ValueFamilyRow, cutoff time.Time, invalidKnown bool) map[string]*float64 {
	f := func(v float64) *float64 { return &v }
	m := map[string]*float64{}
	switch r.Status {
	case "alive":
		m["legal_status"] = f(2)
	case "pending":
		m["legal_status"] = f(1)
	case "lapsed":
		m["legal_status"] = f(0)
	}
	if r.Expiry != nil {
		y := r.Expiry.Sub(cutoff).Hours() / 24 / 365.25
		if y < 0 || r.Status == "lapsed" {
			y = 0
		}
		m["remaining_term"] = f(math.Round(y*100) / 100)
	}
	b := float64(r.Offices)
	if r.PCT {
		b++
	}
	m["family_breadth"] = f(b)
	if r.Cited != nil {
		m["forward_citations"] = f(float64(*r.Cited))
	}
	if r.Claims != nil {
		m["claims"] = f(float64(*r.Claims))
	}
	if r.OpsKnown {
		m["operation"] = f(float64(r.Ops))
	}
	if r.Litigation != nil {
		m["litigation"] = f(float64(*r.Litigation))
	}
	if invalidKnown {
		v := 0.0
		if r.Invalidated && r.Status == "alive" {
			v = 1
		}
		m["invalidation_survived"] = f(v)
	}
	return m
}

// midRanks returns the mid-rank percentile of each value among vals: (below + equal/2) / n.
func midRanks(vals []float64) []float64 {
	idx := make([]int, len(vals))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return vals[idx[i]] < vals[idx[j]] })
	out := make([]float64, len(vals))
	n := float64(len(vals))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && vals[idx[j]] == vals[idx[i]] {
			j++
		}
		p := (float64(i) + float64(j-i)/2) / n
		for k := i; k < j; k++ {
			out[idx[k]] = p
		}
		i = j
	}
	return out
}

// score computes every family's factors, ranks and score, and the high-value threshold.
func score(rows []analysis.ValueFamilyRow, vs config.Value, cutoff time.Time, a *Assessment) []FamilyValue {
	invalidKnown := false
	for _, r := range rows {
		invalidKnown = invalidKnown || r.Invalidated
	}
	raws := make([]map[string]*float64, len(rows))
	for i, r := range rows {
		raws[i] = raw(r, cutoff, invalidKnown)
	}
	// rank[i][factor]
	ranks := make([]map[string]float64, len(rows))
	for i := range ranks {
		ranks[i] = map[string]float64{}
	}
	for _, id := range FactorIDs {
		groups := map[int][]int{} // cohort → rows (one cohort unless forward citations)
		for i, r := range rows {
			if raws[i][id] == nil {
				continue
			}
			c := 0
			if id == "forward_citations" && r.Year != nil {
				c = *r.Year
			}
			groups[c] = append(groups[c], i)
		}
		known := 0
		for _, g := range groups {
			vals := make([]float64, len(g))
			for k, i := range g {
				vals[k] = *raws[i][id]
			}
			for k, p := range midRanks(vals) {
				ranks[g[k]][id] = p
			}
			known += len(g)
		}
		fc := Factor{ID: id, Weight: weightOf(vs.Weights, id), Known: known, Used: known > 0 && weightOf(vs.Weights, id) > 0}
		if known == 0 {
			fc.Reason = &Reason{Code: NoFactorData, N: len(rows)}
		}
		a.Factors = append(a.Factors, fc)
	}
	used := map[string]bool{}
	for _, f := range a.Factors {
		used[f.ID] = f.Used
	}
	out := make([]FamilyValue, len(rows))
	scores := make([]float64, len(rows))
	for i, r := range rows {
		fv := FamilyValue{FamilyID: r.FamilyID, RepPub: r.RepPub, Title: r.Title, Applicants: r.Applicants, Status: r.Status,
			Region: r.Region, Branches: r.Branches}
		if r.Year != nil {
			fv.Year = *r.Year
		}
		switch {
		case r.Status == "alive":
			fv.Alive = true
		case r.Status == "unknown" && r.Expiry != nil && r.Expiry.After(cutoff):
			fv.Alive, fv.Presumed = true, true
		}
		num, den := 0.0, 0.0
		for _, id := range FactorIDs {
			v := FactorValue{ID: id, Raw: raws[i][id]}
			if v.Raw != nil {
				p := ranks[i][id]
				v.Rank = &p
				if used[id] {
					w := weightOf(vs.Weights, id)
					num += w * p
					den += w
				}
			}
			fv.Factors = append(fv.Factors, v)
		}
		if den > 0 {
			fv.Score = num / den
		}
		scores[i] = fv.Score
		out[i] = fv
	}
	a.Families = len(rows)
	if len(rows) >= vs.MinFamilies {
		t := quantile(scores, 1-vs.HighValueShare)
		a.Threshold = &t
		for i := range out {
			if out[i].Score > t {
				out[i].HighValue = true
				a.HighValue++
			}
		}
	}
	return out
}

// quantile is the q-quantile of vals by linear interpolation between order statistics
// (type 7: h = (n−1)q).
func quantile(vals []float64, q float64) float64 {
	s := append([]float64(nil), vals...)
	sort.Float64s(s)
	if len(s) == 0 {
		return math.NaN()
	}
	h := float64(len(s)-1) * q
	lo := math.Floor(h)
	if int(lo)+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[int(lo)] + (h-lo)*(s[int(lo)+1]-s[int(lo)])
}

func distribution(key string, name config.Text, scores []float64, hv int, minN int) Distribution {
	d := Distribution{Key: key, Name: name, N: len(scores), HighValue: hv}
	if len(scores) < minN {
		d.Reason = &Reason{Code: NotEnoughData, N: len(scores), Min: minN}
		return d
	}
	sum := 0.0
	for _, s := range scores {
		sum += s
	}
	mean, med, p90 := sum/float64(len(scores)), quantile(scores, 0.5), quantile(scores, 0.9)
	d.Mean, d.Median, d.P90 = &mean, &med, &p90
	return d
}

// distributions fills the score distribution per applicant (the top_n applicants by families
// with at least min_families) and per branch (every branch, tree order).
func distributions(fams []FamilyValue, vs config.Value, cfg *config.Config, names map[string]config.Text, a *Assessment) {
	byApp, byBr := map[string][]float64{}, map[string][]float64{}
	hvApp, hvBr := map[string]int{}, map[string]int{}
	for _, f := range fams {
		for _, n := range f.Applicants {
			byApp[n] = append(byApp[n], f.Score)
			if f.HighValue {
				hvApp[n]++
			}
		}
		for _, b := range f.Branches {
			byBr[b] = append(byBr[b], f.Score)
			if f.HighValue {
				hvBr[b]++
			}
		}
	}
	var apps []string
	for n, s := range byApp {
		if len(s) >= vs.MinFamilies {
			apps = append(apps, n)
		}
	}
	sort.Slice(apps, func(i, j int) bool {
		if len(byApp[apps[i]]) != len(byApp[apps[j]]) {
			return len(byApp[apps[i]]) > len(byApp[apps[j]])
		}
		return apps[i] < apps[j]
	})
	if len(apps) > cfg.Analysis.TopN {
		apps = apps[:cfg.Analysis.TopN]
	}
	for _, n := range apps {
		a.ByApplicant = append(a.ByApplicant, distribution(n, config.Text{}, byApp[n], hvApp[n], vs.MinFamilies))
	}
	for _, b := range cfg.Flatten() {
		a.ByBranch = append(a.ByBranch, distribution(b.ID, names[b.ID], byBr[b.ID], hvBr[b.ID], vs.MinFamilies))
	}
}
