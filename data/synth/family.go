package synth

import (
	"math"
	"math/rand/v2"
	"slices"
)

const (
	l1FC = iota
	l1PW
	l1CM
	l1SN
	l1AF
	l1PL
	l1CU
)

func (f *Family) addApp(ref AppRef, cnType int, st Status, grant Day, viaPCT bool) int {
	f.apps = append(f.apps, ref)
	f.astat = append(f.astat, appState{status: st, grant: grant, cnType: cnType, viaPCT: viaPCT})
	return len(f.apps) - 1
}

func (f *Family) addPub(app int, kind, doc string, date Day) {
	ref := f.apps[app]
	st := f.astat[app]
	f.all = append(f.all, Publication{Key: PubKey{Office: ref.Office, Kind: kind}, DocType: doc,
		PubDate: snapWeekday(date, ref.Office, kind), Status: st.status, GrantDate: st.grant,
		ViaPCT: st.viaPCT, app: app})
}

// snapWeekday moves a publication date to the office's publication weekday.
func snapWeekday(d Day, office, kind string) Day {
	wd := (int(d) + 4) % 7 // 0 = Sunday
	target := -1
	switch office {
	case "CN":
		if wd <= 2 {
			target = 2
		} else {
			target = 5
		}
	case "US":
		if kind == "A1" {
			target = 4
		} else {
			target = 2
		}
	case "EP":
		target = 3
	case "WO", "JP":
		target = 4
	}
	if target < 0 {
		switch wd {
		case 0:
			return d + 1
		case 6:
			return d + 2
		}
		return d
	}
	return d + Day((target-wd+7)%7)
}

// lifecycle returns the status at the cut-off of an application granted at grant: lapsed when a
// geometric lapse time (annual hazard) falls before the term end and the cut-off, expired when
// the term has ended, else alive; pending when the grant is after the cut-off.
func (w *World) lifecycle(r *rand.Rand, filed, grant Day, termYears int, hazard float64) Status {
	if grant > w.cutoff {
		return StatusPending
	}
	expiry := filed + Day(termYears*365+termYears/4)
	years := int(math.Log(1-r.Float64())/math.Log(1-hazard)) + 1
	lapse := grant + Day(years*365)
	switch {
	case lapse < expiry && lapse <= w.cutoff:
		return StatusLapsed
	case expiry <= w.cutoff:
		return StatusExpired
	}
	return StatusAlive
}

// examine decides an examined application: granted (with probability grantP, minM–maxM months
// after filing), refused or withdrawn; pending when the decision is after the cut-off. The grant
// day is returned only when it is on or before the cut-off.
func (w *World) examine(r *rand.Rand, filed Day, grantP float64, minM, maxM int, hazard float64) (Status, Day) {
	if r.Float64() < grantP {
		g := addMonths(filed, minM+r.IntN(maxM-minM+1)) + Day(r.IntN(28))
		st := w.lifecycle(r, filed, g, 20, hazard)
		if st == StatusPending {
			return st, NoDay
		}
		return st, g
	}
	refused := r.Float64() < 0.45
	var d Day
	if refused {
		d = addMonths(filed, 30+r.IntN(31))
	} else {
		d = addMonths(filed, 20+r.IntN(29))
	}
	switch {
	case d > w.cutoff:
		return StatusPending, NoDay
	case refused:
		return StatusRefused, NoDay
	}
	return StatusWithdrawn, NoDay
}

// examined adds an examined application at office with its A publication at pubA and, when
// granted by the cut-off, its grant publication.
func (w *World) examined(f *Family, r *rand.Rand, ref AppRef, cnType int, viaPCT bool, pubA Day, grantP float64, minM, maxM int, hazard float64) {
	st, g := w.examine(r, ref.Date, grantP, minM, maxM, hazard)
	i := f.addApp(ref, cnType, st, g, viaPCT)
	kA, kB := "A", "B"
	switch ref.Office {
	case "US":
		kA, kB = "A1", "B2"
	case "EP", "FR":
		kA, kB = "A1", "B1"
	case "JP":
		kB = "B2"
	case "KR":
		kB = "B1"
	case "DE":
		kA, kB = "A1", ""
	}
	f.addPub(i, kA, DocInvention, pubA)
	if g.Valid() && kB != "" {
		f.addPub(i, kB, DocInvention, g)
	}
}

