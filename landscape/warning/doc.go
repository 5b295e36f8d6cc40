// Package warning builds the patent risk-warning bulletin (专利风险预警) an industry association
// publishes for its industry, and tells what changed since the previous run.
//
// # Entry points
//
//	prev, _ := warning.LoadPrevious(warning.HistoryDir(cfg)) // nil on the first run
//	b, _ := warning.Build(ctx, session, macro, time.Now())   // indicators and signals
//	warning.Diff(prev, b)                                     // new / escalated / … / resolved
//	warning.Save(warning.HistoryDir(cfg), b)                  // this run joins the history
//	bulletin.Publish(dir, b, langs)                           // reports/bulletin: JSON, HTML, Markdown
//	if len(b.NewAtOrAbove(level)) > 0 { exit non-zero }      // patnav warn --fail-on LEVEL
//
// Run does the first four steps in that order.
//
// # Populations and origin
//
// "Domestic" is config.Warnings.Domestic (default: the region's country, else CN; any country
// may be configured). A family's origin is its first applicant's country (else the office of its
// first priority claim: fam_country); it is domestic, foreign (another known country) or unknown
// (left out of the ratios). The §6 ratios count invention families — families with an invention
// publication at config.Warnings.Office (default: the domestic country) — with a priority year in
// the analysis window, whole-counted by origin. Applicant rankings count the same families
// fractionally (1/k per applicant, fam_app.w); an applicant's country is its most frequent one.
//
// # The §6 indicators (navigation.md), overall and per branch
//
//	reserve                  D / F                                   warn when < reserve_low (0.5)
//	bubble                   D / F                                   warn when > bubble (5)
//	growth_lag               CAGR_D / CAGR_F                         warn when < growth_lag (1)
//	weak_leaders             top-10 domestic / top-10 foreign        warn when < weak_leaders (1)
//	portfolio_concentration  (D top-3/top-10) ÷ (F top-3/top-10)     warn when < portfolio_concentration (0.25)
//	market_barrier           families with a US/EP/JP member / all   warn when > market_barrier (0.5)
//	technology_gap           first year domestic − first year peer   reported (US, JP, EP, KR)
//
// D and F are the domestic and foreign invention families at the office. CAGR =
// (N_end/N_start)^(1/w) − 1 over the last window_years (w) complete years
// (indicators.CompleteCAGR); the ratio is indicators.RelativeGrowth, undefined when the foreign
// rate is not positive. Top-k sums are the k largest applicants' fractional families. The market
// barrier counts all families (any type) of the window; its offices are US, EP and JP minus the
// domestic country's own (EP for EPC member states). The technology gap compares the earliest
// priority year of domestic families with that of US, JP, KR and EP (EPC member states'
// applicants) families, over all years; a positive gap means domestic applicants started later.
// A ratio whose denominator is empty — no foreign families, no foreign applicants — is undefined
// and reported with its reason, never as zero or infinity. A branch's ratios need
// MinBranchFamilies families in their base.
//
// # Signals beyond the table
//
//   - surge (per foreign applicant and branch where domestic applicants file): recent period R =
//     the last window_years complete years, Q the period before; growth = n_R / max(n_Q, 1),
//     share change = n_R/T_R − n_Q/T_Q; fires when growth ≥ surge_growth and change ≥
//     surge_share_change.
//   - blocking (per branch where domestic applicants file): window families of foreign origin,
//     alive at the run time, whose quality percentile ≥ blocking_quality_percentile. The quality
//     index is the macro model's (landscape.BuildMacro keeps it in the fam_quality table): the
//     OECD-style index 4 (indicators.QualityIndex4; cohort = priority year × main IPC subclass,
//     min–max within cohorts after 1 % trimming), and the percentile is 1 − rank/N over the
//     window's families (the best family has 1).
//   - concentration_rise (industry and branches): HHI (fractional applicant shares,
//     indicators.HHI) of the last complete year minus the year before ≥ concentration_rise, both
//     years with MinConcentrationFamilies families.
//   - entrant: an applicant whose first family has a priority year ≥ last complete year − 2, with
//     at least EntrantMinFamilies families and EntrantMinShare of the industry's families since
//     then (needs window_years of history before).
//   - expiring (freedom windows): a core patent (quality percentile ≥ 1 − analysis.core_share),
//     alive, expiring after the run time and within expiring_months. Expiry = the source's expiry
//     date (which for CNIPA-style exports may be a lapse date), else the filing date (else the
//     grant date) + 20 years for inventions and + 10 years for utility models (CN; also the usual
//     term elsewhere); the latest over the family's members. Term extensions and adjustments,
//     and lapses for unpaid fees, are not modelled.
//   - litigation (every family), invalidation, transfer and licence (core patents: quality
//     percentile ≥ 1 − analysis.core_share): from the patents' litigation_count, invalidated,
//     transfer_count and licence_count (latest observations, see the patents view) and from legal_events
//     whose code or description names the event (keywords, English and Chinese).
//
// Alive: legal status alive; where the source gives no status (unknown), a granted family within
// its term is presumed alive and marked so.
//
// # Severity
//
// Levels are info < watch < warning < severe. A threshold test's excess factor is
// threshold/value for "below" tests (a value ≤ 0 is infinitely past) and value/threshold for
// "above" and "at least" tests; past the threshold by a factor ≥ SevereFactor (2) is severe,
// ≥ WarningFactor (1.5) warning, else watch; a §6 indicator within NearFactor (1.1) of its
// threshold on the safe side is info. Surges use the smaller of their two factors. Blocking:
// 1–2 candidates watch, 3–9 warning, ≥ 10 severe. Entrants: domestic info, foreign watch, foreign
// with a share ≥ EntrantWarningShare warning. Litigation: foreign-held warning, else watch. Expiring core
// patents, and invalidations, transfers and licences of core patents: info.
//
// # Identity and history
//
// A signal's Key names its kind and subject only ("reserve:overall", "reserve:branch=pw",
// "surge:applicant=X:branch=Y", "expiring:family=F"), never a number; its ID is SignalID(Key),
// so a run recognises the signals of the previous run whatever their numbers. Every run is saved
// as <history>/<run id>.json (RunIDLayout: the run time in UTC to the nanosecond, which sorts in
// time order), written atomically. Diff matches signals by ID: new, escalated, unchanged,
// de-escalated, and resolved (in the previous run, gone now).
//
// The SQL is in analysis/sql/warning/warning.sql (families, applicants, branches, operations, legal_events,
// quality). Output is deterministic for a given lake, config and run time.
package warning
