package synth

import "io"

// LensLayout selects the column layout of WriteLens.
type LensLayout int

// Lens layouts.
const (
	// LensCurrent is the current Lens.org export: UTF-8 BOM, CRLF line endings, ISO dates,
	// Display Key / Document Type / Legal Status columns, plus a trailing "Cited Patents" column.
	LensCurrent LensLayout = iota
	// Lens2016 is the 2016 export layout: no BOM, CR-only line endings, dd/mm/yy dates,
	// Publication Number / Type / Cited Count columns.
	Lens2016
)

// LensCurrentHeader is the header of the current layout. The last column, "Cited Patents"
// (the ;;-separated display keys of the cited publications), is a patnav extension: real Lens
// CSV exports do not have it, so readers must treat it as optional.
var LensCurrentHeader = []string{"#", "Jurisdiction", "Kind", "Display Key", "Lens ID", "Publication Date",
	"Publication Year", "Application Number", "Application Date", "Priority Numbers", "Earliest Priority Date",
	"Title", "Abstract", "Applicants", "Inventors", "Owners", "URL", "Document Type", "Has Full Text",
	"Cites Patent Count", "Cited by Patent Count", "Simple Family Size", "Simple Family Members",
	"Extended Family Size", "Sequence Count", "CPC Classifications", "IPCR Classifications",
	"US Classifications", "NPL Citation Count", "NPL Citations", "Legal Status", "Cited Patents"}

// Lens2016Header is the header of the 2016 layout, as in real exports of that year.
var Lens2016Header = []string{"#", "Jurisdiction", "Kind", "Publication Number", "Lens ID", "Publication Date",
	"Publication Year", "Application Number", "Application Date", "Priority Numbers", "Title", "Applicants",
	"Inventors", "URL", "Type", "Full Text", "Cited Count", "Simple Family Size", "Extended Family Size",
	"Sequence Count", "CPC Classifications", "IPCR Classifications", "US Classifications", "PubMed Id(s)",
	"DOI(s)", "Non-Patent Citations"}

// WriteLens writes the world described by opts as a Lens.org CSV export in the given layout,
// one row per publication, streaming. It stops after opts.MaxRecords rows when that is set.
func WriteLens(w io.Writer, opts Options, layout LensLayout) (Stats, error) {
	return NewWorld(opts).WriteLens(w, layout)
}

