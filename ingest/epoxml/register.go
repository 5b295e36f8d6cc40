package epoxml

import (
	"sort"
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// mapRegister maps a reg:register-document (EP Register, epodoc-style numbers without kinds in
// places). It yields one record per EP publication the document lists (the EP A1/A2 …/B1
// publications of the EP application; the WO publication of a Euro-PCT application is not an EP
// document and is not emitted). Each carries: the application (EP number + docdb kind "A", date),
// priority claims, the current applicants and inventors (the group with the latest change-date;
// country from residence, else the address country), the current IPC list (its first code is
// main), the designated states of the latest designation-of-states group (the EP contracting
// states, or a Euro-PCT application's regional designation), titles, citations, and the EP procedural statuses as legal events (Date = change-date,
// Code = status-code, Description = the status text) with LegalStatus from the latest status
// (see registerStatus).
func (r *reader) mapRegister(d *regDoc, line int) []result {
	b := &d.Biblio
	var pubs []*docID
	for i := range b.PubRefs {
		id := &b.PubRefs[i].ID
		if strings.EqualFold(strings.TrimSpace(id.Country), "EP") {
			pubs = append(pubs, id)
		}
	}
	if len(pubs) == 0 {
		no := r.next()
		return []result{{err: r.recErr(no, line, "reg:publication-reference", "no EP publication", format.ErrBadNumber)}}
	}
	out := make([]result, 0, len(pubs))
	for _, id := range pubs {
		no := r.next()
		rec, e := r.registerRecord(d, id, no, line)
		if e != nil {
			out = append(out, result{err: e})
			continue
		}
		out = append(out, result{rec: rec})
	}
	return out
}

func (r *reader) registerRecord(d *regDoc, pub *docID, no, line int) (*patent.Record, *format.RecordError) {
	b := &d.Biblio
	rec := r.base(no)
	p := &rec.Patent
	pn, err := parseID(pub)
	if err != nil {
		return nil, r.recErr(no, line, "reg:publication-reference/reg:document-id", idString(pub), format.ErrBadNumber)
	}
	setNumber(rec, pn)
	if p.PubDate, err = dateOf(pub.Date); err != nil {
		return nil, r.recErr(no, line, "reg:publication-reference/reg:date", pub.Date, format.ErrBadDate)
	}
	setGrant(rec)

	// Application: the EP application-reference (the WO one of a Euro-PCT is a priority-like link).
	for i := range b.AppRefs {
		id := &b.AppRefs[i].ID
		if !strings.EqualFold(strings.TrimSpace(id.Country), "EP") {
			continue
		}
		kind := cleanKind(id.Kind)
		if kind == "" {
			kind = "A" // the docdb kind of every EP application
		}
		p.AppNumber = norm.AppNumber("EP" + strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(id.DocNumber)), "EP") + kind)
		if p.AppDate, err = dateOf(id.Date); err != nil {
			return nil, r.recErr(no, line, "reg:application-reference/reg:date", id.Date, format.ErrBadDate)
		}
		break
	}

	// Priorities: the latest priority-claims group.
	if g := latestPriorities(b.Priorities); g != nil {
		for _, c := range g.Claims {
			num := norm.AppNumber(c.Country + c.DocNumber + cleanKind(c.Kind))
			if strings.HasPrefix(num, "WO") {
				num = epodocApp(num)
			}
			if num != "" && !contains(p.Priorities, num) {
				p.Priorities = append(p.Priorities, num)
			}
			dt, err := dateOf(c.Date)
			if err != nil {
				return nil, r.recErr(no, line, "reg:priority-claim/reg:date", c.Date, format.ErrBadDate)
			}
			if dt.Valid() && (!p.PriorityDate.Valid() || dt.Before(p.PriorityDate.Time)) {
				p.PriorityDate = dt
			}
		}
	}

	// Designated states: the latest designation-of-states group.
	var states *regStates
	for i := range b.States {
		if states == nil || b.States[i].ChangeDate > states.ChangeDate {
			states = &b.States[i]
		}
	}
	if states != nil {
		for _, c := range append(append([]string(nil), states.PCT...), states.EPC...) {
			c = strings.ToUpper(strings.TrimSpace(c))
			if len(c) == 2 && isUpper(c[0]) && isUpper(c[1]) && !contains(p.DesignatedStates, c) {
				p.DesignatedStates = append(p.DesignatedStates, c)
			}
		}
		sort.Strings(p.DesignatedStates)
	}

	if t := pickLang(b.Titles); t != nil {
		p.Title = norm.CleanText(t.Text)
		p.TitleLang = langCode(t.Lang)
	}

	if g := latestParties(b.Applicants); g != nil {
		rec.Parties = appendRegParties(rec.Parties, patent.RoleApplicant, g.Applicants)
	}
	if g := latestParties(b.Inventors); g != nil {
		rec.Parties = appendRegParties(rec.Parties, patent.RoleInventor, g.Inventors)
	}

	// IPC: the latest classifications-ipcr group; its text is a comma-separated list, first = main.
	if g := latestIPCR(b.IPCR); g != nil {
		for _, t := range g.Texts {
			for _, code := range norm.SplitAny(t, ",;") {
				c, err := norm.ParseClass(code)
				if err != nil {
					continue
				}
				c.Scheme = patent.IPC
				c.IsMain = len(rec.Classifications) == 0
				rec.Classifications, _ = addClass(rec.Classifications, c)
			}
		}
	}

	if len(b.Citations) > 0 {
		cites, npl := 0, 0
		for i := range b.Citations {
			c := &b.Citations[i]
			cat := strings.TrimSpace(c.Category)
			switch {
			case c.Patcit != nil:
				cited := patcitNumber(c.Patcit)
				if cited == "" || hasCitation(rec.Citations, patent.CitePatent, cited) {
					continue
				}
				rec.Citations = append(rec.Citations, patent.Citation{Cited: cited, Kind: patent.CitePatent, Category: cat})
				cites++
			case c.Nplcit != nil:
				text := norm.CleanText(string(*c.Nplcit))
				if text == "" || hasCitation(rec.Citations, patent.CiteNPL, text) {
					continue
				}
				rec.Citations = append(rec.Citations, patent.Citation{Cited: text, Kind: patent.CiteNPL, Category: cat})
				npl++
			}
		}
		p.CitesCount, p.NPLCount = cites, npl
	}

	// Procedural statuses → legal events, oldest first; the latest decides the status.
	for _, s := range d.Statuses {
		dt, err := dateOf(s.ChangeDate)
		if err != nil {
			return nil, r.recErr(no, line, "reg:ep-patent-status/@change-date", s.ChangeDate, format.ErrBadDate)
		}
		rec.LegalEvents = append(rec.LegalEvents, patent.LegalEvent{
			Date: dt, Code: strings.TrimSpace(s.Code), Description: norm.CleanText(s.Text),
		})
	}
	sort.SliceStable(rec.LegalEvents, func(i, j int) bool { return rec.LegalEvents[i].Date.Before(rec.LegalEvents[j].Date.Time) })
	raw := norm.CleanText(d.Status)
	if n := len(rec.LegalEvents); n > 0 {
		raw = rec.LegalEvents[n-1].Description
	}
	if raw != "" {
		p.LegalRaw = raw
		p.LegalStatus = registerStatus(raw)
	}
	return rec, nil
}

