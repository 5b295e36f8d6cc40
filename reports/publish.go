package reports

import (
	"io"
	"path/filepath"

	"github.com/patnav/patnav/internal/atomicfile"
)

// Set is one published report: a model written as <Name>.json with its JSON Schema
// (<Name>.schema.json) and, per language, <Name>_<lang>.html and <Name>_<lang>.md.
type Set struct {
	Name     string
	JSON     func(w io.Writer) error // the model as JSON
	Schema   any                     // a zero value of the model's type, for its JSON Schema
	HTML     func(w io.Writer, lang string) error
	Markdown func(w io.Writer, lang string) error
	// Extra files written after the JSON and schema, before the pages (name → writer).
	Extra []File
}

// File is an extra file of a Set.
type File struct {
	Name  string
	Write func(w io.Writer) error
}

// Publish writes the set into dir, every file atomically (internal/atomicfile: a reader never
// sees a half-written file), in the order JSON, schema, extra files, then HTML and Markdown per
// language; it returns the names written, relative to dir. An unknown language is an error
// before anything is written.
func Publish(dir string, s Set, langs []string) ([]string, error) {
	for _, l := range langs {
		if _, err := NewLocale(l); err != nil {
			return nil, err
		}
	}
	var out []string
	write := func(name string, fn func(w io.Writer) error) error {
		if err := atomicfile.Write(filepath.Join(dir, name), fn); err != nil {
			return err
		}
		out = append(out, name)
		return nil
	}
	if err := write(s.Name+".json", s.JSON); err != nil {
		return nil, err
	}
	schema, err := Schema(s.Schema)
	if err != nil {
		return nil, err
	}
	if err := write(s.Name+".schema.json", func(w io.Writer) error { _, err := w.Write(schema); return err }); err != nil {
		return nil, err
	}
	for _, f := range s.Extra {
		if err := write(f.Name, f.Write); err != nil {
			return nil, err
		}
	}
	for _, lang := range langs {
		if err := write(s.Name+"_"+lang+".html", func(w io.Writer) error { return s.HTML(w, lang) }); err != nil {
			return nil, err
		}
		if err := write(s.Name+"_"+lang+".md", func(w io.Writer) error { return s.Markdown(w, lang) }); err != nil {
			return nil, err
		}
	}
	return out, nil
}
