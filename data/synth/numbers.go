package synth

import "math/rand/v2"

// Offices and kind codes are small static tables so that publication keys of earlier families
// can be kept compactly (16 bytes each) for citations.
var officeList = []string{"CN", "US", "EP", "WO", "JP", "KR", "DE", "FR", "GB", "IL", "TW"}

var kindList = []string{"A", "B", "U", "S", "A1", "B1", "B2", "A4"}

func officeIdx(o string) uint8 {
	for i, v := range officeList {
		if v == o {
			return uint8(i)
		}
	}
	panic("synth: unknown office " + o)
}

func kindIdx(k string) uint8 {
	for i, v := range kindList {
		if v == k {
			return uint8(i)
		}
	}
	panic("synth: unknown kind " + k)
}

// PubKey identifies a publication: office, number and kind code.
type PubKey struct {
	Office string // publishing office, e.g. CN
	Number int64  // the number's digits; see Canonical for the padding per office and kind
	Kind   string // kind code, e.g. A, B, U, A1, B2
}

// compactKey is a PubKey in 16 bytes.
type compactKey struct {
	num          int64
	office, kind uint8
}

func (k PubKey) compact() compactKey {
	return compactKey{k.Number, officeIdx(k.Office), kindIdx(k.Kind)}
}

func (c compactKey) key() PubKey { return PubKey{officeList[c.office], c.num, kindList[c.kind]} }

// numberWidth returns the digit count of a publication number and its letter prefix.
func numberWidth(office, kind string) (int, string) {
	switch office {
	case "CN":
		return 9, ""
	case "US":
		if kind == "A1" {
			return 11, ""
		}
		return 7, ""
	case "EP", "FR", "GB":
		return 7, ""
	case "WO", "JP":
		if office == "JP" && kind != "A" {
			return 7, ""
		}
		return 10, ""
	case "KR":
		if kind == "A" {
			return 11, ""
		}
		return 9, ""
	case "DE":
		return 12, ""
	case "IL":
		return 6, ""
	case "TW":
		switch kind {
		case "B":
			return 6, "I"
		case "U":
			return 6, "M"
		}
		return 9, ""
	}
	return 7, ""
}

// AppendCanonical appends the canonical publication number, e.g. CN110364031B, US20190012345A1,
// WO2019123456A1, TWI678901B.
func (k PubKey) AppendCanonical(b []byte) []byte {
	b = append(b, k.Office...)
	w, p := numberWidth(k.Office, k.Kind)
	b = append(b, p...)
	b = appendPadded(b, k.Number, w)
	return append(b, k.Kind...)
}

// Canonical returns the canonical publication number (see AppendCanonical).
func (k PubKey) Canonical() string { return string(k.AppendCanonical(nil)) }

// AppendDisplay appends the Lens display key, e.g. "US 2019/0012345 A1", "CN 110364031 B",
// "WO 2019/123456 A1", "JP 2019123456 A".
func (k PubKey) AppendDisplay(b []byte) []byte {
	b = append(b, k.Office...)
	b = append(b, ' ')
	switch {
	case k.Office == "US" && k.Kind == "A1":
		b = appendPadded(b, k.Number/10000000, 4)
		b = append(b, '/')
		b = appendPadded(b, k.Number%10000000, 7)
	case k.Office == "WO":
		b = appendPadded(b, k.Number/1000000, 4)
		b = append(b, '/')
		b = appendPadded(b, k.Number%1000000, 6)
	default:
		w, p := numberWidth(k.Office, k.Kind)
		b = append(b, p...)
		b = appendPadded(b, k.Number, w)
	}
	b = append(b, ' ')
	return append(b, k.Kind...)
}

// Display returns the Lens display key (see AppendDisplay).
func (k PubKey) Display() string { return string(k.AppendDisplay(nil)) }

// AppRef is an application (or priority application): office, number, kind and filing date.
// Kind follows Lens: A (regular), U (utility model), F (design), P (US provisional), W (PCT).
type AppRef struct {
	Office string
	Number int64
	Kind   string
	Date   Day
}

