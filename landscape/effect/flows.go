package effect

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/applicant"
	"github.com/patnav/patnav/internal/geo"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// The operation kinds and flow directions.
const (
	opTransfer = "transfers"
	opLicence  = "licences"
	opPledge   = "pledges"

	DirIn      = "in"      // from a party outside the region to a party in it
	DirOut     = "out"     // from a party in the region to a party outside it
	DirWithin  = "within"  // both sides in the region
	DirUnknown = "unknown" // a party's place is not known, and the known ones do not exclude the region
	dirNone    = ""        // both sides known and outside the region: not the region's flow
)

// operation is one transfer, licence or pledge with its parties as a text states them: From is
// the transferor (变更前权利人, Patentee before), licensor (让与人, Assignor) or pledgor (出质人);
// To the transferee, licensee or pledgee.
type operation struct {
	Kind             string
	From, To         []string
	FromAddr, ToAddr string
	Date             time.Time // the effective date the text states (zero: none)
}

var (
	// opPledgeRe, opLicenceRe and opTransferRe tell the kind of an operation event; opEndRe marks
	// an event that ends or amends a licence or pledge (注销, 解除, 变更 of the contract), which
	// is not a new operation.
	opPledgeRe   = regexp.MustCompile(`质押|出质|质权|(?i:pledge)`)
	opLicenceRe  = regexp.MustCompile(`许可|(?i:licen[cs])`)
	opTransferRe = regexp.MustCompile(`转移|转让|(?i:transfer of|assignment)`)
	opEndRe      = regexp.MustCompile(`注销|解除|撤销|合同备案的变更|合同登记的变更|(?i:cancel|terminat|releas|change of)`)

	// partyLabel matches a labelled party or address field: the label (group 1) and its colon.
	partyLabel = regexp.MustCompile(`(变更前(?:权利人|专利权人|申请人|专利申请人|地址)?|变更后(?:权利人|专利权人|申请人|专利申请人|地址)?|变更事项|让与人|受让人|被许可人|许可人|出质人|质权人|(?i:patentee before|patentee after|applicant before|applicant after|owner before|owner after|address before|address after|assignor|assignee|licensor|licensee|pledgor|pledgee))\s*[:：]\s*`)
	// fieldEnd ends a field's value: a separator, or another labelled field after white space.
	fieldEnd = regexp.MustCompile(`[；;|\n]|\s[^\s:：；;]{1,24}[:：]`)
	// effDate matches the effective or registration date a text states.
	effDate = regexp.MustCompile(`(?:登记生效日|生效日|备案日期|备案日|登记日|(?i:effective date of registration|date of registration|effective date|record date|date of recordation))\s*[:：]\s*((?:19|20)\d{2}(?:[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{4}))`)
	// nameSep separates several parties written in one Chinese field (A、B).
	nameSep = regexp.MustCompile(`[、，]`)
)

// parseOperation reads an operation and its parties from a legal event's text (and code). ok is
// false when the text records no new transfer, licence or pledge, or names no party.
func parseOperation(text, code string) (op operation, ok bool) {
	all := text + " " + code
	switch {
	case opPledgeRe.MatchString(all):
		op.Kind = opPledge
	case opLicenceRe.MatchString(all):
		op.Kind = opLicence
	case opTransferRe.MatchString(all):
		op.Kind = opTransfer
	default:
		return op, false
	}
	if op.Kind != opTransfer && opEndRe.MatchString(all) {
		return op, false
	}
	item := "" // the 变更事项 the 变更前/变更后 fields belong to
	locs := partyLabel.FindAllStringSubmatchIndex(text, -1)
	for i, loc := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		value := text[loc[1]:end]
		if e := fieldEnd.FindStringIndex(value); e != nil {
			value = value[:e[0]]
		}
		value = strings.TrimSpace(value)
		label := strings.ToLower(text[loc[2]:loc[3]])
		if label == "变更事项" {
			item = value
			continue
		}
		if value == "" {
			continue
		}
		before := strings.HasPrefix(label, "变更前") || strings.HasSuffix(label, "before")
		after := strings.HasPrefix(label, "变更后") || strings.HasSuffix(label, "after")
		address := strings.HasSuffix(label, "地址") || strings.HasPrefix(label, "address") ||
			(before || after) && strings.HasPrefix(label, "变更") && strings.Contains(item, "地址")
		switch {
		case address && before:
			op.FromAddr = value
		case address && after:
			op.ToAddr = value
		case before || label == "让与人" || label == "许可人" || label == "出质人" ||
			label == "assignor" || label == "licensor" || label == "pledgor":
			op.From = append(op.From, splitParties(value)...)
		case after || label == "受让人" || label == "被许可人" || label == "质权人" ||
			label == "assignee" || label == "licensee" || label == "pledgee":
			op.To = append(op.To, splitParties(value)...)
		}
	}
	if m := effDate.FindStringSubmatch(text); m != nil {
		s := strings.NewReplacer("年", "-", "月", "-", "日", "", ".", "-", "/", "-").Replace(m[1])
		if d, err := norm.ParseDate(s, norm.DayFirst); err == nil && d.Valid() {
			op.Date = d.Time
		}
	}
	return op, len(op.From) > 0 || len(op.To) > 0
}

