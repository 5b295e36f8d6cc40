package enterprise

import (
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	model "github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/reports"
)

// note words one model note in the page's language: its code's sentence with each argument
// formatted by its unit. A note without a code (a section the model did not fill) is "".
func (b *pageBuilder) note(n model.Note) string {
	if n.Code == "" {
		return ""
	}
	pairs := make([]string, 0, 2*len(n.Args))
	for _, a := range n.Args {
		pairs = append(pairs, a.Key, b.arg(a))
	}
	return reports.Text(b.l.Lang, "enterprise.note."+n.Code, pairs...)
}

// notes words a list of notes as one line, joined by the language's separator.
func (b *pageBuilder) notes(ns []model.Note) string {
	sep := "; "
	if b.l.Lang == "zh" {
		sep = "；"
	}
	var out []string
	for _, n := range ns {
		if s := b.note(n); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// arg formats one argument of a note by its unit: numbers in the locale's notation, branch ids
// as the branches' names and entities by their names in the page's language.
func (b *pageBuilder) arg(a model.Arg) string {
	l := b.l
	if a.Value != nil {
		v := *a.Value
		switch a.Unit {
		case model.ArgCount:
			return l.Int(int(math.Round(v)))
		case model.ArgFamilies:
			return l.Count(v)
		case model.ArgShare:
			return l.Pct(v)
		case model.ArgRatio:
			return l.Num(v, 2)
		case model.ArgScore:
			return l.Num(v, 3)
		case model.ArgYear:
			return strconv.Itoa(int(v))
		}
		return l.Num(v, 3)
	}
	switch a.Unit {
	case model.ArgKind:
		return l.Term("kind", a.Text)
	case model.ArgBranch:
		return b.branchName(a.Text)
	case model.ArgBranches:
		var ns []string
		for _, id := range a.Names {
			ns = append(ns, b.branchName(id))
		}
		return l.List(ns)
	case model.ArgEntity:
		if s := a.Label.In(l.Lang); s != "" {
			return s
		}
		return b.name(a.Text, "")
	case model.ArgNames:
		return holderList(l, a.Names, 3)
	}
	return orNA(l, a.Text)
}

// basis words a section's basis: its unit, count, years and query (reports.Locale.Basis) with
// the section's method notes worded by the catalogue.
func (b *pageBuilder) basis(x model.Basis) string {
	return b.l.Basis(landscape.Basis{Unit: x.Unit, N: x.N, From: x.From, To: x.To, Note: b.notes(x.Notes), Query: x.Query})
}
