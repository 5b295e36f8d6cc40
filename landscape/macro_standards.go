package landscape

import (
	"errors"
	"os"
	"sort"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/applicant"
	"github.com/patnav/patnav/internal/config"
)

// Standards is the patents-and-standards section (专利与标准融合): the families in scope that
// their holders declared essential to a standard (the lake's standards table, ingest/sep),
// by standard, applicant and branch; per standard the share the region holds, the share its
// enterprises hold and each configured enterprise's; and the standards where the region's
// enterprises hold no declared family.
//
// Counting: a family is declared to a standard when a declaration names one of its publications
// (by number, with or without kind code, or by application). Families are whole: a family
// counts once per standard, and once for each of its applicants (so the applicant rows may sum
// to more than the standard's families). The region holds a family when one of its applicants
// is in the region (as in the regional section); the region's enterprises when one such
// applicant is an enterprise. A share is region (or enterprise) families / the standard's
// declared families, given only when the standard has at least MinStandardFamilies declared
// families (Short marks the others).
type Standards struct {
	Summary     StandardsSummary      `json:"summary"`
	ByStandard  []StandardShare       `json:"by_standard"`
	ByApplicant []StandardApplicant   `json:"by_applicant"` // the top StandardsTopApplicants
	ByBranch    []StandardBranch      `json:"by_branch"`
	Enterprises []EnterpriseStandards `json:"enterprises"`
	// Gaps are the standards with declared families in scope of which the region's enterprises
	// hold none (empty when the region cannot be placed: see Unavailable).
	Gaps        []string `json:"gaps"`
	MinFamilies int      `json:"min_families"`
	Basis       Basis    `json:"basis"`
}

// StandardsSummary describes the declarations in the lake.
type StandardsSummary struct {
	Records        int `json:"records"`         // declaration list rows
	Rows           int `json:"rows"`            // declared standards (a row naming two standards is two)
	Standards      int `json:"standards"`       // distinct standards declared to
	Blanket        int `json:"blanket"`         // blanket declarations (no patent named)
	Named          int `json:"named"`           // declarations naming a publication or application
	Matched        int `json:"matched"`         // … whose publication the lake holds
	Unmatched      int `json:"unmatched"`       // … whose publication it does not
	LakeFamilies   int `json:"lake_families"`   // families declared, in the whole lake
	ScopeFamilies  int `json:"scope_families"`  // families declared, in the industry scope
	ScopeStandards int `json:"scope_standards"` // standards with a declared family in scope
}

// StandardShare is one standard's declared families in scope and the region's part of them.
type StandardShare struct {
	Standard          string   `json:"standard"`
	Body              string   `json:"body"`
	Families          int      `json:"families"`
	Region            int      `json:"region"`
	RegionShare       *float64 `json:"region_share"`
	RegionEnterprises int      `json:"region_enterprises"`
	EnterpriseShare   *float64 `json:"enterprise_share"` // the region's enterprises' share
	FirstDeclared     string   `json:"first_declared,omitempty"`
	Short             bool     `json:"short,omitempty"` // below MinStandardFamilies: no shares
}

// StandardApplicant is one applicant's declared families in scope.
type StandardApplicant struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Families  int    `json:"families"`
	Standards int    `json:"standards"`
	Region    bool   `json:"region"`
}

// StandardBranch is one technology branch's declared families in scope.
type StandardBranch struct {
	Branch    string      `json:"branch"`
	Name      config.Text `json:"name"`
	Families  int         `json:"families"`
	Standards int         `json:"standards"`
}

// EnterpriseStandards is one configured enterprise's declared families per standard.
type EnterpriseStandards struct {
	ID       string            `json:"id"`
	Name     config.Text       `json:"name"`
	Families int               `json:"families"` // declared families in scope, all standards
	Shares   []EnterpriseShare `json:"shares"`   // one per standard of ByStandard, same order
}

