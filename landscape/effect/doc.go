// Package effect builds the zone's effect tracking (专利导航产业发展绩效统计): the indicators a
// patent-navigation experimental zone tracks year by year, each a series per calendar year for
// the region, with an optional target, and what changed since the previous run.
//
// # Entry points
//
//	prev, _ := effect.LoadPrevious(effect.HistoryDir(cfg)) // nil on the first run
//	t, _ := effect.Build(ctx, session, time.Now())          // the series
//	effect.Diff(prev, t)                                     // revisions since the previous run
//	effect.Save(effect.HistoryDir(cfg), t)                   // this run joins the history
//
// # The region
//
// The region's applicants are those of the families in scope whose country, and CN province and
// city when the config names them, match config.Region. A province or city can only be matched
// when the sources carry places (addresses, 国省代码): when no applicant of the region's country
// has a province (a city), the region is matched at the narrowest level the data carries and
// Region.Level says so (an export of one city's applicants, such as a CNIPA search by applicant
// address, is then read at country level, which is what it holds). A family is the region's
// when one of its applicants is. No region family with no applicant place at all in scope (no
// country, province, city or address) is NoPlaceData — the region cannot be told — and only
// with places is it NoRegion.
//
// # The measures (config.EffectMeasures), per calendar year
//
//	families             region families by filing year (the family's earliest application)
//	invention_share      region invention families / region families, by filing year
//	grants               region families whose first invention grant falls in the year
//	pct                  region families with a WO (PCT) member, by filing year
//	alive_high_value     region alive invention families at the cut-off meeting one high-value
//	                     criterion (a member abroad or PCT, forward citations in the top decile of
//	                     the priority-year cohort, transferred/licensed/pledged, litigated,
//	                     invalidation survived); the lake keeps no status history, so this is one
//	                     point, at the cut-off year
//	transfers, licences, pledges
//	                     region families whose latest recorded transfer / licence / pledge falls in
//	                     the year (the lake keeps the count and the latest date of each): the
//	                     region's own patents operated, whatever the counterparty; with a
//	                     direction (in, out, within, unknown) the flow, see "Operation flows"
//	enterprises_filing   distinct region enterprises filing in the year
//	universities_filing  distinct region universities and institutes filing in the year
//	co_applications      region families co-filed by a region enterprise and a region university
//	                     or institute, by filing year
//	industry_share       region families / families in scope, by filing year
//	branch_share         region families / families in the branch, by filing year
//	families_per_10k     region families by filing year / the region's population that year × 10⁴
//	grants_per_10k       the grants above / the population of their year × 10⁴
//	invention_stock_per_10k
//	                     region alive granted invention families at the cut-off / the population of
//	                     the cut-off year × 10⁴ (每万人口发明专利拥有量, restricted to the industry
//	                     in scope, counted in families, placed by applicant)
//	high_value_per_10k   alive_high_value / the population of the cut-off year × 10⁴
//
// # Operation flows
//
// A transfers, licences or pledges indicator with a direction counts operations one by one, of
// the families in scope (not only the region's: a transfer into the region is of a patent filed
// elsewhere), by year of the operation. The parties come from the legal events' texts
// (parseOperation: CNIPA gazette entries 变更前/变更后权利人 with 变更事项 地址 pairs, 让与人/受让人,
// 出质人/质权人; INPADOC English Patentee before/after, Address before/after, Assignor/Assignee,
// Pledgor/Pledgee; an entry that ends or amends a licence or pledge contract is not a new
// operation), dated by the effective or registration date the text states, else the event's
// date. An event recorded on several publications of a family, or by several sources, counts
// once. A family whose transfer no event details is read from its counts: its latest transfer
// runs from its first applicant to its current owner (unknown when the owner is not stated or
// is one of the applicants); a licence's or pledge's counterparty is never in the counts, so
// those are of unknown direction.
//
// Each party is placed, in this order, by the address the event gives for it, as one of the
// region's applicants, by the place the lake gives that name as an applicant of the scope (kept
// only when one place is given most often), and by the province or city its name begins with
// (geo.FromName; never for a person's name). A party is in the region when every level the
// config names (country, province, city — the configured level, not the level the region's
// applicants were matched at) matches; outside when one is known and differs; else unknown. A
// side with several parties is in when one is, outside when all are. Directions: in (from
// outside to in), out (in to outside), within (in to in), unknown (a side unknown and the other
// not ruling the region out); outside to outside is not the region's flow and is counted in
// none. A year whose operations all have an unknown direction gives no in, out or within value
// (DirectionUnknown), never 0; otherwise each point carries the year's unknown ones (Unknown).
// No operation fact in scope (NoOperationScope), none dated (NoOperationDate) or none with a
// known direction (NoPartyPlaces) is a reason for the whole indicator.
//
// # Per 10,000 inhabitants
//
// The population is config.Region.Population (year → inhabitants). A year without a value has
// no per-10,000 value (NoPopulationYear, with the year), and a config without any has the
// indicator's reason NoPopulation: never 0. Point.Den is the population used.
//
// Filing years after the last complete year (publication lag) are marked incomplete; event
// years are incomplete only for a cut-off before 31 December. Years after the cut-off are never
// computed. A share whose base is below config.Effect.MinBase says "not enough data" with its
// numbers (Reason); a measure the lake cannot support at all (no legal status, no grant dates, no
// operation facts, nothing filed abroad visible) has a Reason instead of a series — never zeros.
//
// With no effect block in the config, DefaultIndicators gives every measure once and a
// branch_share per level-1 branch, from the region and the scope alone.
package effect
