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
// when one of its applicants is.
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
//	                     the year (the lake keeps the count and the latest date of each); the
//	                     direction (into or out of the region) is not recorded for owners, so
//	                     these count the region's own patents operated
//	enterprises_filing   distinct region enterprises filing in the year
//	universities_filing  distinct region universities and institutes filing in the year
//	co_applications      region families co-filed by a region enterprise and a region university
//	                     or institute, by filing year
//	industry_share       region families / families in scope, by filing year
//	branch_share         region families / families in the branch, by filing year
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