// plan lays out a family's applications and publications (numbers are assigned later). It
// depends only on the main applicant, the branch, the priority date and r, so pass 1 and pass 2
// produce the same plan.
func (w *World) plan(f *Family, r *rand.Rand, prio Day) {
	a := &w.apps[f.Applicants[0]]
	home := a.homeOff
	l1 := leafL1[f.leaf]
	hazard := 0.06
	switch a.Kind {
	case KindUniversity, KindInstitute:
		hazard = 0.14
	case KindIndividual:
		hazard = 0.22
	}
	if a.Country == "CN" && a.Kind == KindEnterprise {
		hazard = 0.1
	}
	m18 := func() Day { return addMonths(prio, 18) + Day(r.IntN(10)) }
	examinedHome := true
	switch home {
	case "CN":
		switch {
		case (a.Kind == KindEnterprise || a.Kind == KindIndividual) && (l1 == l1AF || l1 == l1PL) && r.Float64() < 0.06:
			g := prio + Day(120+r.IntN(150))
			term := 10
			if prio >= DayOf(2021, 6, 1) {
				term = 15
			}
			i := f.addApp(AppRef{"CN", 0, "F", prio}, 3, w.lifecycle(r, prio, g, term, 0.2), g, false)
			f.addPub(i, "S", DocDesign, g)
			examinedHome = false
		case r.Float64() < a.utility:
			g := prio + Day(120+r.IntN(180))
			i := f.addApp(AppRef{"CN", 0, "U", prio}, 2, w.lifecycle(r, prio, g, 10, hazard+0.06), g, false)
			f.addPub(i, "U", DocUtilityModel, g)
			examinedHome = false
		default:
			pubA := m18()
			if r.Float64() < 0.4 {
				pubA = addMonths(prio, 6+r.IntN(7)) + Day(r.IntN(10))
			}
			w.examined(f, r, AppRef{"CN", 0, "A", prio}, 1, false, pubA, a.grant, 16, 54, hazard)
		}
	case "US":
		filed := prio
		if a.Kind != KindIndividual && r.Float64() < 0.3 {
			f.addApp(AppRef{"US", 0, "P", prio}, 0, StatusUnknown, NoDay, false)
			filed = prio + 365 - Day(r.IntN(15))
		}
		w.examined(f, r, AppRef{"US", 0, "A", filed}, 0, false, m18(), a.grant, 20, 42, hazard)
	case "JP":
		w.examined(f, r, AppRef{"JP", 0, "A", prio}, 0, false, m18(), a.grant*0.9, 30, 60, hazard)
	case "KR":
		w.examined(f, r, AppRef{"KR", 0, "A", prio}, 0, false, m18(), a.grant, 18, 40, hazard)
	case "DE":
		w.examined(f, r, AppRef{"DE", 0, "A", prio}, 0, false, m18(), 0.3, 30, 60, hazard)
	case "FR":
		w.examined(f, r, AppRef{"FR", 0, "A", prio}, 0, false, m18(), 0.7, 24, 40, hazard)
	case "GB":
		w.examined(f, r, AppRef{"GB", 0, "A", prio}, 0, false, m18(), 0.5, 36, 54, hazard)
	case "IL":
		w.examined(f, r, AppRef{"IL", 0, "A", prio}, 0, false, m18(), 0.5, 48, 72, hazard)
	case "TW":
		if r.Float64() < 0.3 {
			g := prio + Day(120+r.IntN(120))
			i := f.addApp(AppRef{"TW", 0, "U", prio}, 2, w.lifecycle(r, prio, g, 10, hazard+0.06), g, false)
			f.addPub(i, "U", DocUtilityModel, g)
			examinedHome = false
		} else {
			w.examined(f, r, AppRef{"TW", 0, "A", prio}, 1, false, m18(), 0.6, 24, 48, hazard)
		}
	}
	if !examinedHome || r.Float64() >= a.abroad {
		return
	}
	// Filing abroad: PCT and/or Paris route to the big offices.
	pct := r.Float64() < 0.7
	if a.Country == "CN" {
		pct = r.Float64() < 0.85
	}
	var pctDate Day
	if pct {
		pctDate = addMonths(prio, 12) - Day(r.IntN(10))
		i := f.addApp(AppRef{home, 0, "W", pctDate}, 0, StatusUnknown, NoDay, false)
		f.addPub(i, "A1", DocInvention, addMonths(prio, 18)+Day(r.IntN(7)))
		f.all[len(f.all)-1].Key.Office = "WO"
	}
	targets := [...]string{"CN", "US", "EP", "JP", "KR"}
	probs := [...]float64{0.75, 0.85, 0.55, 0.3, 0.25}
	if a.Country == "CN" {
		probs = [...]float64{0, 0.85, 0.5, 0.25, 0.2}
	}
	added := false
	for k, t := range targets {
		if t == home || r.Float64() >= probs[k] {
			continue
		}
		added = true
		w.foreignMember(f, r, a, t, prio, pctDate, hazard)
	}
	if !added && !pct {
		t := "US"
		if home == "US" {
			t = "CN"
		}
		w.foreignMember(f, r, a, t, prio, pctDate, hazard)
	}
}

