// Package reports renders patnav's navigation models as reports: the macro industry navigation
// (landscape.Macro) as a self-contained HTML document and as Markdown, in Chinese (zh) and
// English (en), and as indented JSON with a JSON Schema (draft 2020-12) generated from the Go
// types by reflection.
//
// The rendering is split in two layers that the enterprise reports and warning bulletins reuse:
//
//   - a format-independent Page of numbered Sections made of Blocks (paragraphs, key-value facts,
//     lists, nested trees, tables, inline SVG charts from the svg subpackage, boxed cards and
//     side-by-side grids), built in the report's Locale; and
//   - RenderHTML (html/template, auto-escaped; inline CSS with a sticky table of contents and A4
//     print rules; no scripts, no external requests, a Content-Security-Policy that forbids them)
//     and RenderMarkdown (text/template with MarkdownEscape on every text), both from templates
//     embedded with embed.FS and parsed once.
//
// Every phrase comes from the i18n table (i18n.go); the models' codes — why an analysis is not
// available, the minimum-data rules, where the cut-off came from — are worded by the one zh + en
// catalogue (catalog.go). Numbers use thousands separators, shares are percentages, nil pointers
// render as "n/a" / "不可用", incomplete years carry a dagger (2024†) in tables and are hatched,
// hollow or dashed in charts, and every section states its Basis. An analysis listed in
// Macro.Unavailable is shown in the section its Section names (entries without one: the section
// the first segment of its Analysis suggests, see sectionPrefixes) and in the closing list.
// Sections are numbered 1…n in the order shown. The macro report's sections are built one file
// each (macro_scope.go, macro_trend.go … macro_closing.go); macro.go assembles the page. Scope
// method entries of the form "key: detail" get their key translated when it is one of dedup,
// family, unit, fractional, normalisation, tagging, cutoff, incomplete, recall, precision.
//
// Sections 11 (white space) and 12 (barriers and risk) are rendered elsewhere and placed with
// RenderOptions.Extra.
package reports