// EnterpriseShare is an enterprise's declared families in one standard and its share.
type EnterpriseShare struct {
	Standard string   `json:"standard"`
	Families int      `json:"families"`
	Share    *float64 `json:"share"`
}

// StandardsTopApplicants is how many applicants ByApplicant lists.
const StandardsTopApplicants = 20

// Reason codes of the standards section.
const (
	CodeNoDeclarations    = "no_declarations"      // the lake holds no SEP declaration list
	CodeNoDeclaredInScope = "no_declared_in_scope" // declarations exist (N matched in the lake) but none names a family in scope
)

// MinStandardFamilies: a standard's shares (region, its enterprises, each enterprise) need this
// many declared families in scope.
var MinStandardFamilies = Rule{Code: "standard_families", Section: "standards", Analysis: "standards.share", Unit: "families", Min: 5}

func init() {
	Codes = append(Codes, CodeNoDeclarations, CodeNoDeclaredInScope)
	Rules = append(Rules, MinStandardFamilies)
}

// standards builds the section (after regional: region_fam exists).
func (b *macroBuilder) standards() error {
	S := &b.m.Standards
	S.MinFamilies = MinStandardFamilies.Min
	S.ByStandard, S.ByApplicant, S.ByBranch, S.Enterprises, S.Gaps = []StandardShare{}, []StandardApplicant{}, []StandardBranch{}, []EnterpriseStandards{}, []string{}
	if err := b.s.Exec(b.ctx, "standards_declared"); err != nil {
		return err
	}
	// Without a declaration in the lake every figure of the summary is 0: it is not computed
	// (its matching reads every publication of the lake).
	recs, err := analysis.StandardsRecords.One(b.ctx, b.s)
	if err != nil {
		return err
	}
	var sum analysis.StandardsSummaryRow
	if recs.N > 0 {
		if sum, err = analysis.StandardsSummary.One(b.ctx, b.s); err != nil {
			return err
		}
	}
	S.Summary = StandardsSummary(sum)
	S.Basis = Basis{Unit: "family", N: sum.ScopeFamilies, Query: "standards_declared"}
	switch {
	case sum.Records == 0:
		b.unavailable(Unavailable{Analysis: "standards", Section: "standards", Code: CodeNoDeclarations})
		return nil
	case sum.ScopeFamilies == 0:
		b.unavailable(Unavailable{Analysis: "standards", Section: "standards", Code: CodeNoDeclaredInScope, N: sum.Matched})
		return nil
	}
	rg := b.cfg.Region
	region := []any{rg.Country, rg.Province, rg.Province, rg.City, rg.City}
	rows, err := analysis.StandardsBy.All(b.ctx, b.s, region...)
	if err != nil {
		return err
	}
	placed := false
	for _, r := range rows {
		sh := StandardShare{Standard: r.Standard, Body: r.Body, Families: r.Families, Region: r.Region, RegionEnterprises: r.RegionEnterprises}
		if r.FirstDeclared != nil {
			sh.FirstDeclared = r.FirstDeclared.Format("2006-01-02")
		}
		if MinStandardFamilies.Met(r.Families) {
			sh.RegionShare = share(r.Region, r.Families)
			sh.EnterpriseShare = share(r.RegionEnterprises, r.Families)
		} else {
			sh.Short = true
		}
		placed = placed || r.Region > 0
		S.ByStandard = append(S.ByStandard, sh)
	}
	// The region holding no declared family is a finding, unless the region cannot be placed at
	// all (the regional section said why): then no region share and no gaps are given.
	unplaced := false
	if !placed {
		for _, u := range b.m.Unavailable {
			if u.Analysis == "regional" && placedKnown(u.Code) {
				b.unavailable(Unavailable{Analysis: "standards.region", Section: "standards", Code: u.Code, N: u.N, Detail: u.Detail})
				for i := range S.ByStandard {
					S.ByStandard[i].RegionShare, S.ByStandard[i].EnterpriseShare = nil, nil
				}
				unplaced = true
				break
			}
		}
	}
	if !unplaced {
		for _, sh := range S.ByStandard {
			if sh.RegionEnterprises == 0 {
				S.Gaps = append(S.Gaps, sh.Standard)
			}
		}
	}
	if shortCount(S.ByStandard) > 0 {
		b.unavailable(MinStandardFamilies.Below(maxShort(S.ByStandard)))
	}
	apps, err := analysis.StandardsApplicants.All(b.ctx, b.s, region...)
	if err != nil {
		return err
	}
	for i, a := range apps {
		if i == StandardsTopApplicants {
			break
		}
		S.ByApplicant = append(S.ByApplicant, StandardApplicant{Name: a.Name, Kind: a.Kind, Families: a.Families, Standards: a.Standards, Region: a.Region})
	}
	brs, err := analysis.StandardsBranches.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range brs {
		S.ByBranch = append(S.ByBranch, StandardBranch{Branch: r.Branch, Name: b.branchName[r.Branch], Families: r.Families, Standards: r.Standards})
	}
	return b.enterpriseStandards(S)
}