func (w *World) foreignMember(f *Family, r *rand.Rand, a *applicant, office string, prio, pctDate Day, hazard float64) {
	filed := addMonths(prio, 12) - Day(r.IntN(20))
	pub := addMonths(prio, 18+r.IntN(3)) + Day(r.IntN(20))
	via := pctDate.Valid() && pctDate != 0
	if via {
		filed = pctDate
		pub = addMonths(prio, 31+r.IntN(10)) + Day(r.IntN(20))
	}
	cnType := 1
	if office == "CN" && via {
		cnType = 8 // CN national-phase applications carry an 8 in the type position
	}
	minM, maxM := 24, 54
	switch office {
	case "EP":
		minM, maxM = 36, 66
	case "JP":
		minM, maxM = 30, 60
	}
	w.examined(f, r, AppRef{office, 0, "A", filed}, cnType, via, pub, a.grant*0.95, minM, maxM, hazard*0.8)
}

// detail completes a planned family (pass 2): numbers, emitted publications, names, codes,
// inventors, text, operations.
func (w *World) detail(f *Family, r *rand.Rand, num *numberer, s *famSkel) {
	for i := range f.apps {
		ap := &f.apps[i]
		if ap.Kind == "W" {
			ap.Number = num.pctNumber(r, ap.Office, ap.Date.Year())
			f.PCT = *ap
			continue
		}
		ap.Number = num.appNumber(r, ap.Office, ap.Kind, ap.Date.Year(), f.astat[i].cnType)
	}
	f.Priority = f.apps[0]

	// Emitted publications in date order.
	for _, p := range f.all {
		if p.PubDate <= w.cutoff {
			f.Pubs = append(f.Pubs, p)
		}
	}
	slices.SortStableFunc(f.Pubs, func(a, b Publication) int { return int(a.PubDate) - int(b.PubDate) })
	main := &w.apps[f.Applicants[0]]
	for i := range f.Pubs {
		p := &f.Pubs[i]
		p.App = f.apps[p.app]
		if p.GrantDate.Valid() && p.GrantDate > w.cutoff {
			p.GrantDate = NoDay
		}
		p.Owner = f.Applicants[0]
		year := p.PubDate.Year()
		switch {
		case p.Key.Office == "DE":
			p.Key.Number = p.App.Number
		case reusesNumber(p.Key):
			p.Key.Number = 0
			for j := 0; j < i; j++ {
				if f.Pubs[j].app == p.app {
					p.Key.Number = f.Pubs[j].Key.Number
					break
				}
			}
			if p.Key.Number == 0 {
				p.Key.Number = num.pubNumber(r, p.Key.Office, p.Key.Kind, year)
			}
		default:
			p.Key.Number = num.pubNumber(r, p.Key.Office, p.Key.Kind, year)
		}
		switch p.Key.Office {
		case "US":
			p.Claims = 12 + r.IntN(19)
		case "EP":
			p.Claims = 10 + r.IntN(9)
		case "CN":
			if p.DocType == DocUtilityModel {
				p.Claims = 3 + r.IntN(8)
			} else if p.DocType == DocDesign {
				p.Claims = 1
			} else {
				p.Claims = 5 + r.IntN(11)
			}
		default:
			p.Claims = 3 + r.IntN(13)
		}
		switch p.Key.Office {
		case "US", "EP", "WO", "CN":
			p.FullText = true
		default:
			p.FullText = false
		}
		// Applicant names as printed on this document.
		start := len(f.names)
		for _, ai := range f.Applicants {
			f.names = append(f.names, w.nameVariant(r, ai, p.Key.Office, year))
		}
		p.Applicants = f.names[start:len(f.names):len(f.names)]
		p.Transfers, p.Licences, p.Pledges = 0, 0, 0
		p.LastTransfer, p.LastLicence, p.LastPledge = NoDay, NoDay, NoDay
	}
	w.operations(f, r, main)

	// Classification codes.
	if f.Pubs[0].DocType != DocDesign {
		d := &leafDefs[f.leaf]
		n := 1 + r.IntN(3)
		for k := 0; k < n; k++ {
			j := r.IntN(len(d.ipc))
			if k == 0 {
				j = r.IntN(2)
			}
			f.IPC = appendUniq(f.IPC, d.ipc[j])
			f.CPC = appendUniq(f.CPC, d.cpc[j])
		}
		if r.Float64() < 0.35 { // a sibling leaf
			sib := r.IntN(len(leafDefs))
			for k := 0; k < 8 && leafDefs[sib].parent != d.parent; k++ {
				sib = r.IntN(len(leafDefs))
			}
			j := r.IntN(4)
			f.IPC = appendUniq(f.IPC, leafDefs[sib].ipc[j])
			f.CPC = appendUniq(f.CPC, leafDefs[sib].cpc[j])
		}
		if r.Float64() < 0.2 { // a neighbouring branch
			o := r.IntN(len(leafDefs))
			j := r.IntN(4)
			f.IPC = appendUniq(f.IPC, leafDefs[o].ipc[j])
			f.CPC = appendUniq(f.CPC, leafDefs[o].cpc[j])
		}
		if r.Float64() < 0.3 && len(f.CPC) < 6 {
			f.CPC = appendUniq(f.CPC, "B64U2101/00")
		}
	}

	// Inventors.
	nInv := 1 + r.IntN(3)
	switch main.Kind {
	case KindUniversity:
		nInv = 2 + r.IntN(6)
	case KindIndividual:
		nInv = 1 + r.IntN(2)
	case KindEnterprise:
		if main.Country == "CN" {
			nInv = 1 + r.IntN(5)
		}
	}
	for k := 0; k < nInv; k++ {
		team := main.team
		if len(f.Applicants) > 1 && r.Float64() < 0.3 {
			team = w.apps[f.Applicants[1]].team
		} else if len(main.partners) > 0 && r.Float64() < 0.03 {
			team = w.apps[main.partners[0]].team // inventor mobility
		}
		if main.Kind == KindIndividual && k == 0 {
			team = main.team[:1]
		}
		p := team[int(math.Pow(float64(len(team)), r.Float64()))-1]
		inv := Inventor{p.en, p.zh}
		if !slices.Contains(f.Inventors, inv) {
			f.Inventors = append(f.Inventors, inv)
		}
	}

	f.txt = chooseText(r, f.leaf, f.Pubs[0].DocType)
	switch main.homeOff {
	case "US":
		if r.Float64() < 0.4 {
			f.NPL = 1 + r.IntN(6)
		}
	case "CN":
		if r.Float64() < 0.05 {
			f.NPL = 1 + r.IntN(2)
		}
	default:
		if r.Float64() < 0.15 {
			f.NPL = 1 + r.IntN(3)
		}
	}
	f.ExtSize = len(f.Pubs)
	if r.Float64() < 0.15 {
		f.ExtSize += 1 + r.IntN(3)
	}
}