func appWidth(office, kind string) int {
	switch office {
	case "CN", "US":
		return 12
	case "EP":
		return 8
	case "JP":
		return 10
	case "KR":
		return 11
	case "DE":
		return 12
	case "FR":
		return 7
	case "GB", "TW":
		return 9
	case "IL":
		return 6
	}
	return 8
}

// AppendLens appends the application number as Lens writes it: "CN 201910623456 A",
// "US 201916123456 A", "CN 2019/0123456 W" (PCT applications under the receiving office).
func (a AppRef) AppendLens(b []byte) []byte {
	b = append(b, a.Office...)
	b = append(b, ' ')
	if a.Kind == "W" {
		b = appendPadded(b, a.Number/10000000, 4)
		b = append(b, '/')
		b = appendPadded(b, a.Number%10000000, 7)
	} else {
		b = appendPadded(b, a.Number, appWidth(a.Office, a.Kind))
	}
	b = append(b, ' ')
	return append(b, a.Kind...)
}

// AppendCNIPA appends the application number in CNIPA style: CN applications as
// CN201910623456.7 (with the check digit), PCT ones as PCT/CN2019/123456, others as
// office + digits.
func (a AppRef) AppendCNIPA(b []byte) []byte {
	switch {
	case a.Kind == "W":
		b = append(b, "PCT/"...)
		b = append(b, a.Office...)
		b = appendPadded(b, a.Number/10000000, 4)
		b = append(b, '/')
		return appendPadded(b, a.Number%1000000, 6)
	case a.Office == "CN":
		b = append(b, "CN"...)
		start := len(b)
		b = appendPadded(b, a.Number, 12)
		b = append(b, '.')
		return append(b, cnCheckDigit(b[start:start+12]))
	}
	b = append(b, a.Office...)
	return appendPadded(b, a.Number, appWidth(a.Office, a.Kind))
}

// cnCheckDigit computes the CNIPA check digit of a 12-digit application number: weights
// 2,3,4,5,6,7,8,9,2,3,4,5, sum mod 11, 10 written as X.
func cnCheckDigit(d []byte) byte {
	w := [12]int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	s := 0
	for i := 0; i < 12; i++ {
		s += int(d[i]-'0') * w[i]
	}
	s %= 11
	if s == 10 {
		return 'X'
	}
	return byte('0' + s)
}

type yearStart struct {
	year  int
	start int64
}

// Approximate first publication number of each year, per office and number series.
var (
	tabCNA = []yearStart{{2000, 100100000}, {2004, 100500000}, {2007, 101000000}, {2010, 101600000}, {2012, 102300000}, {2014, 103500000}, {2016, 105100000}, {2018, 107500000}, {2019, 109100000}, {2020, 110600000}, {2021, 112200000}, {2022, 113800000}, {2023, 115600000}, {2024, 117300000}, {2025, 119100000}, {2026, 121000000}, {2030, 129000000}}
	tabCNU = []yearStart{{2000, 200000000}, {2008, 201000000}, {2010, 201400000}, {2012, 202000000}, {2014, 203300000}, {2016, 204900000}, {2018, 207000000}, {2019, 208500000}, {2020, 210300000}, {2021, 212400000}, {2022, 215000000}, {2023, 217800000}, {2024, 220500000}, {2025, 222600000}, {2026, 224800000}, {2030, 232000000}}
	tabCNS = []yearStart{{2000, 300000000}, {2010, 301100000}, {2015, 303100000}, {2020, 305700000}, {2025, 309500000}, {2030, 313000000}}
	tabUSB = []yearStart{{2000, 6009000}, {2005, 6836000}, {2010, 7640000}, {2015, 8925000}, {2018, 9855000}, {2019, 10165000}, {2020, 10524000}, {2021, 10881000}, {2022, 11212000}, {2023, 11540000}, {2024, 11856000}, {2025, 12185000}, {2026, 12530000}, {2030, 13900000}}
	tabEP  = []yearStart{{2000, 1010000}, {2005, 1500000}, {2010, 2140000}, {2015, 2880000}, {2018, 3300000}, {2020, 3640000}, {2022, 3990000}, {2024, 4330000}, {2026, 4700000}, {2030, 5400000}}
	tabJPB = []yearStart{{2000, 3050000}, {2005, 3650000}, {2010, 4450000}, {2015, 5680000}, {2020, 6640000}, {2022, 7000000}, {2025, 7600000}, {2030, 8600000}}
	tabKRB = []yearStart{{2000, 100250000}, {2005, 100470000}, {2010, 100950000}, {2015, 101500000}, {2019, 101990000}, {2020, 102080000}, {2022, 102450000}, {2025, 102800000}, {2030, 103400000}}
	tabFR  = []yearStart{{2000, 2790000}, {2010, 2940000}, {2015, 3010000}, {2020, 3090000}, {2025, 3150000}, {2030, 3210000}}
	tabGB  = []yearStart{{2000, 2340000}, {2010, 2460000}, {2015, 2520000}, {2020, 2575000}, {2025, 2630000}, {2030, 2690000}}
	tabIL  = []yearStart{{2000, 135000}, {2010, 200000}, {2020, 270000}, {2025, 310000}, {2030, 350000}}
	tabTWB = []yearStart{{2000, 100000}, {2010, 320000}, {2015, 480000}, {2020, 690000}, {2025, 870000}, {2030, 990000}}
	tabTWU = []yearStart{{2000, 100000}, {2010, 380000}, {2015, 500000}, {2020, 590000}, {2025, 670000}, {2030, 750000}}
)

