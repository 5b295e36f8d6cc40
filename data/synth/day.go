package synth

import "time"

// Day is a calendar date counted in days since 1970-01-01 (UTC). The zero Day is 1970-01-01;
// NoDay marks an unknown or absent date.
type Day int32

// NoDay is the Day used for absent dates (for example the grant date of an application that was
// never granted).
const NoDay Day = -1 << 30

// DayOf returns the Day of the civil date y-m-d.
func DayOf(y, m, d int) Day {
	// Howard Hinnant's days_from_civil.
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// DayFromTime returns the Day of t's calendar date (in t's location).
func DayFromTime(t time.Time) Day {
	y, m, d := t.Date()
	return DayOf(y, int(m), d)
}

// Civil returns the year, month and day of d.
func (d Day) Civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// Year returns the calendar year of d.
func (d Day) Year() int { y, _, _ := d.Civil(); return y }

// Valid reports whether d is a real date (not NoDay).
func (d Day) Valid() bool { return d != NoDay }

// Time returns d as a UTC time at midnight, or the zero time for NoDay.
func (d Day) Time() time.Time {
	if !d.Valid() {
		return time.Time{}
	}
	y, m, dd := d.Civil()
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// String formats d as YYYY-MM-DD, or "" for NoDay.
func (d Day) String() string {
	if !d.Valid() {
		return ""
	}
	return string(appendDate(nil, d, '-', true))
}

// appendDate appends d as YYYY<sep>MM<sep>DD (sep 0 means none); with full false it appends the
// legacy Lens form DD/MM/YY instead.
func appendDate(b []byte, d Day, sep byte, full bool) []byte {
	if !d.Valid() {
		return b
	}
	y, m, dd := d.Civil()
	if !full {
		b = append2(b, dd)
		b = append(b, '/')
		b = append2(b, m)
		b = append(b, '/')
		return append2(b, y%100)
	}
	b = append4(b, y)
	if sep != 0 {
		b = append(b, sep)
	}
	b = append2(b, m)
	if sep != 0 {
		b = append(b, sep)
	}
	return append2(b, dd)
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10%10), byte('0'+v%10)) }

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000%10), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

// appendPadded appends v in decimal, left-padded with zeros to width digits.
func appendPadded(b []byte, v int64, width int) []byte {
	var tmp [20]byte
	i := len(tmp)
	for v >= 10 {
		i--
		q := v / 10
		tmp[i] = byte('0' + v - q*10)
		v = q
	}
	i--
	tmp[i] = byte('0' + v)
	for n := len(tmp) - i; n < width; n++ {
		b = append(b, '0')
	}
	return append(b, tmp[i:]...)
}

// addMonths returns d plus n months (day clamped to 28 to stay valid).
func addMonths(d Day, n int) Day {
	y, m, dd := d.Civil()
	m += n
	y += (m - 1) / 12
	m = (m-1)%12 + 1
	if dd > 28 {
		dd = 28
	}
	return DayOf(y, m, dd)
}
