// Package indicators holds the pure numeric indicators of a patent-navigation
// report (navigation.md §3 and §5): growth and CAGR on complete years,
// concentration (shares, HHI, CR_k), the revealed technological advantage
// (RTA / activity index), the logistic S-curve and Fisher–Pry fits, the
// life-cycle phase chart, Kleinberg burst detection, the Porter (2018)
// emergence score, Callon's thematic-map quadrants, citation indicators
// (h-index, windowed forward citations, generality, originality,
// radicalness, breakthrough flags) and cohort-normalised composite quality
// indices.
//
// Every function works on plain Go slices and maps: SQL aggregation over the
// lake happens elsewhere and feeds these functions. There is no I/O.
//
// # Conventions
//
//   - Counts may be fractional (a family with k applicants counts 1/k for
//     each), so counts are float64 throughout.
//   - Programmer misuse panics: slices of different lengths that must match,
//     ragged matrices, negative or NaN counts where counts are required,
//     out-of-range parameters (k ≤ 0, a trim share outside [0, 0.5), …).
//   - Data problems never produce a silent 0 or ±Inf. Depending on the
//     function they give NaN together with ok=false, a NaN cell documented as
//     "undefined", or a result struct whose OK field is false and whose Reason
//     says why (empty input, a zero denominator, too few points, a flat
//     series, …). Each function's doc comment states which.
//   - Normalisation is always within a cohort (priority year × technology
//     field, passed as an opaque string key), never across cohorts.
//
// Formulas are stated in each doc comment; where a threshold is a convention
// (HHI bands, S-curve stages, the decline rule, the phase-chart rule, the
// emergence criteria) the comment says so and the threshold is a parameter
// or an exported constant.
package indicators