func tabAt(t []yearStart, y int) int64 {
	if y <= t[0].year {
		return t[0].start
	}
	for i := 1; i < len(t); i++ {
		if y <= t[i].year {
			a, b := t[i-1], t[i]
			return a.start + (b.start-a.start)*int64(y-a.year)/int64(b.year-a.year)
		}
	}
	l := t[len(t)-1]
	return l.start
}

// usSeries returns the US application series code of a filing year (regular or provisional).
func usSeries(y int, provisional bool) int64 {
	if provisional {
		switch {
		case y < 2008:
			return 60
		case y < 2014:
			return 61
		case y < 2020:
			return 62
		}
		return 63
	}
	switch {
	case y < 2002:
		return 9
	case y < 2005:
		return 10
	case y < 2008:
		return 11
	case y < 2011:
		return 12
	case y < 2014:
		return 13
	case y < 2016:
		return 14
	case y < 2018:
		return 15
	case y < 2020:
		return 16
	case y < 2022:
		return 17
	case y < 2024:
		return 18
	}
	return 19
}

// numberer allocates unique, realistic numbers: per (office, series, year) a counter walks the
// year's range in random strides sized so that about families/12 numbers fit.
type numberer struct {
	counters map[uint64]int64
	est      int64
}

func newNumberer(families int) *numberer {
	return &numberer{counters: map[uint64]int64{}, est: int64(families)/12 + 1}
}

// next returns base + a fresh serial within capacity (strided with jitter).
func (n *numberer) next(r *rand.Rand, office string, series int, year int, base, capacity int64) int64 {
	key := uint64(officeIdx(office))<<40 | uint64(series)<<24 | uint64(year)
	c := n.counters[key]
	n.counters[key] = c + 1
	stride := capacity / n.est
	if stride < 1 {
		stride = 1
	}
	if stride > 1000 {
		stride = 1000
	}
	return base + 1 + c*stride + r.Int64N(stride)
}