// share is n/of rounded to 4 digits (of > 0).
func share(n, of int) *float64 {
	v := round(float64(n)/float64(of), 4)
	return &v
}

// placedKnown: the regional codes that mean the region cannot be placed at all.
func placedKnown(code string) bool {
	return code == CodeNoPlaceData || code == CodeNoProvinceData || code == CodeNoCityData || code == CodeNotInRegion
}

// shortCount is how many standards are below the minimum; maxShort the most families one of
// them has (the number the rule's entry reports).
func shortCount(ss []StandardShare) int {
	n := 0
	for _, s := range ss {
		if s.Short {
			n++
		}
	}
	return n
}

func maxShort(ss []StandardShare) int {
	m := 0
	for _, s := range ss {
		if s.Short && s.Families > m {
			m = s.Families
		}
	}
	return m
}

// enterpriseStandards gives each configured enterprise its declared families per standard: its
// names and subsidiaries keyed as the lake keys applicants (applicant.Thesaurus.Key), a family
// counted once whichever of its names holds it.
func (b *macroBuilder) enterpriseStandards(S *Standards) error {
	if len(b.cfg.Enterprises) == 0 {
		return nil
	}
	var thes *applicant.Thesaurus
	if p := b.cfg.Thesaurus; p != "" {
		th, err := applicant.LoadThesaurus(p)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		thes = th
	}
	owner := map[string][]int{} // key → enterprises
	var keys []string
	for i, e := range b.cfg.Enterprises {
		for _, n := range append(append([]string(nil), e.Names...), e.Subsidiaries...) {
			k := thes.Key(n)
			if k == "" {
				continue
			}
			if _, ok := owner[k]; !ok {
				keys = append(keys, k)
			}
			owner[k] = append(owner[k], i)
		}
	}
	sort.Strings(keys)
	rows, err := analysis.StandardsFamiliesOf.All(b.ctx, b.s, keys)
	if err != nil {
		return err
	}
	type sf struct{ std, fam string }
	held := make([]map[sf]bool, len(b.cfg.Enterprises))
	for i := range held {
		held[i] = map[sf]bool{}
	}
	for _, r := range rows {
		for _, i := range owner[r.Name] {
			held[i][sf{r.Standard, r.FamilyID}] = true
		}
	}
	for i, e := range b.cfg.Enterprises {
		es := EnterpriseStandards{ID: e.ID, Name: e.Name, Shares: []EnterpriseShare{}}
		per := map[string]int{}
		fams := map[string]bool{}
		for k := range held[i] {
			per[k.std]++
			fams[k.fam] = true
		}
		es.Families = len(fams)
		for _, sh := range S.ByStandard {
			x := EnterpriseShare{Standard: sh.Standard, Families: per[sh.Standard]}
			if !sh.Short {
				x.Share = share(x.Families, sh.Families)
			}
			es.Shares = append(es.Shares, x)
		}
		S.Enterprises = append(S.Enterprises, es)
	}
	return nil
}
