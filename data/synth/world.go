package synth

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// CNDateStyle is the date format of the CNIPA-style export.
type CNDateStyle int

// CNIPA date styles.
const (
	CNDateDots    CNDateStyle = iota // 2019.07.11 (default)
	CNDateCompact                    // 20190711
	CNDateISO                        // 2019-07-11
)

// Options describes a synthetic world. The zero value gives the demo defaults.
type Options struct {
	Families   int         // families in the world before the cut-off filter; default 10000
	Seed       int64       // random seed; the same Options give byte-identical output
	FirstYear  int         // first priority year; default 2000
	LastYear   int         // last priority year; default 2025
	Cutoff     time.Time   // data cut-off: publications after it are not emitted; default 2025-12-31
	Applicants int         // number of applicants; default 3000 (at least 50)
	MaxRecords int         // writers stop after this many records; 0 means no limit
	CNDates    CNDateStyle // date style of WriteCNIPA
}

func (o Options) withDefaults() Options {
	if o.Families <= 0 {
		o.Families = 10000
	}
	if o.FirstYear == 0 {
		o.FirstYear = 2000
	}
	if o.LastYear == 0 {
		o.LastYear = 2025
	}
	if o.LastYear < o.FirstYear {
		o.LastYear = o.FirstYear
	}
	if o.Cutoff.IsZero() {
		o.Cutoff = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if o.Applicants <= 0 {
		o.Applicants = 3000
	}
	return o
}

// Status is the legal status of an application at the cut-off date.
type Status uint8

// Legal statuses.
const (
	StatusPending   Status = iota // published, not yet decided
	StatusAlive                   // granted and in force
	StatusLapsed                  // granted, lapsed (fees not paid)
	StatusExpired                 // granted, term ended
	StatusRefused                 // refused (驳回)
	StatusWithdrawn               // withdrawn or deemed withdrawn (撤回)
	StatusUnknown                 // no status (PCT applications)
)

// Canonical returns the patnav legal status: alive, lapsed, pending or unknown.
func (s Status) Canonical() string {
	switch s {
	case StatusPending:
		return "pending"
	case StatusAlive:
		return "alive"
	case StatusUnknown:
		return "unknown"
	}
	return "lapsed"
}

// Lens returns the Lens.org legal-status word: ACTIVE, PENDING, INACTIVE, EXPIRED, DISCONTINUED
// or UNKNOWN.
func (s Status) Lens() string {
	switch s {
	case StatusPending:
		return "PENDING"
	case StatusAlive:
		return "ACTIVE"
	case StatusLapsed, StatusRefused:
		return "INACTIVE"
	case StatusExpired:
		return "EXPIRED"
	case StatusWithdrawn:
		return "DISCONTINUED"
	}
	return "UNKNOWN"
}

// CN returns the CNIPA legal-status word: 有权, 审中, 失效, 驳回 or 撤回 ("" when unknown).
func (s Status) CN() string {
	switch s {
	case StatusPending:
		return "审中"
	case StatusAlive:
		return "有权"
	case StatusLapsed, StatusExpired:
		return "失效"
	case StatusRefused:
		return "驳回"
	case StatusWithdrawn:
		return "撤回"
	}
	return ""
}

// Doc types (the same strings as patent.Invention etc.).
const (
	DocInvention    = "invention"
	DocUtilityModel = "utility_model"
	DocDesign       = "design"
)

// Inventor is an inventor's name: Lens form (SURNAME GIVEN, upper case) and Chinese form for
// Chinese inventors.
type Inventor struct {
	Name   string
	NameZh string
}

// Publication is one published document of a family.
type Publication struct {
	Key        PubKey
	DocType    string   // invention / utility_model / design
	App        AppRef   // the application it publishes
	PubDate    Day      // publication date
	GrantDate  Day      // grant date of the application, NoDay when not granted by the cut-off
	Status     Status   // legal status of the application at the cut-off
	Claims     int      // number of claims
	FullText   bool     // whether Lens would have full text
	ViaPCT     bool     // national/regional phase of the family's PCT application
	Applicants []string // applicant names as printed on this document (Lens forms)
	Owner      int      // applicant index of the current owner (after transfers)

	// CN operation facts (zero elsewhere).
	Transfers, Licences, Pledges          int
	LastTransfer, LastLicence, LastPledge Day

	app int // index into the family's applications
}

// Family is one simple patent family with everything the writers need. The value passed to
// World.Each callbacks is reused: copy what must outlive the callback.
type Family struct {
	Index      int        // position in the world (families are ordered by priority date)
	Priority   AppRef     // earliest priority application
	PCT        AppRef     // the PCT application, Number 0 when there is none
	Branch     string     // level-2 branch id, e.g. FC.ATT
	Applicants []int      // indices into World.Applicants(); the first is the main applicant
	Inventors  []Inventor // inventors in order
	IPC, CPC   []string   // classification codes, main code first
	Pubs       []Publication
	Cites      []PubKey // cited publications (earlier families' first publications)
	CitedBy    int      // number of emitted families citing this one
	NPL        int      // number of non-patent citations
	ExtSize    int      // extended family size

	leaf  int
	txt   textChoice
	apps  []AppRef
	astat []appState
	all   []Publication
	names []string
}

type appState struct {
	status Status
	grant  Day
	cnType int
	viaPCT bool
}

// famSkel is the pass-1 skeleton of a family: 32 bytes.
type famSkel struct {
	prio      Day
	firstPub  Day
	app       int32
	coapp     int32
	citeStart int32
	citedBy   int32
	leaf      uint8
	nCites    uint8
	day       int16
}

// World is a generated synthetic patent world: applicants and family skeletons. Families are
// regenerated in full, one at a time, by Each.
type World struct {
	opts   Options
	cutoff Day
	apps   []applicant
	fam    []famSkel
	cites  []int32
	years  []int // emitted-or-not families per priority year (index year-FirstYear)
}

// NewWorld builds the world's applicants and family skeletons (pass 1). It costs about 100
// bytes per family.
func NewWorld(opts Options) *World {
	o := opts.withDefaults()
	w := &World{opts: o, cutoff: DayFromTime(o.Cutoff)}
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x9e3779b97f4a7c15))
	nYears := o.LastYear - o.FirstYear + 1

	// Families per year: largest-remainder rounding of the summed branch intensities.
	yw := make([]float64, nYears)
	total := 0.0
	for y := range yw {
		for l := range leafDefs {
			yw[y] += intensity(l, float64(o.FirstYear+y)+0.5)
		}
		total += yw[y]
	}
	counts := make([]int, nYears)
	type rem struct {
		y int
		f float64
	}
	rems := make([]rem, nYears)
	assigned := 0
	for y := range yw {
		exact := float64(o.Families) * yw[y] / total
		counts[y] = int(exact)
		assigned += counts[y]
		rems[y] = rem{y, exact - float64(counts[y])}
	}
	slices.SortStableFunc(rems, func(a, b rem) int {
		if a.f > b.f {
			return -1
		}
		if a.f < b.f {
			return 1
		}
		return 0
	})
	for i := 0; assigned < o.Families; i++ {
		counts[rems[i%nYears].y]++
		assigned++
	}
	w.years = counts
	yearCDF := cumulative(nYears, func(i int) float64 { return yw[i] })
	w.apps = buildApplicants(o.Applicants, o.Families, o.FirstYear, o.LastYear, yearCDF, r)

	// Skeletons: per year, draw (day, leaf), sort by date.
	w.fam = make([]famSkel, 0, o.Families)
	leafW := make([]float64, len(leafDefs))
	for y := 0; y < nYears; y++ {
		year := o.FirstYear + y
		for l := range leafDefs {
			leafW[l] = intensity(l, float64(year)+0.5)
		}
		cdf := cumulative(len(leafDefs), func(i int) float64 { return leafW[i] })
		start := len(w.fam)
		ndays := int(DayOf(year+1, 1, 1) - DayOf(year, 1, 1))
		for i := 0; i < counts[y]; i++ {
			w.fam = append(w.fam, famSkel{day: int16(r.IntN(ndays)), leaf: uint8(pick(cdf, r.Float64()))})
		}
		block := w.fam[start:]
		slices.SortStableFunc(block, func(a, b famSkel) int {
			if a.day != b.day {
				return int(a.day) - int(b.day)
			}
			return int(a.leaf) - int(b.leaf)
		})
		jan1 := DayOf(year, 1, 1)
		for i := range block {
			block[i].prio = jan1 + Day(block[i].day)
		}
	}

	// Applicants, first publication, citations.
	// Draw weights are Zipf weights divided by the mean branch affinity, so that after the
	// affinity rejection the realised portfolio sizes stay close to 1/rank^1.1.
	zipf := cumulative(len(w.apps), func(i int) float64 {
		m := 0.0
		for b := range l1Defs {
			m += l1Defs[b].weight * w.apps[i].affinity[b]
		}
		return w.apps[i].weight / m
	})
	fpcg := rand.NewPCG(0, 0)
	fr := rand.New(fpcg)
	var scratch Family
	nL1 := len(l1Defs)
	elig := make([][]int32, nL1)
	tokens := make([][]int32, nL1)
	l1CDF := cumulative(nL1, func(i int) float64 { return l1Defs[i].weight })
	ptr := 0
	for i := range w.fam {
		s := &w.fam[i]
		year := s.prio.Year()
		l1 := leafL1[s.leaf]
		s.app = int32(w.chooseApplicant(r, zipf, l1, year))
		s.coapp = -1
		a := &w.apps[s.app]
		if len(a.partners) > 0 && r.Float64() < 0.14 {
			p := a.partners[r.IntN(len(a.partners))]
			if w.active(p, year) {
				s.coapp = int32(p)
			}
		}
		w.seedFamily(fpcg, i)
		scratch.reset()
		scratch.leaf = int(s.leaf)
		scratch.Applicants = append(scratch.Applicants, int(s.app))
		w.plan(&scratch, fr, s.prio)
		s.firstPub = scratch.firstPub()

		// Citations to families published at least two years before this priority date.
		for ptr < i && w.fam[ptr].prio <= s.prio-730 {
			b := leafL1[w.fam[ptr].leaf]
			elig[b] = append(elig[b], int32(ptr))
			k := 1
			if r.Float64() < 0.02 {
				k = 10 + r.IntN(21)
			}
			for ; k > 0; k-- {
				tokens[b] = append(tokens[b], int32(ptr))
			}
			ptr++
		}
		s.citeStart = int32(len(w.cites))
		mean := citeMean(a.homeOff, year, o.FirstYear, o.LastYear)
		n := int(r.ExpFloat64()*mean + 0.5)
		n = min(n, 60)
		for k := 0; k < n; k++ {
			b := l1
			if r.Float64() < 0.2 {
				b = pick(l1CDF, r.Float64())
			}
			if len(elig[b]) == 0 {
				continue
			}
			var c int32
			switch u := r.Float64(); {
			case u < 0.6:
				c = tokens[b][r.IntN(len(tokens[b]))]
			case u < 0.8:
				lst := elig[b]
				c = lst[len(lst)-1-r.IntN(max(1, len(lst)/5))]
			default:
				c = elig[b][r.IntN(len(elig[b]))]
			}
			if slices.Contains(w.cites[s.citeStart:], c) {
				continue
			}
			w.cites = append(w.cites, c)
			tokens[b] = append(tokens[b], c)
		}
		s.nCites = uint8(len(w.cites) - int(s.citeStart))
	}
	for i := range w.fam {
		s := &w.fam[i]
		if s.firstPub > w.cutoff {
			continue
		}
		for _, c := range w.cites[s.citeStart : s.citeStart+int32(s.nCites)] {
			w.fam[c].citedBy++
		}
	}
	return w
}

