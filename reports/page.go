package reports

import (
	"embed"
	htmltemplate "html/template"
	"io"
	"strings"
	texttemplate "text/template"

	"github.com/patnav/patnav/landscape"
)

// Page is a rendered report's content, independent of the output format: a header, numbered
// sections of blocks and a closing list of unavailable analyses. The macro, enterprise and
// warning reports all build a Page and render it with RenderHTML or RenderMarkdown.
type Page struct {
	Lang     string // "zh" or "en"
	Title    string
	Subtitle string
	Facts    []Fact // the header: industry, region, cut-off, counting unit …
	Sections []*Section
	// Unavailable is the closing list of analyses the data could not support.
	Unavailable      []landscape.Unavailable
	UnavailableTitle string
	TOCTitle         string
	Footer           string
}

// Fact is a labelled value in a header or a key-value list.
type Fact struct {
	Label string
	Value string
}

// Section is one numbered report section.
type Section struct {
	ID     string // anchor id ("s2-trend")
	Number string // "2"; empty for unnumbered sections
	Title  string
	// Basis says what the numbers were computed on (unit, N, years), shown as a caption.
	Basis  string
	Blocks []Block
	// Unavailable lists the analyses of this section the data could not support.
	Unavailable      []landscape.Unavailable
	UnavailableTitle string
	// HTML and Markdown are pre-rendered bodies of extra sections (see RenderOptions); they are
	// written after Blocks verbatim, so they must already be safe.
	HTML     htmltemplate.HTML
	Markdown string
}

// Heading returns "2 Title" or "Title".
func (s *Section) Heading() string {
	if s.Number == "" {
		return s.Title
	}
	return s.Number + " " + s.Title
}

// Block is one piece of a section. Exactly the non-zero fields render, in this order: Heading,
// Para, Facts, List, Tree, Chart, Table, Cards, Grid, Note.
type Block struct {
	Heading string // a sub-heading
	Para    string
	Facts   []Fact
	List    []string
	Tree    []TreeItem
	Chart   *Chart
	Table   *Table
	Cards   []Card
	// Grid lays small blocks (short tables) side by side.
	Grid []Block
	Note string // small print under the block
}

// TreeItem is an item of a nested list.
type TreeItem struct {
	Text     string
	Children []TreeItem
}

// Chart is an inline SVG chart with a caption and the data behind it: HTML shows the SVG and
// the data in a collapsed <details>; Markdown shows the caption and the data table.
type Chart struct {
	SVG     htmltemplate.HTML
	Caption string
	Data    *Table
	// DataLabel is the summary of the collapsed data table in HTML ("data").
	DataLabel string
}

// Table is a data table. Num marks right-aligned (numeric) columns, NoWrap short text columns
// (stages, statuses, years) that must not break.
type Table struct {
	Caption string
	Head    []string
	Num     []bool
	NoWrap  []bool
	Rows    []Row
	Note    string
}

// Row is a table row; Class is a CSS class ("incomplete", "flag").
type Row struct {
	Cells []Cell
	Class string
}

// Cell is a table cell: Text, an optional Sub line in small print (e.g. merged name variants)
// and an Indent level (decomposition tree rows).
type Cell struct {
	Text   string
	Sub    string
	Indent int
	// SVG is an optional inline chart (a sparkline) shown after the text in HTML only.
	SVG htmltemplate.HTML
}

// Card is a boxed group of blocks (a key player's profile).
type Card struct {
	Title  string
	Blocks []Block
}

// IsNum reports whether column i is numeric.
func (t *Table) IsNum(i int) bool { return i < len(t.Num) && t.Num[i] }

// Class returns the CSS class of column i: "num", "nw" or "".
func (t *Table) Class(i int) string {
	switch {
	case t.IsNum(i):
		return "num"
	case i < len(t.NoWrap) && t.NoWrap[i]:
		return "nw"
	}
	return ""
}

//go:embed templates/*.tmpl
var templateFS embed.FS

var (
	htmlTmpl = htmltemplate.Must(htmltemplate.New("page.html.tmpl").Funcs(htmltemplate.FuncMap{
		"indent": func(n int) htmltemplate.CSS {
			return htmltemplate.CSS("padding-left:" + []string{"0", "1.2em", "2.4em", "3.6em", "4.8em"}[clamp(n, 0, 4)])
		},
	}).ParseFS(templateFS, "templates/page.html.tmpl"))
	mdTmpl = texttemplate.Must(texttemplate.New("page.md.tmpl").Funcs(texttemplate.FuncMap{
		"md":    MarkdownEscape,
		"cell":  mdCell,
		"tree":  mdTree,
		"table": mdTable,
	}).ParseFS(templateFS, "templates/page.md.tmpl"))
)

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// RenderHTML writes p as a self-contained HTML document: inline CSS, inline SVG, a sticky table
// of contents, print CSS for A4, no scripts and no external requests.
func RenderHTML(w io.Writer, p *Page) error { return htmlTmpl.Execute(w, p) }

// RenderMarkdown writes p as Markdown (CommonMark with GitHub tables); all text is escaped.
func RenderMarkdown(w io.Writer, p *Page) error { return mdTmpl.Execute(w, p) }

// mdSpecial are the characters MarkdownEscape escapes with a backslash.
const mdSpecial = "\\|*_`<>[]#"

// MarkdownEscape escapes text for Markdown: the characters \ | * _ ` < > [ ] # get a
// backslash, and line breaks become spaces, so that patent text can neither format nor inject
// HTML or links.
func MarkdownEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune('\uFFFD')
		case strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func mdCell(c Cell) string {
	s := strings.Repeat("\u00a0\u00a0\u00a0", c.Indent) + MarkdownEscape(c.Text)
	if c.Sub != "" {
		s += " <br>*" + MarkdownEscape(c.Sub) + "*"
	}
	return s
}

func mdTable(t *Table) string {
	if t == nil || len(t.Head) == 0 {
		return ""
	}
	var b strings.Builder
	if t.Caption != "" {
		b.WriteString("*" + MarkdownEscape(t.Caption) + "*\n\n")
	}
	b.WriteString("|")
	for _, h := range t.Head {
		b.WriteString(" " + MarkdownEscape(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Head {
		if t.IsNum(i) {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for i := range t.Head {
			c := Cell{}
			if i < len(r.Cells) {
				c = r.Cells[i]
			}
			b.WriteString(" " + mdCell(c) + " |")
		}
		b.WriteString("\n")
	}
	if t.Note != "" {
		b.WriteString("\n<sub>" + MarkdownEscape(t.Note) + "</sub>\n")
	}
	return b.String()
}

func mdTree(items []TreeItem) string {
	var b strings.Builder
	var walk func(items []TreeItem, depth int)
	walk = func(items []TreeItem, depth int) {
		for _, it := range items {
			b.WriteString(strings.Repeat("  ", depth) + "- " + MarkdownEscape(it.Text) + "\n")
			walk(it.Children, depth+1)
		}
	}
	walk(items, 0)
	return b.String()
}