// registerStatus maps an EP Register procedural status text to a legal status: granted states
// (patent granted, no opposition filed, opposition procedure, maintained as amended) → alive;
// withdrawn, refused, revoked, lapsed, expired → lapsed; published / search / examination /
// intention to grant → pending; anything else through norm.LegalStatus.
func registerStatus(text string) string {
	t := strings.ToLower(text)
	switch {
	case strings.Contains(t, "withdrawn"), strings.Contains(t, "refused"), strings.Contains(t, "revoked"),
		strings.Contains(t, "lapsed"), strings.Contains(t, "expired"), strings.Contains(t, "no longer in force"):
		return patent.Lapsed
	case strings.Contains(t, "patent has been granted"), strings.Contains(t, "no opposition filed"),
		strings.Contains(t, "opposition"), strings.Contains(t, "maintained"):
		return patent.Alive
	case strings.Contains(t, "examination"), strings.Contains(t, "published"), strings.Contains(t, "publication"),
		strings.Contains(t, "search report"), strings.Contains(t, "grant of patent is intended"),
		strings.Contains(t, "entry into the european phase"):
		return patent.Pending
	}
	return norm.LegalStatus(text)
}

func latestPriorities(gs []regPriorities) *regPriorities {
	var best *regPriorities
	for i := range gs {
		if best == nil || gs[i].ChangeDate > best.ChangeDate {
			best = &gs[i]
		}
	}
	return best
}

func latestParties(gs []regPartyGroup) *regPartyGroup {
	var best *regPartyGroup
	for i := range gs {
		if best == nil || gs[i].ChangeDate > best.ChangeDate {
			best = &gs[i]
		}
	}
	return best
}

func latestIPCR(gs []regIPCR) *regIPCR {
	var best *regIPCR
	for i := range gs {
		if best == nil || gs[i].ChangeDate > best.ChangeDate {
			best = &gs[i]
		}
	}
	return best
}

// appendRegParties adds register parties in sequence order with their address.
func appendRegParties(out []patent.Party, role string, ps []regParty) []patent.Party {
	start := len(out)
	for i := range ps {
		pp := &ps[i]
		name := strings.TrimSpace(pp.Name)
		if name == "" {
			continue
		}
		country := strings.ToUpper(strings.TrimSpace(pp.Residence))
		if country == "" {
			country = strings.ToUpper(strings.TrimSpace(pp.Address.Country))
		}
		var lines []string
		for _, l := range pp.Address.Lines {
			if l = norm.CleanText(l); l != "" {
				lines = append(lines, l)
			}
		}
		out = append(out, patent.Party{
			Role: role, Seq: seqNum(pp.Sequence), NameRaw: name, Country: country, Address: strings.Join(lines, ", "),
		})
	}
	added := out[start:]
	sort.SliceStable(added, func(i, j int) bool { return added[i].Seq < added[j].Seq })
	for i := range added {
		added[i].Seq = i + 1
	}
	return out
}