// citeMean is the mean number of backward citations of a family by home office and year.
func citeMean(office string, year, first, last int) float64 {
	m := 4.0
	switch office {
	case "US":
		m = 11
	case "EP", "DE", "FR", "GB", "IL":
		m = 6
	case "JP", "KR":
		m = 5
	}
	span := float64(max(1, last-first))
	return m * (0.6 + 0.8*float64(year-first)/span)
}

func (w *World) active(a, year int) bool {
	ap := &w.apps[a]
	return year >= ap.EntryYear && (ap.ExitYear == 0 || year <= ap.ExitYear)
}

// chooseApplicant draws an applicant by Zipf weight, accepting it with probability equal to its
// affinity for the branch, among applicants active in the year.
func (w *World) chooseApplicant(r *rand.Rand, zipf []float64, l1, year int) int {
	for try := 0; try < 400; try++ {
		a := pick(zipf, r.Float64())
		if w.active(a, year) && r.Float64() < w.apps[a].affinity[l1] {
			return a
		}
	}
	for try := 0; ; try++ {
		a := r.IntN(len(w.apps))
		if w.active(a, year) || try > 1000 {
			return a
		}
	}
}

// seedFamily reseeds the per-family generator from (seed, family index), so a family's detail
// does not depend on any other family.
func (w *World) seedFamily(p *rand.PCG, i int) {
	z := uint64(i) + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	p.Seed(uint64(w.opts.Seed)^0x5851f42d4c957f2d, z^(z>>31))
}

