package synth

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// CNIPAHeader is the header of the CNIPA-style (incoPat-like) export. The last three columns
// (dates of the latest transfer, licence and pledge) are a patnav extension that real exports
// often lack; readers must treat them as optional.
var CNIPAHeader = []string{"序号", "公开(公告)号", "公开(公告)日", "申请号", "申请日", "优先权号", "优先权日",
	"名称", "摘要", "申请(专利权)人", "发明人", "申请人地址", "国省代码", "IPC主分类", "IPC", "CPC", "专利类型",
	"法律状态", "当前权利人", "权利要求数量", "引证专利", "被引证次数", "同族专利", "转让次数", "许可次数", "质押次数",
	"转让执行日", "许可备案日", "质押登记日"}

// WriteCNIPA writes the CN publications of the world described by opts as a Chinese
// CNIPA/incoPat-style CSV, streaming. enc is "utf-8" (default, no BOM), "utf-8-bom", "gbk" or
// "gb18030"; characters GBK cannot encode are replaced. Dates follow opts.CNDates.
func WriteCNIPA(w io.Writer, opts Options, enc string) (Stats, error) {
	return NewWorld(opts).WriteCNIPA(w, enc)
}

// WriteCNIPA writes the world's CN publications (see the package-level WriteCNIPA).
func (wd *World) WriteCNIPA(w io.Writer, enc string) (Stats, error) {
	cw := &countingWriter{w: w}
	var out io.Writer = cw
	var tw io.WriteCloser
	bom := false
	switch strings.ToLower(enc) {
	case "", "utf-8", "utf8":
	case "utf-8-bom", "utf8-bom":
		bom = true
	case "gbk":
		tw = transform.NewWriter(cw, encoding.ReplaceUnsupported(simplifiedchinese.GBK.NewEncoder()))
	case "gb18030":
		tw = transform.NewWriter(cw, simplifiedchinese.GB18030.NewEncoder())
	default:
		return Stats{}, fmt.Errorf("synth: unknown encoding %q (want utf-8, utf-8-bom, gbk or gb18030)", enc)
	}
	if tw != nil {
		out = tw
	}
	var st Stats
	c := newCSV(out, "\r\n")
	if bom {
		c.row = append(c.row, 0xEF, 0xBB, 0xBF)
	}
	if err := c.header(CNIPAHeader); err != nil {
		return st, err
	}
	sep, full := byte('.'), true
	switch wd.opts.CNDates {
	case CNDateCompact:
		sep = 0
	case CNDateISO:
		sep = '-'
	}
	limit := wd.opts.MaxRecords
	err := wd.Each(func(f *Family) error {
		counted := false
		for i := range f.Pubs {
			p := &f.Pubs[i]
			if p.Key.Office != "CN" {
				continue
			}
			if limit > 0 && st.Records >= limit {
				return errStop
			}
			if !counted {
				st.Families++
				counted = true
			}
			st.Records++
			c.int(st.Records)
			c.end(p.Key.AppendCanonical(c.begin()))
			c.end(appendDate(c.begin(), p.PubDate, sep, full))
			c.end(p.App.AppendCNIPA(c.begin()))
			c.end(appendDate(c.begin(), p.App.Date, sep, full))
			if f.Priority.Office != "CN" {
				c.end(f.Priority.AppendCNIPA(c.begin()))
				c.end(appendDate(c.begin(), f.Priority.Date, sep, full))
			} else {
				c.str("")
				c.str("")
			}
			c.end(appendTitleZh(c.begin(), f.leaf, &f.txt))
			c.end(appendAbstractZh(c.begin(), f.leaf, &f.txt))
			b := c.begin()
			for k, ai := range f.Applicants {
				if k > 0 {
					b = append(b, ';')
				}
				b = append(b, wd.cnName(ai)...)
			}
			c.end(b)
			b = c.begin()
			for k, inv := range f.Inventors {
				if k > 0 {
					b = append(b, ';')
				}
				if inv.NameZh != "" {
					b = append(b, inv.NameZh...)
				} else {
					b = append(b, inv.Name...)
				}
			}
			c.end(b)
			main := &wd.apps[f.Applicants[0]]
			c.str(main.Address)
			c.str(main.ProvinceCode)
			if len(f.IPC) > 0 {
				c.str(f.IPC[0])
			} else {
				c.str("")
			}
			b = c.begin()
			for k, code := range f.IPC {
				if k > 0 {
					b = append(b, ';')
				}
				b = append(b, code...)
				b = append(b, "（"...)
				b = append(b, ipcVersion(code)...)
				b = append(b, "）I"...)
			}
			c.end(b)
			c.end(appendJoined(c.begin(), f.CPC, ";"))
			switch p.DocType {
			case DocUtilityModel:
				c.str("实用新型")
			case DocDesign:
				c.str("外观设计")
			default:
				c.str("发明")
			}
			c.str(p.Status.CN())
			switch p.Status {
			case StatusAlive, StatusPending:
				c.str(wd.cnName(p.Owner))
			default:
				c.str("")
			}
			c.int(p.Claims)
			b = c.begin()
			for k := range f.Cites {
				if k > 0 {
					b = append(b, ';')
				}
				b = f.Cites[k].AppendCanonical(b)
			}
			c.end(b)
			c.int(f.CitedBy)
			b = c.begin()
			for k := range f.Pubs {
				if k > 0 {
					b = append(b, ';')
				}
				b = f.Pubs[k].Key.AppendCanonical(b)
			}
			c.end(b)
			c.int(p.Transfers)
			c.int(p.Licences)
			c.int(p.Pledges)
			c.end(appendDate(c.begin(), p.LastTransfer, sep, full))
			c.end(appendDate(c.begin(), p.LastLicence, sep, full))
			c.end(appendDate(c.begin(), p.LastPledge, sep, full))
			if err := c.endRow(); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = c.bw.Flush()
	}
	if err == nil && tw != nil {
		err = tw.Close()
	}
	st.Bytes = cw.n
	return st, err
}

// cnName is an applicant's name in a CNIPA export: the Chinese name when it has one.
func (wd *World) cnName(ai int) string {
	if a := &wd.apps[ai]; a.NameZh != "" {
		return a.NameZh
	}
	return wd.apps[ai].Name
}

// ipcVersion returns the IPC version date printed after a code, e.g. 2006.01.
func ipcVersion(code string) string {
	switch {
	case strings.HasPrefix(code, "B64U"), strings.HasPrefix(code, "H04N23"), strings.HasPrefix(code, "G06N3"):
		return "2023.01"
	case strings.HasPrefix(code, "G06V"):
		return "2022.01"
	case strings.HasPrefix(code, "G01S17"):
		return "2020.01"
	case strings.HasPrefix(code, "B60L53"):
		return "2019.01"
	case strings.HasPrefix(code, "H04W"):
		return "2009.01"
	}
	return "2006.01"
}
