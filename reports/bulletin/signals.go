package bulletin

import (
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports"
)

// kindColumns are the numbers each kind shows as table columns (all numbers are in the JSON).
var kindColumns = map[string][]string{
	warning.KindReserve:           {"domestic", "foreign"},
	warning.KindBubble:            {"domestic", "foreign"},
	warning.KindGrowthLag:         {"cagr_domestic", "cagr_foreign"},
	warning.KindWeakLeaders:       {"top10_domestic", "top10_foreign"},
	warning.KindPortfolio:         {"top3_share_domestic", "top3_share_foreign"},
	warning.KindMarketBarrier:     {"families_barrier", "families"},
	warning.KindSurge:             {"families_prev", "families_recent", "share_change", "domestic_recent"},
	warning.KindBlocking:          {"candidates", "holders", "domestic_recent"},
	warning.KindConcentrationRise: {"hhi_prev", "hhi_last"},
	warning.KindEntrant:           {"first_year", "families_whole", "share_since"},
	warning.KindExpiring:          {"months_left", "quality"},
	warning.KindLitigation:        {"events"},
	warning.KindInvalidation:      {"events", "quality"},
	warning.KindTransfer:          {"events", "quality"},
	warning.KindLicence:           {"events", "quality"},
	warning.KindChange:            {"quality"},
	warning.KindDeclaration:       {"families_new", "competitors", "standard_families"},
}

// familyKinds are about one patent: their table shows the patent instead of a subject.
var familyKinds = map[string]bool{warning.KindExpiring: true, warning.KindLitigation: true,
	warning.KindInvalidation: true, warning.KindTransfer: true, warning.KindLicence: true, warning.KindChange: true}

// chartKinds draw each signal's year series; patentKinds list each signal's patents (the
// others show their top three in the table).
var (
	chartKinds  = map[string]bool{warning.KindSurge: true, warning.KindConcentrationRise: true, warning.KindGrowthLag: true}
	patentKinds = map[string]bool{warning.KindBlocking: true, warning.KindSurge: true}
)

const (
	maxCharts      = 6 // year charts per kind and level
	patentsPerList = 5 // patents listed per signal on the page (the JSON keeps warning.MaxPatents)
)

