package norm

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/patnav/patnav/internal/patent"
)

// ErrDate is returned for a date that cannot be parsed or is out of range.
var ErrDate = errors.New("cannot parse date")

// DateOrder says how to read an all-numeric d/m/y date with slashes: Lens writes 25/04/13
// (day first), Excel re-saves Google exports as 4/25/2013 (month first).
type DateOrder int

const (
	DayFirst   DateOrder = iota // dd/mm/yy, dd/mm/yyyy
	MonthFirst                  // m/d/yyyy
)

// Two-digit years: yy < TwoDigitPivot is 20yy, else 19yy. Two-digit years appear only in exports
// made before 2030 (Lens's 2015–2017 dd/mm/yy files), and patent dates reach back to the 1940s
// (drone patents of 1948 are in those files), so the pivot is 30.
const TwoDigitPivot = 30

// ParseDate reads the date forms seen in patent exports:
//
//	2015-04-24, 2015.04.24, 2015/04/24, 20150424, 2015-04-24 00:00:00, 2015-04-24T00:00:00Z,
//	2015年4月24日, 24/04/15 and 24/04/2015 (DayFirst), 4/24/2015 (MonthFirst),
//	24.04.2015 (European dots), and Excel serial days (42118) when serial is true.
//
// The empty string (and "-", "N/A", "0") returns the zero Date and no error: unknown, not bad.
// A month-first or day-first slash date whose first field cannot be a month is read the other way.
func ParseDate(s string, order DateOrder) (patent.Date, error) {
	t := strings.TrimSpace(s)
	switch t {
	case "", "-", "--", "N/A", "NA", "null", "NULL", "0", "00000000":
		return patent.Date{}, nil
	}
	t = FoldWidth(t)
	if i := strings.IndexAny(t, "T "); i == 10 { // strip a time part
		t = t[:10]
	}
	// Chinese: 2015年4月24日
	if strings.Contains(t, "年") {
		r := strings.NewReplacer("年", "-", "月", "-", "日", "")
		t = r.Replace(t)
	}
	if len(t) == 8 && isDigits(t) {
		return mk(atoi(t[:4]), atoi(t[4:6]), atoi(t[6:8]), s)
	}
	sep := byte(0)
	for _, c := range []byte{'-', '.', '/'} {
		if strings.IndexByte(t, c) >= 0 {
			sep = c
			break
		}
	}
	if sep == 0 {
		return patent.Date{}, ErrDate
	}
	parts := strings.Split(t, string(sep))
	if len(parts) != 3 {
		return patent.Date{}, ErrDate
	}
	for _, p := range parts {
		if !isDigits(p) || len(p) > 4 {
			return patent.Date{}, ErrDate
		}
	}
	a, b, c := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	if len(parts[0]) == 4 { // y-m-d
		return mk(a, b, c, s)
	}
	if len(parts[2]) == 2 {
		if c < TwoDigitPivot {
			c += 2000
		} else {
			c += 1900
		}
	} else if len(parts[2]) != 4 {
		return patent.Date{}, ErrDate
	}
	if sep == '.' || sep == '-' { // 24.04.2015 is always day first
		return mk(c, b, a, s)
	}
	if order == MonthFirst && a <= 12 || order == DayFirst && b > 12 && a <= 12 {
		return mk(c, a, b, s)
	}
	return mk(c, b, a, s)
}

// ExcelSerialDate converts an Excel 1900-system serial day number (as XLSX stores dates) to a date.
func ExcelSerialDate(serial float64) (patent.Date, error) {
	if serial < 1 || serial > 2958465 {
		return patent.Date{}, ErrDate
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	d := base.AddDate(0, 0, int(serial))
	return patent.Date{Time: d}, nil
}

func mk(y, m, d int, raw string) (patent.Date, error) {
	if y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return patent.Date{}, ErrDate
	}
	dt := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if dt.Day() != d { // 31 April and the like
		return patent.Date{}, ErrDate
	}
	_ = raw
	return patent.Date{Time: dt}, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Year returns a year written alone ("2015"), or 0.
func Year(s string) int {
	t := strings.TrimSpace(s)
	if len(t) == 4 && isDigits(t) {
		return atoi(t)
	}
	return 0
}
