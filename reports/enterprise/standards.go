package enterprise

import "github.com/patnav/patnav/reports"

// standards is the enterprise's declared standard-essential families per standard and its share
// of each standard's declared families (the macro model's standards section), in the portfolio
// section; nil when the lake holds no declarations naming a family in scope.
func (b *pageBuilder) standards() *reports.Block {
	st := b.e.Standards
	if st == nil || len(st.Shares) == 0 {
		return nil
	}
	l := b.l
	t := &reports.Table{Caption: b.t("std.caption", "n", l.Int(st.Families)), Head: []string{b.t("std.col.standard"), l.T("col.families"), b.t("std.col.share")},
		Num: []bool{false, true, true}, Note: b.t("std.note")}
	for _, x := range st.Shares {
		share := b.t("std.short")
		if x.Share != nil {
			share = l.PctP(x.Share)
		}
		t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: x.Standard}, {Text: l.Int(x.Families)}, {Text: share}}})
	}
	return &reports.Block{Heading: b.t("std.heading"), Table: t}
}
