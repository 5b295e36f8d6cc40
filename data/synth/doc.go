// Package synth generates deterministic, realistic synthetic patent corpora for the patnav demo
// and benchmarks.
//
// The world is a set of patent FAMILIES in one industry (civil drones / UAVs, 无人机) with
// priority years FirstYear..LastYear. Family counts per technology branch follow logistic
// life-cycle curves (annual counts are the derivative of a logistic, so cumulative counts are
// S-shaped); some branches emerge late, one (target drones) declines. Applicants are
// Zipf-distributed (exponent 1.1) and each has name variants as they appear in real exports,
// a home country (CN with province and city, US, JP, KR, DE, FR, GB, IL, TW), branch
// preferences, an entry year and an inventor team. Families span offices with realistic kind
// codes, number shapes, dates and legal status; later families cite earlier ones by
// preferential attachment, so a few become core patents.
//
// Generation runs in two passes. NewWorld builds a compact skeleton of every family (priority
// date, branch, applicants, citations, forward-citation counts: about 100 bytes per family).
// World.Each then regenerates each family's full detail from a per-family seed and streams it,
// so memory stays bounded however many records are written. Families whose first publication is
// after Options.Cutoff are not emitted (publication lag), which makes the last two priority
// years incomplete, as in real data.
//
// Output forms: WriteLens (Lens.org CSV, current or 2016 layout) and WriteCNIPA (a Chinese
// incoPat/CNIPA-style CSV of the CN publications, UTF-8 or GBK/GB18030). The same Options always
// give byte-identical output.
package synth
