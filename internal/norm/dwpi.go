package norm

import (
	"strconv"
	"strings"
)

// DWPIApp converts an application or priority number as the Derwent World Patents Index writes
// it (PI and AD of a Derwent Innovations Index export: office + serial, the year left to the
// date beside it, "US829091  20 Apr 2004") to the DOCDB form the Lens and EPO readers store
// ("US82909104A"), so that a Derwent family and another source's meet on the same application
// and the earliest priority's office is the filing office (a PCT application's receiving
// office, not WO). year is the year of the date DWPI gives with the number (0: unknown).
//
// The rules, office by office (DWPI → DOCDB; yy and yyyy the year; each checked against the
// same applications in a Lens export of the same field, see derwent's real-data test):
//
//	US  829091, 543953P       serial without leading zeros + yy + A (P: provisional)  US82909104A, US54395304P
//	                          (a series code before the serial is dropped, as DOCDB's form has none)
//	JP  176755                before 2000 serial + yy, else yyyy + serial             JP17675596A
//	IL  157098                serial + yy                                             IL15709803A
//	AT  001202                serial without leading zeros + yyyy                     AT12022004A
//	RU  105588                before 2000 yy + serial, else yyyy + serial             RU2004105588A
//	FI  001644                yyyy + serial without leading zeros (4 digits)          FI20031644A
//	FR  011515, GB 019627     yy + the last 5 digits                                  FR0311515A, GB0119627A
//	EP  450196                yy + serial                                             EP04450196A
//	CN  250407, 10008726      6 digits: yy + serial, 8: yyyy + serial; kind from the  CN03250407U, CN200410008726A
//	                          first digit (1, 8 invention A; 2, 9 utility model U; 3 design S)
//	KR  077338                yyyy + first digit + 0 + the last 5 (7 digits: yyyy + serial)  KR20000077338A
//	DE  1023947, 2015789      1/2 + yy + the last 5 (A patent, U utility model);      DE10323947A, DE20315789U
//	    20018696, 4201621     20 + yyyy + the last 6 (U, from 2004); before 1995 as is (A)  DE202004018696U, DE4201621A
//	AU  261662                yyyy + serial                                           AU2003261662A
//	CA  2438676               serial + A                                              CA2438676A
//	WO  IL000650, IL000074    receiving office + yyyy + serial in 6 digits + W;       IL2004000650W
//	                          before 2004 office + yy + 5 digits + W                  IL9600074W
//
// A number that already carries its year (the newer DWPI form, "CN201410123456" with a date of
// 2014) has it taken off first. Any other office, or a number that is not office + digits, is
// returned as AppNumber writes it: its office is still right.
func DWPIApp(num string, year int) string {
	n := AppNumber(num)
	if len(n) < 4 || !isLetter(n[0]) || !isLetter(n[1]) || year < 1900 || year > 2999 {
		return n
	}
	office, rest := n[:2], n[2:]
	yyyy := strconv.Itoa(year)
	yy := yyyy[2:]
	if office == "WO" {
		if len(rest) < 3 || !isLetter(rest[0]) || !isLetter(rest[1]) || !isDigits(rest[2:]) {
			return n
		}
		cc, serial := rest[:2], rest[2:]
		if len(serial) >= 8 && serial[:4] == yyyy {
			serial = serial[4:]
		}
		if year < 2004 { // PCT/IL96/00074: five digits a year until 2004
			if len(serial) > 5 {
				serial = serial[len(serial)-5:]
			}
			return cc + yy + pad(serial, 5) + "W"
		}
		if len(serial) > 6 {
			return n
		}
		return cc + yyyy + pad(serial, 6) + "W"
	}
	kind := "A"
	if office == "US" && strings.HasSuffix(rest, "P") {
		rest, kind = rest[:len(rest)-1], "P"
	}
	if !isDigits(rest) {
		return n
	}
	serial := rest
	if len(serial) >= 9 && serial[:4] == yyyy {
		serial = serial[4:] // the newer form: year + serial
	}
	var out string
	switch office {
	case "US":
		if len(serial) == 8 { // with its series code (61/711,212): DOCDB's form has none
			serial = serial[2:]
		}
		out = trimZeros(serial) + yy
	case "JP":
		if year < 2000 {
			out = trimZeros(serial) + yy
		} else {
			out = yyyy + pad(serial, 6)
		}
	case "IL":
		out = trimZeros(serial) + yy
	case "AU":
		out = yyyy + pad(serial, 6)
	case "AT":
		out = trimZeros(serial) + yyyy
	case "RU":
		if year < 2000 {
			out = yy + serial
		} else {
			out = yyyy + serial
		}
	case "FI":
		out = yyyy + pad(trimZeros(serial), 4)
	case "FR", "GB":
		if len(serial) < 5 {
			return n
		}
		out = yy + serial[len(serial)-5:]
	case "EP":
		if len(serial) > 6 {
			return n
		}
		out = yy + pad(serial, 6)
	case "CN":
		switch len(serial) {
		case 6:
			out = yy + serial
		case 8:
			out = yyyy + serial
		default:
			return n
		}
		switch serial[0] {
		case '2', '9':
			kind = "U"
		case '3':
			kind = "S"
		}
	case "KR":
		switch len(serial) {
		case 6:
			out = yyyy + serial[:1] + "0" + serial[1:]
		case 7:
			out = yyyy + serial
		default:
			return n
		}
	case "DE":
		switch {
		case len(serial) == 7 && serial[0] == '1':
			out = "1" + yy + serial[2:]
		case len(serial) == 7 && serial[0] == '2':
			out, kind = "2"+yy+serial[2:], "U"
		case len(serial) == 8 && serial[:2] == "20":
			out, kind = "20"+yyyy+serial[2:], "U"
		case len(serial) == 7 && year < 1995:
			out = serial
		default:
			return n
		}
	case "CA":
		out = serial
	default:
		return n
	}
	return office + out + kind
}

// trimZeros removes leading zeros, keeping at least one digit.
func trimZeros(s string) string {
	i := 0
	for i < len(s)-1 && s[i] == '0' {
		i++
	}
	return s[i:]
}

// pad left-pads s with zeros to n digits.
func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}