func reusesNumber(k PubKey) bool {
	switch k.Office {
	case "CN":
		return k.Kind == "B"
	case "EP", "FR":
		return k.Kind == "B1"
	case "GB", "IL":
		return k.Kind == "B"
	}
	return false
}

func appendUniq(s []string, v string) []string {
	if slices.Contains(s, v) || len(s) >= 6 {
		return s
	}
	return append(s, v)
}

// nameVariant picks the form of applicant ai printed on a document of office in year.
func (w *World) nameVariant(r *rand.Rand, ai int, office string, year int) string {
	a := &w.apps[ai]
	u := r.Float64()
	if office == "CN" && a.NameZh != "" && u < 0.1 {
		return a.NameZh
	}
	var s string
	switch {
	case u < 0.75 || len(a.lens) == 1:
		s = a.lens[0]
	case u < 0.92 || len(a.lens) == 2:
		s = a.lens[1]
	default:
		s = a.lens[2]
	}
	if a.Country == "CN" && year < 2012 && len(s) > 30 && r.Float64() < 0.5 {
		s = s[:30] // old DOCDB records truncate long names
	}
	return s
}

// operations adds CN transfers, licences and pledges to granted CN applications.
func (w *World) operations(f *Family, r *rand.Rand, main *applicant) {
	for ai := range f.apps {
		if f.apps[ai].Office != "CN" {
			continue
		}
		st := f.astat[ai]
		if !st.grant.Valid() || st.grant > w.cutoff || st.status == StatusPending {
			continue
		}
		span := int(w.cutoff - st.grant)
		if span < 30 {
			continue
		}
		pT, pL, pP := 0.04, 0.012, 0.02
		switch main.Kind {
		case KindUniversity, KindInstitute:
			pT, pL, pP = 0.1, 0.04, 0
		case KindIndividual:
			pT, pL, pP = 0.12, 0.02, 0.01
		}
		var nT, nL, nP int
		var dT, dL, dP Day = NoDay, NoDay, NoDay
		owner := f.Applicants[0]
		if r.Float64() < pT {
			nT = 1
			if r.Float64() < 0.2 {
				nT = 2
			}
			dT = st.grant + Day(r.IntN(span))
			owner = w.transferee(r, f.Applicants[0])
		}
		if r.Float64() < pL {
			nL = 1 + r.IntN(2)
			dL = st.grant + Day(r.IntN(span))
		}
		if r.Float64() < pP {
			nP = 1 + r.IntN(3)
			dP = st.grant + Day(r.IntN(span))
		}
		for i := range f.Pubs {
			p := &f.Pubs[i]
			if p.app != ai {
				continue
			}
			p.Transfers, p.Licences, p.Pledges = nT, nL, nP
			p.LastTransfer, p.LastLicence, p.LastPledge = dT, dL, dP
			if st.status == StatusAlive {
				p.Owner = owner
			}
		}
	}
}