// levelSection lists the signals of one level, grouped by kind: what the kind measures, a table
// of its signals with their numbers, state and top patents, year charts for kinds with a
// series, and the patent lists of blocking candidates, surges and entrants.
func (p *pageBuilder) levelSection(level string) *reports.Section {
	byKind := map[string][]warning.Signal{}
	n := 0
	for _, s := range p.b.Signals {
		if s.Level == level {
			byKind[s.Kind] = append(byKind[s.Kind], s)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	s := p.section(level)
	for _, kind := range warning.Kinds {
		sigs := byKind[kind]
		if len(sigs) == 0 {
			continue
		}
		s.Blocks = append(s.Blocks, reports.Block{Heading: p.t("kind:"+kind) + " (" + p.l.Int(len(sigs)) + ")", Para: p.kindDesc(kind)})
		s.Blocks = append(s.Blocks, reports.Block{Table: p.signalTable(kind, sigs)})
		if chartKinds[kind] {
			var grid []reports.Block
			for i, sg := range sigs {
				if i == maxCharts {
					break
				}
				if c := p.seriesChart(p.title(sg), p.named(sg), sg.SeriesUnit, 360, 160); c != nil {
					c.Caption = p.subject(sg)
					grid = append(grid, reports.Block{Chart: c})
				}
			}
			if len(grid) > 0 {
				b := reports.Block{Grid: grid}
				if len(sigs) > maxCharts {
					b.Note = p.t("charts.more", "n", p.l.Int(maxCharts), "total", p.l.Int(len(sigs)))
				}
				s.Blocks = append(s.Blocks, b)
			}
		}
		if patentKinds[kind] {
			for _, sg := range sigs {
				if t := p.patentTable(sg); t != nil {
					s.Blocks = append(s.Blocks, reports.Block{Table: t})
				}
			}
		}
	}
	return s
}

// kindDesc says what a kind measures and how its level is set, with the thresholds used.
func (p *pageBuilder) kindDesc(kind string) string {
	l, M := p.l, p.b.Meta
	th := M.Thresholds
	office := p.t("office", "o", orNA(l, M.Office))
	switch kind {
	case warning.KindReserve:
		return p.t("kdesc:reserve", "office", office, "t", ratio(l, th.ReserveLow))
	case warning.KindBubble:
		return p.t("kdesc:bubble", "office", office, "t", ratio(l, th.Bubble))
	case warning.KindGrowthLag:
		return p.t("kdesc:growth_lag", "office", office, "w", strconv.Itoa(th.WindowYears), "t", ratio(l, th.GrowthLag))
	case warning.KindWeakLeaders:
		return p.t("kdesc:weak_leaders", "office", office, "t", ratio(l, th.WeakLeaders))
	case warning.KindPortfolio:
		return p.t("kdesc:portfolio_concentration", "t", ratio(l, th.PortfolioConcentration))
	case warning.KindMarketBarrier:
		return p.t("kdesc:market_barrier", "offices", p.barrierOffices(), "t", l.Pct(th.MarketBarrier))
	case warning.KindSurge:
		return p.t("kdesc:surge", "r", l.Span(M.RecentFrom, M.RecentTo), "q", l.Span(M.PrevFrom, M.PrevTo),
			"g", l.Num(th.SurgeGrowth, 2), "d", l.Pct(th.SurgeShareChange))
	case warning.KindBlocking:
		return p.t("kdesc:blocking", "p", l.Num(th.BlockingQualityPercent, 3))
	case warning.KindConcentrationRise:
		return p.t("kdesc:concentration_rise", "y0", p.year(M.LastComplete-1), "y1", p.year(M.LastComplete), "t", l.Num(th.ConcentrationRise, 0))
	case warning.KindEntrant:
		return p.t("kdesc:entrant", "since", p.year(M.LastComplete-2))
	case warning.KindExpiring:
		return p.t("kdesc:expiring", "until", orNA(l, M.ExpiringUntil), "p", l.Num(1-M.CoreShare, 3))
	case warning.KindLitigation:
		return p.t("kdesc:litigation")
	case warning.KindChange:
		return p.t("kdesc:patent_change", "p", l.Num(1-M.CoreShare, 3))
	case warning.KindDeclaration:
		return p.t("kdesc:sep_declaration", "domestic", orNA(l, M.Domestic))
	}
	return p.t("kdesc:event", "kind", p.t("event:"+kind), "p", l.Num(1-M.CoreShare, 3))
}

// signalTable lists the signals of one kind and level.
func (p *pageBuilder) signalTable(kind string, sigs []warning.Signal) *reports.Table {
	l := p.l
	cols := kindColumns[kind]
	t := &reports.Table{}
	thresholdKind := kind != warning.KindBlocking && kind != warning.KindEntrant && kind != warning.KindDeclaration && !familyKinds[kind]
	if familyKinds[kind] {
		t.Head = []string{p.t("col.pub"), p.t("col.appl"), p.t("col.status")}
		t.Num = []bool{false, false, false}
		t.NoWrap = []bool{true, false, true}
	} else {
		t.Head = []string{p.t("col.subject")}
		t.Num = []bool{false}
		t.NoWrap = []bool{false}
		if thresholdKind {
			t.Head = append(t.Head, p.t("col.value"), p.t("col.factor"))
			t.Num = append(t.Num, true, true)
			t.NoWrap = append(t.NoWrap, false, false)
		}
	}
	for _, c := range cols {
		t.Head = append(t.Head, p.numberLabel(c))
		t.Num = append(t.Num, true)
		t.NoWrap = append(t.NoWrap, false)
	}
	if familyKinds[kind] {
		t.Head = append(t.Head, p.t("col.date"))
		t.Num = append(t.Num, false)
		t.NoWrap = append(t.NoWrap, true)
	} else {
		t.Head = append(t.Head, p.t("col.pats"))
		t.Num = append(t.Num, false)
		t.NoWrap = append(t.NoWrap, false)
	}
	t.Head = append(t.Head, p.t("col.state"))
	t.Num = append(t.Num, false)
	t.NoWrap = append(t.NoWrap, true)
	for _, s := range sigs {
		var cells []reports.Cell
		if familyKinds[kind] {
			pr := warning.PatentRef{PubNumber: s.Family}
			if len(s.Patents) > 0 {
				pr = s.Patents[0]
			}
			cells = append(cells, reports.Cell{Text: pr.PubNumber, Sub: pr.Title}, reports.Cell{Text: orNA(l, pr.Applicant), Sub: pr.Country},
				reports.Cell{Text: p.status(pr)})
		} else {
			cells = append(cells, reports.Cell{Text: p.subject(s), Sub: s.ID})
			if thresholdKind {
				v, th := l.NA(), ""
				if s.Value != nil {
					v = p.kindValue(kind, *s.Value)
				}
				if s.Threshold != nil {
					th = p.t("warns."+s.Direction, "t", p.kindValue(kind, *s.Threshold))
				}
				f := "∞"
				if s.Excess != nil {
					f = "×" + l.Num(*s.Excess, 2)
				}
				if s.Level == warning.LevelInfo {
					f = p.t("near")
				}
				cells = append(cells, reports.Cell{Text: v, Sub: th}, reports.Cell{Text: f})
			}
		}
		for _, c := range cols {
			cells = append(cells, reports.Cell{Text: p.numberText(s.Numbers, c)})
		}
		if familyKinds[kind] {
			d := s.Date
			if d == "" && len(s.Patents) > 0 {
				d = s.Patents[0].Expiry
			}
			cells = append(cells, reports.Cell{Text: orNA(l, d)})
		} else {
			var pubs, who []string
			for i, pr := range s.Patents {
				if i == 3 {
					break
				}
				pubs = append(pubs, pr.PubNumber)
				if pr.Applicant != "" && !contains(who, pr.Applicant) {
					who = append(who, pr.Applicant)
				}
			}
			txt := strings.Join(pubs, p.listSep())
			if s.PatentsTotal > len(pubs) {
				txt += " " + p.t("of.total", "n", l.Int(s.PatentsTotal))
			}
			cells = append(cells, reports.Cell{Text: orNA(l, txt), Sub: strings.Join(who, p.listSep())})
		}
		st := reports.Cell{Text: p.stateName(s.State)}
		if s.PrevLevel != "" && s.State != warning.StateUnchanged {
			st.Sub = p.t("was", "prev", p.levelName(s.PrevLevel))
		}
		cells = append(cells, st)
		r := reports.Row{Cells: cells}
		if s.State == warning.StateNew || s.State == warning.StateEscalated {
			r.Class = "flag"
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// named returns a signal's series with the "applicant" series named after its applicant.
func (p *pageBuilder) named(s warning.Signal) []warning.Series {
	out := make([]warning.Series, len(s.Series))
	for i, x := range s.Series {
		out[i] = x
		if x.Name == "applicant" && s.Applicant != "" {
			out[i].Name = s.Applicant
		}
	}
	return out
}

// status is a patent's legal status, "presumed alive" when presumed.
func (p *pageBuilder) status(pr warning.PatentRef) string {
	if pr.Presumed {
		return p.t("presumed")
	}
	return p.l.Term("status", orNA(p.l, pr.Status))
}

// patentTable lists the top patents behind a signal.
func (p *pageBuilder) patentTable(s warning.Signal) *reports.Table {
	l := p.l
	if len(s.Patents) == 0 {
		return nil
	}
	n := min(len(s.Patents), patentsPerList)
	t := &reports.Table{Caption: p.subject(s) + " — " + p.t("card.patents", "n", l.Int(n), "total", l.Int(s.PatentsTotal)),
		Head:   []string{p.t("col.pub"), p.t("col.title"), p.t("col.appl"), p.t("col.py"), p.t("col.status"), p.t("col.qual"), p.t("col.expiry")},
		Num:    []bool{false, false, false, true, false, true, false},
		NoWrap: []bool{true, false, false, false, true, false, true}}
	for _, pr := range s.Patents[:n] {
		q := l.NA()
		if pr.Quality != nil {
			q = strconv.FormatFloat(*pr.Quality, 'f', 3, 64)
		}
		exp, expSub := l.NA(), ""
		if pr.Expiry != "" {
			exp, expSub = pr.Expiry, p.t("estimated")
			if pr.ExpiryStated {
				expSub = p.t("stated")
			}
		}
		t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: pr.PubNumber, Sub: pr.FamilyID}, {Text: pr.Title},
			{Text: orNA(l, pr.Applicant), Sub: pr.Country}, {Text: p.year(pr.Year)}, {Text: p.status(pr)}, {Text: q}, {Text: exp, Sub: expSub}}})
	}
	return t
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// listSep separates the items of a list in one cell: ", " on the en page, "、" on the zh page.
func (p *pageBuilder) listSep() string {
	if p.lang == "zh" {
		return "、"
	}
	return ", "
}