// Applicants returns every applicant of the world in rank order (index = rank−1).
func (w *World) Applicants() []Applicant {
	out := make([]Applicant, len(w.apps))
	for i := range w.apps {
		out[i] = w.apps[i].Applicant
	}
	return out
}

// Options returns the world's options with defaults filled in.
func (w *World) Options() Options { return w.opts }

// FamiliesPerYear returns the number of families generated per priority year, FirstYear first,
// before the cut-off filter.
func (w *World) FamiliesPerYear() []int { return slices.Clone(w.years) }

func (f *Family) reset() {
	f.Applicants = f.Applicants[:0]
	f.Inventors = f.Inventors[:0]
	f.IPC, f.CPC = f.IPC[:0], f.CPC[:0]
	f.Pubs = f.Pubs[:0]
	f.Cites = f.Cites[:0]
	f.apps = f.apps[:0]
	f.astat = f.astat[:0]
	f.all = f.all[:0]
	f.names = f.names[:0]
	f.PCT = AppRef{}
	f.NPL, f.CitedBy, f.ExtSize = 0, 0, 0
}

func (f *Family) firstPub() Day {
	d := Day(math.MaxInt32)
	for i := range f.all {
		d = min(d, f.all[i].PubDate)
	}
	return d
}

// errStop ends Each early without an error.
var errStop = errors.New("synth: stop")