// transferee picks the new owner of a transferred CN patent: an enterprise partner, else an
// enterprise of the same country; the owner itself when none is found.
func (w *World) transferee(r *rand.Rand, fromIdx int) int {
	from := &w.apps[fromIdx]
	for _, p := range from.partners {
		if w.apps[p].Kind == KindEnterprise {
			return p
		}
	}
	n := min(len(w.apps), 800)
	for k := 0; k < 50; k++ {
		j := r.IntN(n)
		if j != fromIdx && w.apps[j].Country == from.Country && w.apps[j].Kind == KindEnterprise {
			return j
		}
	}
	return fromIdx
}

// Each generates the world's families in priority-date order (pass 2) and calls fn for every
// family with at least one publication on or before the cut-off. The *Family is reused between
// calls. Returning an error from fn stops the walk and returns that error.
func (w *World) Each(fn func(*Family) error) error {
	num := newNumberer(w.opts.Families)
	first := make([]compactKey, len(w.fam))
	pcg := rand.NewPCG(0, 0)
	r := rand.New(pcg)
	var f Family
	for i := range w.fam {
		s := &w.fam[i]
		if s.firstPub > w.cutoff {
			continue
		}
		w.seedFamily(pcg, i)
		f.reset()
		f.Index = i
		f.leaf = int(s.leaf)
		f.Branch = leafDefs[s.leaf].id
		f.Applicants = append(f.Applicants, int(s.app))
		if s.coapp >= 0 && s.coapp != s.app {
			f.Applicants = append(f.Applicants, int(s.coapp))
		}
		w.plan(&f, r, s.prio)
		w.detail(&f, r, num, s)
		first[i] = f.Pubs[0].Key.compact()
		for _, c := range w.cites[s.citeStart : s.citeStart+int32(s.nCites)] {
			f.Cites = append(f.Cites, first[c].key())
		}
		f.CitedBy = int(s.citedBy)
		if err := fn(&f); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	return nil
}