// pubNumber allocates a publication number for office/kind published in year y.
func (n *numberer) pubNumber(r *rand.Rand, office, kind string, y int) int64 {
	switch office {
	case "CN":
		switch kind {
		case "U":
			return n.next(r, office, 1, y, tabAt(tabCNU, y), tabAt(tabCNU, y+1)-tabAt(tabCNU, y))
		case "S":
			return n.next(r, office, 2, y, tabAt(tabCNS, y), tabAt(tabCNS, y+1)-tabAt(tabCNS, y))
		}
		return n.next(r, office, 0, y, tabAt(tabCNA, y), tabAt(tabCNA, y+1)-tabAt(tabCNA, y))
	case "US":
		if kind == "A1" {
			return n.next(r, office, 0, y, int64(y)*10000000, 400000)
		}
		return n.next(r, office, 1, y, tabAt(tabUSB, y), tabAt(tabUSB, y+1)-tabAt(tabUSB, y))
	case "EP":
		return n.next(r, office, 0, y, tabAt(tabEP, y), tabAt(tabEP, y+1)-tabAt(tabEP, y))
	case "WO":
		return n.next(r, office, 0, y, int64(y)*1000000, 250000)
	case "JP":
		if kind == "A" {
			return n.next(r, office, 0, y, int64(y)*1000000, 250000)
		}
		return n.next(r, office, 1, y, tabAt(tabJPB, y), tabAt(tabJPB, y+1)-tabAt(tabJPB, y))
	case "KR":
		if kind == "A" {
			return n.next(r, office, 0, y, int64(y)*10000000, 200000)
		}
		return n.next(r, office, 1, y, tabAt(tabKRB, y), tabAt(tabKRB, y+1)-tabAt(tabKRB, y))
	case "FR":
		return n.next(r, office, 0, y, tabAt(tabFR, y), tabAt(tabFR, y+1)-tabAt(tabFR, y))
	case "GB":
		return n.next(r, office, 0, y, tabAt(tabGB, y), tabAt(tabGB, y+1)-tabAt(tabGB, y))
	case "IL":
		return n.next(r, office, 0, y, tabAt(tabIL, y), tabAt(tabIL, y+1)-tabAt(tabIL, y))
	case "TW":
		switch kind {
		case "B":
			return n.next(r, office, 1, y, tabAt(tabTWB, y), tabAt(tabTWB, y+1)-tabAt(tabTWB, y))
		case "U":
			return n.next(r, office, 2, y, tabAt(tabTWU, y), tabAt(tabTWU, y+1)-tabAt(tabTWU, y))
		}
		return n.next(r, office, 0, y, int64(y)*100000, 90000)
	}
	panic("synth: no publication numbers for " + office)
}

// appNumber allocates an application number filed at office in year y. cnType is the CN
// application type digit (1 invention, 2 utility model, 3 design; also used for TW).
func (n *numberer) appNumber(r *rand.Rand, office, kind string, y int, cnType int) int64 {
	const appSeries = 10 // keep application counters apart from publication ones
	switch office {
	case "CN":
		return n.next(r, office, appSeries+cnType, y, int64(y)*100000000+int64(cnType)*10000000, 1400000)
	case "US":
		s := usSeries(y, kind == "P")
		return n.next(r, office, appSeries+int(s), y, int64(y)*100000000+s*1000000, 900000)
	case "EP":
		return n.next(r, office, appSeries, y, int64(y%100)*1000000, 200000)
	case "JP":
		return n.next(r, office, appSeries, y, int64(y)*1000000, 300000)
	case "KR":
		return n.next(r, office, appSeries, y, int64(y)*10000000, 200000)
	case "DE":
		return n.next(r, office, appSeries, y, 100000000000+int64(y)*1000000, 60000)
	case "FR":
		return n.next(r, office, appSeries, y, int64(y%100)*100000, 90000)
	case "GB":
		return n.next(r, office, appSeries, y, int64(y)*100000, 20000)
	case "IL":
		return n.next(r, office, appSeries, y, tabAt(tabIL, y)+500000, 7000)
	case "TW":
		return n.next(r, office, appSeries+cnType, y, int64(y-1911)*1000000+int64(cnType)*100000, 90000)
	}
	panic("synth: no application numbers for " + office)
}

// pctNumber allocates a PCT application number (YYYY·10^7 + serial) at a receiving office.
func (n *numberer) pctNumber(r *rand.Rand, ro string, y int) int64 {
	return n.next(r, ro, 9, y, int64(y)*10000000, 90000)
}
