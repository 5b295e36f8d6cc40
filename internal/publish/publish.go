// Package publish writes the navigation products to disk: each model as JSON (with its JSON
// Schema) and its reports as HTML and Markdown per language. Every file is written to a temporary
// name and renamed into place, so a reader never sees a half-written report.
package publish

import (
	"io"
	"path/filepath"

	"github.com/patnav/patnav/internal/atomicfile"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports"
)

// WriteFile writes path atomically (see internal/atomicfile).
func WriteFile(path string, fn func(w io.Writer) error) error { return atomicfile.Write(path, fn) }

// Files lists what a publication step wrote, relative to its folder.
type Files []string

// Macro writes the macro landscape into dir: macro.json, macro.schema.json and, per language,
// macro_<lang>.html and macro_<lang>.md. opt gives each language's render options (extra
// sections such as the landscape map); nil means none.
func Macro(dir string, m *landscape.Macro, langs []string, opts func(lang string) reports.RenderOptions) (Files, error) {
	var out Files
	write := func(name string, fn func(w io.Writer) error) error {
		if err := WriteFile(filepath.Join(dir, name), fn); err != nil {
			return err
		}
		out = append(out, name)
		return nil
	}
	if err := write("macro.json", func(w io.Writer) error { return reports.MacroJSON(w, m) }); err != nil {
		return nil, err
	}
	schema, err := reports.Schema(landscape.Macro{})
	if err != nil {
		return nil, err
	}
	if err := write("macro.schema.json", func(w io.Writer) error { _, err := w.Write(schema); return err }); err != nil {
		return nil, err
	}
	for _, lang := range langs {
		opt := reports.RenderOptions{}
		if opts != nil {
			opt = opts(lang)
		}
		if err := write("macro_"+lang+".html", func(w io.Writer) error { return reports.MacroHTMLOptions(w, m, lang, opt) }); err != nil {
			return nil, err
		}
		if err := write("macro_"+lang+".md", func(w io.Writer) error { return reports.MacroMarkdownOptions(w, m, lang, opt) }); err != nil {
			return nil, err
		}
	}
	return out, nil
}