// WriteLens writes the world as a Lens.org CSV export (see the package-level WriteLens).
func (wd *World) WriteLens(w io.Writer, layout LensLayout) (Stats, error) {
	cw := &countingWriter{w: w}
	var st Stats
	eol := "\r\n"
	if layout == Lens2016 {
		eol = "\r"
	}
	c := newCSV(cw, eol)
	if layout == LensCurrent {
		c.row = append(c.row, 0xEF, 0xBB, 0xBF)
		if err := c.header(LensCurrentHeader); err != nil {
			return st, err
		}
	} else if err := c.header(Lens2016Header); err != nil {
		return st, err
	}
	limit := wd.opts.MaxRecords
	iso := layout == LensCurrent
	var tmp, id []byte
	err := wd.Each(func(f *Family) error {
		st.Families++
		for i := range f.Pubs {
			if limit > 0 && st.Records >= limit {
				return errStop
			}
			p := &f.Pubs[i]
			st.Records++
			c.int(st.Records)
			c.str(p.Key.Office)
			c.str(p.Key.Kind)
			c.end(p.Key.AppendDisplay(c.begin()))
			tmp = p.Key.AppendCanonical(tmp[:0])
			id = appendLensID(id[:0], tmp)
			c.end(append(c.begin(), id...))
			c.end(appendDate(c.begin(), p.PubDate, '-', iso))
			c.int(p.PubDate.Year())
			c.end(p.App.AppendLens(c.begin()))
			c.end(appendDate(c.begin(), p.App.Date, '-', iso))
			c.end(appendPriorities(c.begin(), f, p))
			if layout == LensCurrent {
				c.end(appendDate(c.begin(), f.Priority.Date, '-', true))
			}
			c.end(appendTitleEn(c.begin(), f.leaf, &f.txt))
			if layout == LensCurrent {
				c.end(appendAbstractEn(c.begin(), f.leaf, &f.txt))
			}
			c.end(appendJoined(c.begin(), p.Applicants, ";;"))
			b := c.begin()
			for k, inv := range f.Inventors {
				if k > 0 {
					b = append(b, ";;"...)
				}
				b = append(b, inv.Name...)
			}
			c.end(b)
			if layout == LensCurrent {
				b = c.begin()
				if p.GrantDate.Valid() && (p.Key.Office == "US" || p.Key.Office == "CN") && p.Status == StatusAlive {
					b = append(b, wd.apps[p.Owner].Name...)
				}
				c.end(b)
				b = append(c.begin(), "https://lens.org/"...)
				c.end(append(b, id...))
			} else {
				b = append(c.begin(), "https://www.lens.org/lens/patent/"...)
				s := len(b)
				b = p.Key.AppendDisplay(b)
				for k := s; k < len(b); k++ {
					if b[k] == ' ' || b[k] == '/' {
						b[k] = '_'
					}
				}
				c.end(b)
			}
			c.str(lensDocType(p, layout))
			if p.FullText {
				c.str("yes")
			} else {
				c.str("no")
			}
			if layout == LensCurrent {
				c.int(len(f.Cites))
			}
			c.int(f.CitedBy)
			c.int(len(f.Pubs))
			if layout == LensCurrent {
				b = c.begin()
				for k := range f.Pubs {
					if k > 0 {
						b = append(b, ";;"...)
					}
					b = f.Pubs[k].Key.AppendDisplay(b)
				}
				c.end(b)
			}
			c.int(f.ExtSize)
			c.int(0)
			c.end(appendJoined(c.begin(), f.CPC, ";;"))
			c.end(appendJoined(c.begin(), f.IPC, ";;"))
			b = c.begin()
			if p.Key.Office == "US" && p.PubDate.Year() < 2015 && len(f.IPC) > 0 {
				usc := l1Defs[leafL1[f.leaf]].usc
				b = append(b, usc[f.Index%len(usc)]...)
				if f.Index%3 == 0 {
					b = append(b, ";;"...)
					b = append(b, usc[(f.Index+1)%len(usc)]...)
				}
			}
			c.end(b)
			if layout == LensCurrent {
				c.int(f.NPL)
			} else {
				c.str("")
				c.str("")
			}
			b = c.begin()
			for k := 0; k < f.NPL; k++ {
				if k > 0 {
					b = append(b, ";;"...)
				}
				b = appendNPL(b, f, k, f.Priority.Date.Year())
			}
			c.end(b)
			if layout == LensCurrent {
				c.str(p.Status.Lens())
				b = c.begin()
				for k := range f.Cites {
					if k > 0 {
						b = append(b, ";;"...)
					}
					b = f.Cites[k].AppendDisplay(b)
				}
				c.end(b)
			}
			if err := c.endRow(); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = c.bw.Flush()
	}
	st.Bytes = cw.n
	return st, err
}

func lensDocType(p *Publication, layout LensLayout) string {
	switch p.DocType {
	case DocUtilityModel:
		if layout == Lens2016 {
			return "Limited Patent"
		}
		return "Utility Model"
	case DocDesign:
		if layout == Lens2016 {
			return "Design right"
		}
		return "Design Right"
	}
	if p.Key.Kind[0] == 'B' {
		return "Granted Patent"
	}
	return "Patent Application"
}

// appendPriorities appends Lens priority numbers: the family priority, the document's own
// application when it claims a provisional, and the PCT application for national phases, each as
// "CN 201810123456 A 20180312", ;;-separated.
func appendPriorities(b []byte, f *Family, p *Publication) []byte {
	b = f.Priority.AppendLens(b)
	b = append(b, ' ')
	b = appendDate(b, f.Priority.Date, 0, true)
	if p.App != f.Priority && p.App.Office == f.Priority.Office && f.Priority.Kind == "P" {
		b = append(b, ";;"...)
		b = p.App.AppendLens(b)
		b = append(b, ' ')
		b = appendDate(b, p.App.Date, 0, true)
	}
	if p.ViaPCT && f.PCT.Number != 0 {
		b = append(b, ";;"...)
		b = f.PCT.AppendLens(b)
		b = append(b, ' ')
		b = appendDate(b, f.PCT.Date, 0, true)
	}
	return b
}

func appendJoined(b []byte, s []string, sep string) []byte {
	for i, v := range s {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, v...)
	}
	return b
}

// appendLensID appends a Lens-style id (ddd-ddd-ddd-ddd-ddC, C a mod-11 check character) derived
// from the canonical publication number.
func appendLensID(b, canonical []byte) []byte {
	h := uint64(14695981039346656037) // FNV-1a
	for _, ch := range canonical {
		h ^= uint64(ch)
		h *= 1099511628211
	}
	v := h % 100000000000000
	var d [15]byte
	for i := 13; i >= 0; i-- {
		d[i] = byte('0' + v%10)
		v /= 10
	}
	s := 0
	for i := 0; i < 14; i++ {
		s += int(d[i]-'0') * (i + 1)
	}
	if s%11 == 10 {
		d[14] = 'X'
	} else {
		d[14] = byte('0' + s%11)
	}
	for i := 0; i < 15; i++ {
		if i > 0 && i%3 == 0 {
			b = append(b, '-')
		}
		b = append(b, d[i])
	}
	return b
}
