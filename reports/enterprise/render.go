package enterprise

import (
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"io"
	"path/filepath"
	"regexp"

	"github.com/patnav/patnav/internal/atomicfile"
	"github.com/patnav/patnav/landscape"
	model "github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/mapsvg"
)

// HTML writes the enterprise report as one self-contained HTML document in lang ("zh" or "en").
func HTML(w io.Writer, e *model.Enterprise, lang string) error {
	return HTMLOptions(w, e, lang, Options{})
}

// HTMLOptions is HTML with options (the map overlay).
func HTMLOptions(w io.Writer, e *model.Enterprise, lang string, opt Options) error {
	p, err := Page(e, lang, opt)
	if err != nil {
		return err
	}
	return reports.RenderHTML(w, p)
}

// Markdown writes the enterprise report as Markdown in lang.
func Markdown(w io.Writer, e *model.Enterprise, lang string) error {
	return MarkdownOptions(w, e, lang, Options{})
}

// MarkdownOptions is Markdown with options (the map's caption; the SVG itself is HTML only).
func MarkdownOptions(w io.Writer, e *model.Enterprise, lang string, opt Options) error {
	p, err := Page(e, lang, opt)
	if err != nil {
		return err
	}
	return reports.RenderMarkdown(w, p)
}

// JSON writes e as indented JSON (two spaces, fields in struct order, a final newline): the
// machine-readable twin of the reports. Validate it with Schema().
func JSON(w io.Writer, e *model.Enterprise) error {
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return fmt.Errorf("enterprise report: JSON: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// Schema returns the JSON Schema (draft 2020-12) of the enterprise model.
func Schema() ([]byte, error) { return reports.Schema(model.Enterprise{}) }

// SchemaFile is the name Publish gives the JSON Schema.
const SchemaFile = "enterprise.schema.json"

// PublishOptions tune PublishWith.
type PublishOptions struct {
	// Map is the industry's landscape map (the macro model's Map): each enterprise's report
	// draws it with the enterprise's families (Enterprise.MapOverlay) on top. Nil: no map.
	Map *landscape.TechMap
}

// overlayMap draws the industry map with e's families on top, every word on it in l's language.
func overlayMap(tm *landscape.TechMap, e *model.Enterprise, l reports.Locale) htmltemplate.HTML {
	if tm == nil {
		return ""
	}
	return mapsvg.Render(tm, mapsvg.Options{Title: tr(l, "map.title", "name", e.Name.In(l.Lang)), Overlay: e.MapOverlay, OverlayName: e.Name.In(l.Lang), Lang: l.Lang})
}

var safeID = regexp.MustCompile(`^[a-z0-9][a-z0-9_\-]*$`)

// Publish writes every enterprise's reports into dir: <id>.json, and per language <id>_<lang>.html
// and <id>_<lang>.md, plus enterprise.schema.json. Each file is written to a temporary file in
// dir and renamed into place, so a reader never sees a half-written report. It returns the names
// written, relative to dir.
func Publish(dir string, es []*model.Enterprise, langs []string) ([]string, error) {
	return PublishWith(dir, es, langs, PublishOptions{})
}

// PublishWith is Publish with options (map overlays).
func PublishWith(dir string, es []*model.Enterprise, langs []string, opt PublishOptions) ([]string, error) {
	for _, lang := range langs {
		if _, err := reports.NewLocale(lang); err != nil {
			return nil, err
		}
	}
	var out []string
	write := func(name string, fn func(w io.Writer) error) error {
		if err := writeFile(filepath.Join(dir, name), fn); err != nil {
			return err
		}
		out = append(out, name)
		return nil
	}
	schema, err := Schema()
	if err != nil {
		return nil, err
	}
	if err := write(SchemaFile, func(w io.Writer) error { _, err := w.Write(schema); return err }); err != nil {
		return nil, err
	}
	for _, e := range es {
		if e == nil {
			continue
		}
		if !safeID.MatchString(e.ID) {
			return nil, fmt.Errorf("enterprise report: id %q is not a safe file name", e.ID)
		}
		if err := write(e.ID+".json", func(w io.Writer) error { return JSON(w, e) }); err != nil {
			return nil, err
		}
		for _, lang := range langs {
			l, _ := reports.NewLocale(lang) // checked above
			o := Options{Map: overlayMap(opt.Map, e, l)}
			if o.Map != "" {
				o.MapCaption = tr(l, "map.caption")
			}
			if err := write(e.ID+"_"+lang+".html", func(w io.Writer) error { return HTMLOptions(w, e, lang, o) }); err != nil {
				return nil, err
			}
			if err := write(e.ID+"_"+lang+".md", func(w io.Writer) error { return MarkdownOptions(w, e, lang, o) }); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// writeFile writes path atomically (see internal/atomicfile).
func writeFile(path string, fn func(w io.Writer) error) error { return atomicfile.Write(path, fn) }
