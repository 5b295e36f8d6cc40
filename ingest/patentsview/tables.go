package patentsview

import (
	"strings"
)

// kind is the role of a table in the join.
type kind int

const (
	kUnknown kind = iota
	// Patent-keyed tables, in the order they are applied to a record.
	kPatent
	kApplication
	kAbstract
	kClaims
	kPriority
	kAssignee
	kInventor
	kCPC
	kIPC
	kPatCite
	kAppCite
	kForeignCite
	kOtherRef
	kKeyedOther // has patent_id; content not stored by patnav
	// Lookup tables (not keyed by patent).
	kLocation
	kRawLocation
	kAssigneeEntity
	kInventorEntity
)

var kindNames = [...]string{"unknown", "patent", "application", "abstract", "claims", "foreign_priority",
	"assignee", "inventor", "cpc", "ipc", "us_patent_citation", "us_application_citation",
	"foreign_citation", "other_reference", "unused", "location", "rawlocation", "assignee_entity",
	"inventor_entity"}

func (k kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// keyed reports whether tables of this kind are keyed by patent id.
func (k kind) keyed() bool { return k >= kPatent && k <= kKeyedOther }

// lookup reports whether tables of this kind are entity lookups.
func (k kind) lookup() bool { return k >= kLocation }

// tableNames maps a normalised file name (see baseName) to a kind and a rank; when several tables
// of one kind are present only those of the highest rank are read.
var tableNames = map[string]struct {
	k    kind
	rank int
}{
	"g_patent": {kPatent, 1}, "patent": {kPatent, 1},
	"g_application": {kApplication, 1}, "application": {kApplication, 1},
	"g_patent_abstract": {kAbstract, 1}, "g_abstract": {kAbstract, 1},
	"g_claims": {kClaims, 1}, "claims": {kClaims, 1}, "claim": {kClaims, 1},
	"g_foreign_priority": {kPriority, 1}, "foreign_priority": {kPriority, 1}, "foreignpriority": {kPriority, 1},
	"g_assignee_disambiguated": {kAssignee, 3}, "g_assignee_not_disambiguated": {kAssignee, 2},
	"rawassignee": {kAssignee, 2}, "patent_assignee": {kAssignee, 1},
	"g_inventor_disambiguated": {kInventor, 3}, "g_inventor_not_disambiguated": {kInventor, 2},
	"rawinventor": {kInventor, 2}, "patent_inventor": {kInventor, 1},
	"g_cpc_current": {kCPC, 2}, "cpc_current": {kCPC, 2}, "g_cpc_at_issue": {kCPC, 1},
	"g_ipc_at_issue": {kIPC, 1}, "ipcr": {kIPC, 1},
	"g_us_patent_citation": {kPatCite, 1}, "uspatentcitation": {kPatCite, 1},
	"g_us_application_citation": {kAppCite, 1}, "usapplicationcitation": {kAppCite, 1},
	"g_foreign_citation": {kForeignCite, 1}, "foreigncitation": {kForeignCite, 1},
	"g_other_reference": {kOtherRef, 1}, "otherreference": {kOtherRef, 1},
	"g_location_disambiguated": {kLocation, 1}, "location": {kLocation, 1},
	"g_location_not_disambiguated": {kRawLocation, 1}, "rawlocation": {kRawLocation, 1},
	"assignee": {kAssigneeEntity, 1}, "g_persistent_assignee": {kUnknown, 0},
	"inventor": {kInventorEntity, 1},
}

// fieldSpecs lists, per kind, the canonical fields and the header names that may carry them
// (first present wins). "key" is the patent id (or, for lookups, the entity id).
var fieldSpecs = map[kind]map[string][]string{
	kPatent: {
		"key": {"patent_id", "id"}, "type": {"patent_type", "type"}, "date": {"patent_date", "date"},
		"title": {"patent_title", "title"}, "kind": {"wipo_kind", "kind"}, "num_claims": {"num_claims"},
		"withdrawn": {"withdrawn"}, "abstract": {"patent_abstract", "abstract"},
	},
	kApplication: {
		"key": {"patent_id"}, "app": {"application_id", "number", "id"}, "date": {"filing_date", "date"},
		"country": {"country"},
	},
	kAbstract: {"key": {"patent_id"}, "text": {"patent_abstract", "abstract", "text"}},
	kClaims: {
		"key": {"patent_id"}, "text": {"claim_text", "text"}, "seq": {"claim_sequence", "sequence"},
		"num": {"claim_number", "number"},
	},
	kPriority: {
		"key": {"patent_id"}, "number": {"foreign_application_id", "number", "app_number"},
		"date": {"filing_date", "date"}, "country": {"foreign_country_filed", "country"},
		"seq": {"priority_claim_sequence", "sequence"},
	},
	kAssignee: {
		"key": {"patent_id"},
		"org": {"disambig_assignee_organization", "raw_assignee_organization", "assignee_organization",
			"organization", "data_label"},
		"org2":  {"cluster_label"}, // rawassignee_baseline: the cluster name when the mention is empty
		"first": {"disambig_assignee_individual_name_first", "raw_assignee_individual_name_first", "name_first"},
		"last":  {"disambig_assignee_individual_name_last", "raw_assignee_individual_name_last", "name_last"},
		"id":    {"assignee_id"}, "seq": {"assignee_sequence", "sequence"},
		"loc": {"location_id"}, "rawloc": {"rawlocation_id"},
	},
	kInventor: {
		"key":   {"patent_id"},
		"first": {"disambig_inventor_name_first", "raw_inventor_name_first", "name_first"},
		"last":  {"disambig_inventor_name_last", "raw_inventor_name_last", "name_last"},
		"full":  {"name_full"}, "id": {"inventor_id"}, "seq": {"inventor_sequence", "sequence"},
		"mention": {"mention_id"}, "loc": {"location_id"}, "rawloc": {"rawlocation_id"},
	},
	kCPC: {
		"key": {"patent_id"}, "code": {"cpc_group", "subgroup_id", "cpc_subgroup", "cpc_code"},
		"subclass": {"cpc_subclass", "group_id"}, "seq": {"cpc_sequence", "sequence"},
	},
	kIPC: {
		"key": {"patent_id"}, "section": {"section"}, "class": {"ipc_class"}, "subclass": {"subclass"},
		"main": {"main_group"}, "sub": {"subgroup"}, "seq": {"ipc_sequence", "sequence"},
	},
	kPatCite: {
		"key": {"patent_id"}, "cited": {"citation_patent_id", "citation_id"}, "kind": {"wipo_kind", "kind"},
		"category": {"citation_category", "category"}, "country": {"country"},
	},
	kAppCite: {
		"key": {"patent_id"}, "cited": {"citation_document_number", "number", "application_id"},
		"kind": {"wipo_kind", "kind"}, "category": {"citation_category", "category"}, "country": {"country"},
	},
	kForeignCite: {
		"key": {"patent_id"}, "cited": {"citation_application_id", "citation_document_number", "number"},
		"country": {"citation_country", "country"}, "category": {"citation_category", "category"},
	},
	kOtherRef:   {"key": {"patent_id"}, "text": {"other_reference_text", "text"}},
	kKeyedOther: {"key": {"patent_id"}},
	kLocation: {
		"key": {"location_id", "id"}, "city": {"disambig_city", "city"}, "state": {"disambig_state", "state"},
		"country": {"disambig_country", "country"},
	},
	kRawLocation: {
		"key": {"rawlocation_id", "id"}, "loc": {"location_id"}, "city": {"raw_city", "city"},
		"state": {"raw_state", "state"}, "country": {"raw_country", "country"},
	},
	kAssigneeEntity: {
		"key": {"assignee_id", "id"}, "org": {"disambig_assignee_organization", "organization"},
		"first": {"disambig_assignee_individual_name_first", "name_first"},
		"last":  {"disambig_assignee_individual_name_last", "name_last"},
	},
	kInventorEntity: {
		"key": {"inventor_id", "id"}, "first": {"disambig_inventor_name_first", "name_first"},
		"last": {"disambig_inventor_name_last", "name_last"},
	},
}

// baseName normalises a file name for table recognition: lower case, extensions .zip .tsv .csv
// .txt removed, a trailing _YYYY year suffix removed.
func baseName(name string) string {
	n := strings.ToLower(name)
	for {
		cut := false
		for _, ext := range []string{".zip", ".tsv", ".csv", ".txt"} {
			if strings.HasSuffix(n, ext) {
				n, cut = strings.TrimSuffix(n, ext), true
			}
		}
		if !cut {
			break
		}
	}
	if i := len(n) - 5; i > 0 && n[i] == '_' && allDigits(n[i+1:]) {
		n = n[:i]
	}
	return n
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// cleanHeader normalises a header cell: BOM and spaces trimmed, lower case; a cell with quotes
// keeps only the text between the first and the last quote (`x"id"` → id).
func cleanHeader(h string) string {
	h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	if i := strings.IndexByte(h, '"'); i >= 0 {
		if j := strings.LastIndexByte(h, '"'); j > i+1 {
			h = h[i+1 : j]
		}
	}
	return strings.ToLower(strings.TrimSpace(h))
}

// headerSet indexes cleaned header names (first occurrence wins).
func headerSet(header []string) map[string]int {
	m := make(map[string]int, len(header))
	for i, h := range header {
		c := cleanHeader(h)
		if _, dup := m[c]; !dup && c != "" {
			m[c] = i
		}
	}
	return m
}

func hasAny(h map[string]int, names ...string) bool {
	for _, n := range names {
		if _, ok := h[n]; ok {
			return true
		}
	}
	return false
}

// classify decides the kind and rank of a table from its file name and header.
func classify(file string, header []string) (kind, int) {
	h := headerSet(header)
	if t, ok := tableNames[baseName(file)]; ok && t.k != kUnknown {
		if _, ok := resolve(t.k, h)["key"]; ok {
			return t.k, t.rank
		}
	}
	k := classifyHeader(strings.ToLower(file), h)
	rank := 1
	if k == kAssignee || k == kInventor || k == kCPC {
		rank = 2
	}
	return k, rank
}

// classifyHeader recognises a table by its columns alone.
func classifyHeader(file string, h map[string]int) kind {
	if _, ok := h["patent_id"]; ok {
		switch {
		case hasAny(h, "patent_date", "patent_title"):
			return kPatent
		case hasAny(h, "citation_patent_id", "citation_id"):
			return kPatCite
		case hasAny(h, "citation_document_number"):
			return kAppCite
		case hasAny(h, "citation_application_id", "citation_country"):
			return kForeignCite
		case hasAny(h, "other_reference_text"):
			return kOtherRef
		case hasAny(h, "claim_text"):
			return kClaims
		case hasAny(h, "patent_abstract"):
			return kAbstract
		case hasAny(h, "foreign_application_id", "foreign_country_filed"):
			return kPriority
		case hasAny(h, "cpc_group", "cpc_subgroup", "subgroup_id"):
			return kCPC
		case hasAny(h, "main_group") && hasAny(h, "subgroup"):
			return kIPC
		case hasAny(h, "disambig_assignee_organization", "raw_assignee_organization", "assignee_organization",
			"organization", "data_label", "cluster_label", "assignee_sequence") ||
			strings.Contains(file, "assignee") && hasAny(h, "assignee_id", "name_first", "name_last"):
			return kAssignee
		case hasAny(h, "disambig_inventor_name_first", "raw_inventor_name_first", "name_full", "inventor_sequence",
			"inventor_id", "name_first", "name_last"):
			return kInventor
		case hasAny(h, "assignee_id"):
			return kAssignee
		case hasAny(h, "application_id", "filing_date"):
			return kApplication
		}
		return kKeyedOther
	}
	switch {
	case hasAny(h, "id") && hasAny(h, "date") && hasAny(h, "kind", "number") && hasAny(h, "title", "abstract"):
		return kPatent // legacy patent table: id, type, number, country, date, abstract, title, kind …
	case hasAny(h, "organization", "disambig_assignee_organization") && hasAny(h, "id", "assignee_id"):
		return kAssigneeEntity
	case hasAny(h, "raw_city", "rawlocation_id") || hasAny(h, "location_id") && hasAny(h, "id") && hasAny(h, "city"):
		return kRawLocation
	case hasAny(h, "disambig_city", "city") && hasAny(h, "disambig_country", "country") && hasAny(h, "id", "location_id"):
		return kLocation
	case hasAny(h, "id", "inventor_id") && hasAny(h, "name_first", "disambig_inventor_name_first") &&
		hasAny(h, "name_last", "disambig_inventor_name_last"):
		return kInventorEntity
	}
	return kUnknown
}

// resolve maps the canonical fields of kind k to column indexes of a header set.
func resolve(k kind, h map[string]int) map[string]int {
	out := map[string]int{}
	for field, names := range fieldSpecs[k] {
		for _, n := range names {
			if i, ok := h[n]; ok {
				out[field] = i
				break
			}
		}
	}
	return out
}