// splitParties splits a field naming several parties (A、B) and drops empty names.
func splitParties(v string) []string {
	var out []string
	for _, n := range nameSep.Split(v, -1) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// place is a party's place; side is where it stands relative to the region.
type place struct{ country, province, city string }

type side int

const (
	sideUnknown side = iota
	sideIn
	sideOut
)

// placer places parties relative to the configured region.
type placer struct {
	country, province, city string            // the region at the level the config names
	region                  map[string]bool   // the region's applicants (normalised names)
	lake                    map[string]*place // the place the lake gives an applicant name (nil: ambiguous)
}

func newPlacer(rows []analysis.EffectPartyPlaceRow, country, province, city string) *placer {
	pl := &placer{country: country, region: map[string]bool{}, lake: map[string]*place{}}
	if province != "" {
		pl.province = geo.ProvinceName(province)
	}
	if city != "" {
		var prov string
		pl.city, prov = geo.CityName(city)
		if pl.province == "" {
			pl.province = prov // a city configured without its province
		}
	}
	best := map[string]int{}
	for _, r := range rows {
		if r.Region {
			pl.region[r.Name] = true
		}
		if r.Country == "" {
			continue
		}
		p := &place{r.Country, r.Province, r.City}
		switch n, seen := best[r.Name]; {
		case !seen || r.N > n:
			best[r.Name], pl.lake[r.Name] = r.N, p
		case r.N == n && pl.lake[r.Name] != nil && *pl.lake[r.Name] != *p:
			pl.lake[r.Name] = nil // two places given equally often: not known
		}
	}
	return pl
}

// classify says where a place stands: out when its country, or its province or city at the level
// the region names, is known and differs; in when every level the region names matches; unknown
// otherwise.
func (pl *placer) classify(p place) side {
	switch {
	case p.country == "":
		return sideUnknown
	case p.country != pl.country:
		return sideOut
	case pl.province == "":
		return sideIn
	case p.province == "":
		return sideUnknown
	case p.province != pl.province:
		return sideOut
	case pl.city == "":
		return sideIn
	case p.city == "":
		return sideUnknown
	case p.city != pl.city:
		return sideOut
	}
	return sideIn
}

// party places one party: by the address the event states (for the side's first party), else
// as one of the region's applicants, else by the place the lake gives the name as an applicant,
// else by the place the name states at its start (geo.FromName; never for a person's name).
func (pl *placer) party(name, addr string) side {
	if addr != "" {
		co, pr, ci := geo.FromAddress(addr)
		if s := pl.classify(place{co, pr, ci}); s != sideUnknown {
			return s
		}
	}
	key := applicant.Normalize(name)
	if pl.region[key] {
		return sideIn
	}
	if p := pl.lake[key]; p != nil {
		if s := pl.classify(*p); s != sideUnknown {
			return s
		}
	}
	if applicant.Kind(name) == patent.KindIndividual {
		return sideUnknown
	}
	co, pr, ci := geo.FromName(name)
	return pl.classify(place{co, pr, ci})
}

// sideOf places one side of an operation: in when any of its parties is in the region, out when
// every party is known to be outside it, unknown otherwise (and when it names nobody).
func (pl *placer) sideOf(names []string, addr string) side {
	if len(names) == 0 {
		return sideUnknown
	}
	s := sideOut
	for i, n := range names {
		a := ""
		if i == 0 {
			a = addr
		}
		switch pl.party(n, a) {
		case sideIn:
			return sideIn
		case sideUnknown:
			s = sideUnknown
		}
	}
	return s
}

// direction combines the two sides.
func direction(from, to side) string {
	switch {
	case from == sideIn && to == sideIn:
		return DirWithin
	case from == sideIn && to == sideOut:
		return DirOut
	case from == sideOut && to == sideIn:
		return DirIn
	case from == sideOut && to == sideOut:
		return dirNone
	}
	return DirUnknown
}

// flowData is what the flows of the scope came to: per kind, year and direction the number of
// operations; per kind the operations without a year, all operations, and those whose direction
// is known (in, out, within or none).
type flowData struct {
	count   map[string]map[int]map[string]int
	undated map[string]int
	total   map[string]int
	known   map[string]int
	// fromEvents counts the operations read from legal events (with parties); fromOwners those
	// read from a family's first applicant and current owner; fromCounts those with no party.
	fromEvents, fromOwners, fromCounts int
}

func (f *flowData) add(kind string, date time.Time, dir string) {
	f.total[kind]++
	if dir != DirUnknown {
		f.known[kind]++
	}
	if date.IsZero() {
		f.undated[kind]++
		return
	}
	if f.count[kind] == nil {
		f.count[kind] = map[int]map[string]int{}
	}
	y := date.Year()
	if f.count[kind][y] == nil {
		f.count[kind][y] = map[string]int{}
	}
	f.count[kind][y][dir]++
}

// loadFlows reads the operations of the families in scope and places their parties (see the
// package doc: "Operation flows").
func loadFlows(ctx context.Context, s *analysis.Session) (*flowData, error) {
	rg := s.Cfg.Region
	places, err := analysis.EffectPartyPlaces.All(ctx, s)
	if err != nil {
		return nil, err
	}
	pl := newPlacer(places, rg.Country, rg.Province, rg.City)
	f := &flowData{count: map[string]map[int]map[string]int{}, undated: map[string]int{}, total: map[string]int{}, known: map[string]int{}}
	// A family's operations from legal events, once each (the same event is recorded on several
	// publications of a family, and by several sources): keyed by kind and date, else parties.
	seen := map[string]bool{}
	withEvents := map[string]map[string]bool{} // family → kinds read from events
	err = analysis.EffectFlowEvents.Each(ctx, s, func(r analysis.EffectFlowEventRow) error {
		op, ok := parseOperation(r.Text, r.Code)
		if !ok {
			return nil
		}
		date := op.Date
		if date.IsZero() && r.Date != nil {
			date = r.Date.UTC()
		}
		key := r.Family + "|" + op.Kind + "|"
		if !date.IsZero() {
			key += date.Format("2006-01-02")
		} else {
			key += applicant.Normalize(strings.Join(op.From, ";")) + ">" + applicant.Normalize(strings.Join(op.To, ";"))
		}
		if seen[key] {
			return nil
		}
		seen[key] = true
		if withEvents[r.Family] == nil {
			withEvents[r.Family] = map[string]bool{}
		}
		withEvents[r.Family][op.Kind] = true
		f.fromEvents++
		f.add(op.Kind, date, direction(pl.sideOf(op.From, op.FromAddr), pl.sideOf(op.To, op.ToAddr)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Families whose operations no legal event details: the latest transfer runs from the first
	// applicant to the current owner; a licence's or pledge's counterparty is never recorded.
	err = analysis.EffectFlowFamilies.Each(ctx, s, func(r analysis.EffectFlowFamilyRow) error {
		ev := withEvents[r.Family]
		if r.Transfers > 0 && !ev[opTransfer] {
			dir := DirUnknown
			if owners := ownersOf(r.Owner); len(owners) > 0 && !sameParty(owners, r.Applicants) {
				from := sideUnknown
				if r.FirstName != "" {
					from = pl.known(r.FirstName)
				}
				dir = direction(from, pl.sideOf(owners, ""))
				f.fromOwners++
			} else {
				f.fromCounts++
			}
			f.add(opTransfer, day(r.LastTransfer), dir)
		}
		if r.Licences > 0 && !ev[opLicence] {
			f.fromCounts++
			f.add(opLicence, day(r.LastLicence), DirUnknown)
		}
		if r.Pledges > 0 && !ev[opPledge] {
			f.fromCounts++
			f.add(opPledge, day(r.LastPledge), DirUnknown)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// known places an applicant by its normalised name (region applicant, else its place in the
// lake, else the place its name states).
func (pl *placer) known(key string) side {
	if pl.region[key] {
		return sideIn
	}
	if p := pl.lake[key]; p != nil {
		if s := pl.classify(*p); s != sideUnknown {
			return s
		}
	}
	co, pr, ci := geo.FromName(key)
	return pl.classify(place{co, pr, ci})
}

// ownersOf splits a current-owner field (A; B).
func ownersOf(s string) []string {
	var out []string
	for _, n := range norm.SplitAny(s, ";；") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// sameParty reports whether every owner is one of the applicants (normalised names): the
// recorded transfer's parties are then not known.
func sameParty(owners, applicants []string) bool {
	apps := map[string]bool{}
	for _, a := range applicants {
		apps[a] = true
	}
	for _, o := range owners {
		if !apps[applicant.Normalize(o)] {
			return false
		}
	}
	return true
}

func day(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}
