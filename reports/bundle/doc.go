// Package bundle renders the published "1+N" bundle around the reports: the macro landscape's
// files (JSON model, schema, HTML and Markdown per language, the map's cluster assignments as
// CSV), the index page in every language, the XLSX workbook of the main tables and, optionally,
// PDF prints of every page. It draws landscape models only; which stages ran and in what order
// is the pipeline's business (package pipeline), which hands it what to show.
//
// Every file is written to a temporary name and renamed into place (internal/atomicfile), so a
// reader never sees a half-written file.
package bundle
