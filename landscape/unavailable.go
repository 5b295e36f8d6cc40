package landscape

// Unavailable marks an analysis the data cannot support (never reported as zeros). It is a code
// with its numbers, and the report section it belongs to; reports word it in each language from
// their catalogue (reports/catalog.go). Reason is an English wording for entries that have no
// code yet (reports show it as given).
type Unavailable struct {
	Analysis string `json:"analysis"`          // which analysis, e.g. "trend.cagr"
	Section  string `json:"section,omitempty"` // report section key, e.g. "trend"
	Code     string `json:"code,omitempty"`    // reason code, e.g. "below_minimum", "no_legal_status"
	Rule     string `json:"rule,omitempty"`    // the minimum-data rule (Rule.Code) when Code is below_minimum
	N        int    `json:"n"`                 // the number the data had (families, years, applicants …)
	Min      int    `json:"min,omitempty"`     // the rule's minimum
	Detail   string `json:"detail,omitempty"`  // a datum for the sentence (a region, a fit failure), not prose
	Reason   string `json:"reason,omitempty"`  // English wording of an entry without a code
}

// Reason codes of Unavailable (reports/catalog.go words each in zh and en).
const (
	CodeBelowMinimum        = "below_minimum"        // a minimum-data rule (Rule) is not met: N < Min
	CodeNoLegalStatus       = "no_legal_status"      // the sources carry no legal status for the families in scope
	CodeNoPlaceData         = "no_place_data"        // no applicant in scope has a country/province/city
	CodeNotInRegion         = "not_in_region"        // place data exists at the region's level but no family has an applicant in the region (Detail: the region)
	CodeNoProvinceData      = "no_province_data"     // a province region: place data (N families) but no applicant of its country states a province (Detail: the region)
	CodeNoCityData          = "no_city_data"         // a city region: place data (N families) but no applicant of its country states a city (Detail: the region)
	CodeNoScope             = "no_scope"             // no patent in the lake matches the industry scope
	CodeFitFailed           = "fit_failed"           // the logistic fit is unavailable (Detail: the fitter's reason code, indicators.Fit*)
	CodeNoCitations         = "no_citations"         // the sources carry no citation data
	CodeNoClaims            = "no_claims"            // the sources carry no claim counts
	CodeNotComputed         = "not_computed"         // generality/originality: needs citing/cited classes inside the lake
	CodeNoInventors         = "no_inventors"         // the sources carry no inventor names
	CodeNoApplicants        = "no_applicants"        // no applicant names in scope
	CodeNoProvinces         = "no_provinces"         // no applicant has a CN province
	CodeNoOperations        = "no_operations"        // no transfer, licence or pledge data
	CodeCompetitorAbsent    = "competitor_absent"    // a competitor (Detail: its name) has no family in scope in the window
	CodeNoCompetitors       = "no_competitors"       // no competitor configured or found in the enterprise's branches
	CodeNoMatch             = "no_match"             // none of the enterprise's names matches an applicant with families in scope
	CodeNameUnmatched       = "name_unmatched"       // a configured name (Detail) matches no applicant in scope
	CodeNoQualityScores     = "no_quality_scores"    // no family has a quality score (cohorts too small or no indicator data)
	CodeNominalTermOnly     = "nominal_term_only"    // legal status unknown: expiry estimated from the nominal term only
	CodeNoCoreBranch        = "no_core_branch"       // no family in a leaf branch, so no core branch to watch
	CodeThesaurusMissing    = "thesaurus_missing"    // the thesaurus file (Detail) is missing: names matched after normalisation only
	CodeEmptyName           = "empty_name"           // a configured name (Detail) normalises to nothing
	CodeCitationsUnresolved = "citations_unresolved" // citations resolve to no other family in the lake
	CodeTooFewTexts         = "too_few_texts"        // too few documents with title or abstract text to cluster
	CodeNotEnoughSeeds      = "not_enough_seeds"     // fewer seed families in the lake than Min (scope recall/precision)
	CodeNoGrants            = "no_grants"            // no family in scope is granted: a 0 % grant share cannot be told from missing grant data (N: families)
	CodeNoFamilyMembers     = "no_family_members"    // the sources list one publication per family and no family size (N: families)
	CodeRegionIsNation      = "region_is_nation"     // the region is a whole country (Detail): no separate nation column or share of the nation
)

// Codes lists every reason code, for the catalogue's completeness test.
var Codes = []string{CodeBelowMinimum, CodeNoLegalStatus, CodeNoPlaceData, CodeNotInRegion, CodeNoScope,
	CodeFitFailed, CodeNoCitations, CodeNoClaims, CodeNotComputed, CodeNoInventors, CodeNoApplicants,
	CodeNoProvinces, CodeNoOperations, CodeNotEnoughSeeds, CodeCompetitorAbsent, CodeNoCompetitors, CodeNoMatch,
	CodeNameUnmatched, CodeNoQualityScores, CodeNominalTermOnly, CodeNoCoreBranch, CodeThesaurusMissing, CodeEmptyName,
	CodeCitationsUnresolved, CodeTooFewTexts, CodeNoGrants, CodeNoFamilyMembers, CodeRegionIsNation,
	CodeNoProvinceData, CodeNoCityData}

// statusKnown is the number of families whose legal status the sources state (not "unknown").
func statusKnown(status []Count) int {
	n := 0.0
	for _, c := range status {
		if c.Key != "unknown" {
			n += c.N
		}
	}
	return int(n)
}
