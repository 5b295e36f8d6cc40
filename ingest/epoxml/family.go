package epoxml

import (
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// mapFamilyMember maps an ops:family-member. With the biblio constituent the member embeds
// exchange-documents: those are the records. Otherwise the member yields one minimal record per
// docdb publication (epodoc when it lists none): number, publication date, application, priority
// claims and family id. The legal events of a legal response are attached to every record of the
// member, and LegalStatus/LegalRaw are derived from them (see inpadocStatus).
func (r *reader) mapFamilyMember(m *famMember, line int) []result {
	events, evErr := r.legalEvents(m.Legal)
	status, raw := inpadocStatus(events)
	finish := func(rec *patent.Record) {
		if len(events) > 0 {
			rec.LegalEvents = append([]patent.LegalEvent(nil), events...)
			rec.Patent.LegalStatus, rec.Patent.LegalRaw = status, raw
		}
	}

	if len(m.Docs) > 0 {
		out := make([]result, 0, len(m.Docs))
		for i := range m.Docs {
			no := r.next()
			if evErr != nil {
				out = append(out, result{err: r.recErr(no, line, evErr.field, evErr.value, format.ErrBadDate)})
				continue
			}
			rec := r.base(no)
			if e := r.fillExchange(rec, &m.Docs[i], no, line); e != nil {
				out = append(out, result{err: e})
				continue
			}
			if rec.Patent.FamilyID == "" {
				rec.Patent.FamilyID = strings.TrimSpace(m.FamilyID)
			}
			finish(rec)
			out = append(out, result{rec: rec})
		}
		return out
	}

	// The publications of the member: every docdb document-id, else the epodoc ones.
	var ids []*docID
	for _, want := range []string{fmtDocdb, fmtEpodoc} {
		for i := range m.PubRefs {
			for j := range m.PubRefs[i].IDs {
				id := &m.PubRefs[i].IDs[j]
				if idType(m.PubRefs[i].DataFormat, id) == want {
					ids = append(ids, id)
				}
			}
		}
		if len(ids) > 0 {
			break
		}
	}
	if len(ids) == 0 {
		no := r.next()
		return []result{{err: r.recErr(no, line, "family-member/publication-reference", "", format.ErrBadNumber)}}
	}
	out := make([]result, 0, len(ids))
	for _, id := range ids {
		no := r.next()
		if evErr != nil {
			out = append(out, result{err: r.recErr(no, line, evErr.field, evErr.value, format.ErrBadDate)})
			continue
		}
		rec := r.base(no)
		pn, err := parseID(id)
		if err != nil {
			out = append(out, result{err: r.recErr(no, line, "family-member/publication-reference/document-id", idString(id), format.ErrBadNumber)})
			continue
		}
		setNumber(rec, pn)
		rec.Patent.FamilyID = strings.TrimSpace(m.FamilyID)
		if rec.Patent.PubDate, err = dateOf(id.Date); err != nil {
			out = append(out, result{err: r.recErr(no, line, "publication-reference/document-id/date", id.Date, format.ErrBadDate)})
			continue
		}
		setGrant(rec)
		if e := r.setApplication(rec, m.AppRefs, no, line); e != nil {
			out = append(out, result{err: e})
			continue
		}
		if e := r.setPriorities(rec, m.Priorities, no, line); e != nil {
			out = append(out, result{err: e})
			continue
		}
		finish(rec)
		out = append(out, result{rec: rec})
	}
	return out
}

type fieldErr struct{ field, value string }

// legalEvents maps ops:legal elements, every one an event of its own: Date is the gazette date
// (L007EP, else the effective date L525EP), GazetteDate the gazette date, Code the code
// attribute, Description the desc attribute, State the state the event concerns (L501EP, else
// the document's office L001EP), Effect the infl attribute (+ or -), Text the free-format text
// (L510EP), else the event's raw INPADOC line.
func (r *reader) legalEvents(ls []legalXML) ([]patent.LegalEvent, *fieldErr) {
	if len(ls) == 0 {
		return nil, nil
	}
	out := make([]patent.LegalEvent, 0, len(ls))
	for i := range ls {
		l := &ls[i]
		eff := strings.TrimSpace(l.EffDate)
		if eff == "" {
			eff = strings.TrimSpace(l.Detail.EffDate)
		}
		field, raw := "legal/L007EP", strings.TrimSpace(l.GazetteDate)
		if raw == "" {
			field, raw = "legal/L525EP", eff
		}
		d, err := dateOf(raw)
		if err != nil {
			return nil, &fieldErr{field, raw}
		}
		ev := patent.LegalEvent{Date: d, Code: strings.TrimSpace(l.Code), Description: norm.CleanText(l.Desc),
			State: strings.ToUpper(strings.TrimSpace(l.Detail.State))}
		if ev.State == "" {
			ev.State = strings.ToUpper(strings.TrimSpace(l.Office))
		}
		if g := strings.TrimSpace(l.GazetteDate); g != "" {
			ev.GazetteDate = d
		}
		switch strings.TrimSpace(l.Infl) {
		case "+":
			ev.Effect = "+"
		case "-":
			ev.Effect = "-"
		}
		var text []string
		for _, t := range l.Detail.Text {
			if t = norm.CleanText(t); t != "" {
				text = append(text, t)
			}
		}
		if len(text) > 0 {
			ev.Text = strings.Join(text, " ")
		} else {
			ev.Text = strings.Join(strings.Fields(l.Pre), " ")
		}
		out = append(out, ev)
	}
	return out, nil
}

// mapFulltext maps an ftxt:fulltext-document to an attachment record (patent.Record.Attachment):
// the publication's claims (the English ones when there are several languages) or abstract.
// It returns what the document held, for the notice ("claims", "abstract", "description").
func (r *reader) mapFulltext(d *fulltextDoc, line int) (result, string) {
	no := r.next()
	what := "description"
	var id *docID
	for _, want := range []string{fmtDocdb, fmtEpodoc, ""} {
		for i := range d.PubRefs {
			for j := range d.PubRefs[i].IDs {
				if x := &d.PubRefs[i].IDs[j]; id == nil && idType(d.PubRefs[i].DataFormat, x) == want {
					id = x
				}
			}
		}
	}
	if id == nil {
		return result{err: r.recErr(no, line, "fulltext-document/publication-reference", "", format.ErrBadNumber)}, what
	}
	pn, err := parseID(id)
	if err != nil {
		return result{err: r.recErr(no, line, "fulltext-document/publication-reference/document-id", idString(id), format.ErrBadNumber)}, what
	}
	rec := r.base(no)
	setNumber(rec, pn)
	rec.Attachment = true
	best := -1
	for i, c := range d.Claims {
		if best < 0 || strings.EqualFold(c.Lang, "en") && !strings.EqualFold(d.Claims[best].Lang, "en") {
			best = i
		}
	}
	if best >= 0 {
		var parts []string
		for _, c := range d.Claims[best].Claims {
			for _, t := range c.Texts {
				if t = norm.CleanText(t); t != "" {
					parts = append(parts, t)
				}
			}
		}
		rec.Patent.Claims = strings.Join(parts, "\n")
		what = "claims"
	}
	if len(d.Abstracts) > 0 {
		rec.Patent.Abstract = norm.CleanText(d.Abstracts[0].Text)
		if what != "claims" {
			what = "abstract"
		}
	}
	return result{rec: rec}, what
}

// inpadocStatus derives LegalStatus from INPADOC events where the description is clear: lapse,
// expiry, withdrawal, refusal, revocation, cessation → lapsed; grant, renewal fee paid,
// reinstatement → alive; everything else (examination request, publication, changes of owner …)
// says nothing about the status. The latest such decisive event wins (by date; at equal dates the
// later one in the file). Events about a single designated/contracting state (EP PG25 "lapsed in a
// contracting state") and about oppositions are not decisive. LegalRaw is the description of the
// decisive event, else of the latest event. Without a decisive event the status is unknown.
func inpadocStatus(events []patent.LegalEvent) (string, string) {
	status, raw := patent.Unknown, ""
	var decisive, latest *patent.LegalEvent
	for i := range events {
		e := &events[i]
		if latest == nil || !e.Date.Before(latest.Date.Time) {
			latest = e
		}
		s := classifyEvent(e.Description)
		if s == patent.Unknown {
			continue
		}
		if decisive == nil || !e.Date.Before(decisive.Date.Time) {
			decisive, status = e, s
		}
	}
	switch {
	case decisive != nil:
		raw = decisive.Description
	case latest != nil:
		raw = latest.Description
	}
	return status, raw
}

func classifyEvent(desc string) string {
	d := strings.ToUpper(desc)
	for _, w := range []string{"CONTRACTING STATE", "DESIGNATED STATE", "OPPOSITION"} {
		if strings.Contains(d, w) {
			return patent.Unknown
		}
	}
	for _, w := range []string{"LAPSE", "EXPIR", "WITHDRAW", "REFUS", "REVOK", "REVOCATION", "CEASE", "ABANDON",
		"NO LONGER IN FORCE", "TERMINATION", "NON-PAYMENT", "NONPAYMENT"} {
		if strings.Contains(d, w) {
			return patent.Lapsed
		}
	}
	if strings.Contains(d, "INTENTION TO GRANT") || strings.Contains(d, "GRANT INTENDED") ||
		strings.Contains(d, "REQUEST FOR GRANT") {
		return patent.Unknown
	}
	for _, w := range []string{"GRANT", "PATENTED", "FEE PAID", "FEE PAYMENT", "REINSTATE", "RESTORATION", "RESTORED"} {
		if strings.Contains(d, w) {
			return patent.Alive
		}
	}
	return patent.Unknown
}

// mapSearch maps an ops:search-result publication-reference to a minimal record: publication
// number, office, kind, doc type and family id. A search result is a list of hits, not
// bibliographic data; the record lets the hit list be loaded and joined to fuller records.
func (r *reader) mapSearch(s *searchRef, line int) result {
	no := r.next()
	var id *docID
	for _, want := range []string{fmtDocdb, fmtEpodoc, ""} {
		for j := range s.IDs {
			if idType("", &s.IDs[j]) == want {
				id = &s.IDs[j]
				break
			}
		}
		if id != nil {
			break
		}
	}
	if id == nil {
		return result{err: r.recErr(no, line, "search-result/publication-reference", "", format.ErrBadNumber)}
	}
	pn, err := parseID(id)
	if err != nil {
		return result{err: r.recErr(no, line, "search-result/publication-reference/document-id", idString(id), format.ErrBadNumber)}
	}
	rec := r.base(no)
	setNumber(rec, pn)
	rec.Patent.FamilyID = strings.TrimSpace(s.FamilyID)
	if rec.Patent.PubDate, err = dateOf(id.Date); err != nil {
		return result{err: r.recErr(no, line, "publication-reference/document-id/date", id.Date, format.ErrBadDate)}
	}
	setGrant(rec)
	return result{rec: rec}
}
