package scope

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/patnav/patnav/internal/atomicfile"
	"github.com/patnav/patnav/internal/norm"
	model "github.com/patnav/patnav/landscape/scope"
	"github.com/patnav/patnav/reports"
)

// YAML writes the proposed scope as a `scope:` block to paste as industry.scope of the
// navigation config (the shape internal/config reads: codes, keywords.zh, keywords.en, and
// seeds when the seeds came from a file), each code and keyword with its seed coverage, lake
// share and lift as a line comment. Values are written by yaml.v3, so any keyword is quoted
// as YAML needs.
func YAML(w io.Writer, m *model.Model) error {
	r := &m.Result
	str := func(v, comment string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, LineComment: comment}
	}
	seq := func() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }
	mapping := func(pairs ...*yaml.Node) *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Content: pairs} }
	note := func(seeds int, cov, share, lift float64) string {
		return fmt.Sprintf("seeds %d (%s), lake share %s, lift %s", seeds, pct3(cov), pct3(share), strconv.FormatFloat(lift, 'f', 2, 64))
	}
	codes := seq()
	for _, c := range r.Codes {
		if c.Selected {
			codes.Content = append(codes.Content, str(c.Code, note(c.Seeds, c.Coverage, c.LakeShare, c.Lift)))
		}
	}
	zh, en := seq(), seq()
	for _, k := range r.Keywords {
		if !k.Selected {
			continue
		}
		n := str(k.Keyword, note(k.Seeds, k.Coverage, k.LakeShare, k.Lift))
		if k.Lang == "zh" {
			zh.Content = append(zh.Content, n)
		} else {
			en.Content = append(en.Content, n)
		}
	}
	for _, s := range []*yaml.Node{codes, zh, en} {
		if len(s.Content) == 0 {
			s.Style = yaml.FlowStyle
		}
	}
	block := mapping(
		str("codes", ""), codes,
		str("keywords", ""), mapping(str("zh", ""), zh, str("en", ""), en),
	)
	if m.Meta.SeedSource == "file" && m.Meta.SeedFile != "" {
		block.Content = append(block.Content, str("seeds", "path relative to the config's folder"), str(m.Meta.SeedFile, ""))
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: fmt.Sprintf(
		"Proposed by patnav scope %s from %d seed families (%s).\n"+
			"Paste as industry.scope of the navigation config. Cross-validated precision %s, recall %s (threshold %s).\n"+
			"Comments: seed families with the code or keyword (seed coverage), its share of the lake's families, lift = coverage / lake share.",
		m.Meta.Generated, r.SeedFamilies, seedWhere(m), pct3(r.Evaluation.Precision.Value), pct3(r.Evaluation.Recall.Value), strconv.FormatFloat(r.Evaluation.Threshold, 'f', 2, 64)),
		Content: []*yaml.Node{mapping(str("scope", ""), block)}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func seedWhere(m *model.Model) string {
	if m.Meta.SeedSource == "file" {
		return "seed file " + m.Meta.SeedFile
	}
	return "the config's current scope"
}

// CSV writes the seeds and expanded families, by score: family_id, rep_pub, title, score,
// seed, kept, via (expansion routes joined by ;), in_config. Text cells that a spreadsheet
// would run as a formula (leading =, +, -, @, tab or CR) are prefixed with an apostrophe.
func CSV(w io.Writer, m *model.Model) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"family_id", "rep_pub", "title", "score", "seed", "kept", "via", "in_config"}); err != nil {
		return err
	}
	for _, f := range m.Result.Families {
		rec := []string{norm.SafeCell(f.ID), norm.SafeCell(f.Rep), norm.SafeCell(f.Title), strconv.FormatFloat(f.Score, 'f', 4, 64),
			strconv.FormatBool(f.Seed), strconv.FormatBool(f.Kept), norm.SafeCell(joinVia(f.Via)), strconv.FormatBool(f.InConfig)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// JSON writes the model as indented JSON.
func JSON(w io.Writer, m *model.Model) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// HTML writes the report page in lang as one self-contained HTML document.
func HTML(w io.Writer, m *model.Model, lang string) error {
	p, err := Page(m, lang)
	if err != nil {
		return err
	}
	return reports.RenderHTML(w, p)
}

// Markdown writes the report page in lang as Markdown.
func Markdown(w io.Writer, m *model.Model, lang string) error {
	p, err := Page(m, lang)
	if err != nil {
		return err
	}
	return reports.RenderMarkdown(w, p)
}

// Publish writes into dir, each atomically: scope.json, scope_proposed.yaml,
// scope_families.csv and scope_<lang>.html / .md per language (default: the model's). It
// returns the names written, relative to dir.
func Publish(dir string, m *model.Model, langs []string) ([]string, error) {
	if len(langs) == 0 {
		langs = m.Meta.Languages
	}
	var names []string
	write := func(name string, fn func(w io.Writer) error) error {
		if err := atomicfile.Write(filepath.Join(dir, name), fn); err != nil {
			return err
		}
		names = append(names, name)
		return nil
	}
	if err := write("scope.json", func(w io.Writer) error { return JSON(w, m) }); err != nil {
		return names, err
	}
	if err := write("scope_proposed.yaml", func(w io.Writer) error { return YAML(w, m) }); err != nil {
		return names, err
	}
	if err := write("scope_families.csv", func(w io.Writer) error { return CSV(w, m) }); err != nil {
		return names, err
	}
	for _, lang := range langs {
		if err := write("scope_"+lang+".html", func(w io.Writer) error { return HTML(w, m, lang) }); err != nil {
			return names, err
		}
		if err := write("scope_"+lang+".md", func(w io.Writer) error { return Markdown(w, m, lang) }); err != nil {
			return names, err
		}
	}
	return names, nil
}
