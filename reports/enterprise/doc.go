// Package enterprise renders the enterprise navigations (landscape/enterprise.Enterprise) as
// reports: a self-contained HTML document and Markdown in Chinese (zh) and English (en), and
// indented JSON with a JSON Schema.
//
// The report is a reports.Page of twelve numbered sections — overview and name matching,
// portfolio, technology profile and control power, markets, quality, partners and inventors,
// expiring and lapsed patents, competitor benchmark (side-by-side measures, a leaf-branch heat
// map, who cites whom), layout gaps and strengths (with an optional map overlay supplied by the
// caller), the FTO watch list, recommendations and limitations — built with the reports package's
// blocks, so HTML escaping comes from html/template and Markdown goes through
// reports.MarkdownEscape. Reasons and evidence are phrased from the model's numbers in the
// report's language (the model's English "why" texts stay in the JSON). An analysis listed in
// Enterprise.Unavailable is shown in the section its name belongs to and in the closing list.
//
// Publish writes <id>.json, <id>_<lang>.html and <id>_<lang>.md for every enterprise, plus
// enterprise.schema.json, each atomically (temporary file + rename).
package enterprise
