package usptoxml

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/patnav/patnav/internal/patent"
)

// Exported is the day the input was produced, as the file states it (format.Dated): the
// date-produced attribute of its first document's root element (us-patent-grant and
// us-patent-application carry it: <us-patent-grant … date-produced="20141222"
// date-publ="20150106">), else the day in the bulk file's name (ipgYYMMDD, ipaYYMMDD,
// paYYMMDD, pgYYMMDD: the weekly file's issue day), else the zero Date (ingest then dates the
// input by its modification time). date-publ is the publication's own date, not the file's,
// and is not used.
func (r *Reader) Exported() patent.Date {
	if r.path == "" && r.file == "" {
		return patent.Date{}
	}
	if r.path != "" {
		if d := producedIn(r.head()); d.Valid() {
			return d
		}
	}
	name := r.file
	if len(r.entries) > 0 {
		if d := nameDay(filepath.Base(r.entries[0].Name)); d.Valid() {
			return d
		}
	}
	return nameDay(name)
}

// headBytes is how much of the input's start is searched for date-produced: the first
// document's declaration, DOCTYPE and root start tag come first.
const headBytes = 8 << 10

// head reads the first bytes of the input (of its first entry, for a zip), without disturbing
// the reader; nil when it cannot be read.
func (r *Reader) head() []byte {
	var src io.ReadCloser
	if len(r.entries) > 0 {
		rc, err := r.entries[0].Open()
		if err != nil {
			return nil
		}
		src = rc
	} else {
		f, err := os.Open(r.path)
		if err != nil {
			return nil
		}
		src = f
	}
	defer src.Close()
	b, _ := io.ReadAll(io.LimitReader(src, headBytes))
	return b
}

var (
	producedAttr = regexp.MustCompile(`<(?:us-patent-grant|us-patent-application)\b[^>]*?\bdate-produced="(\d{8})"`)
	bulkName     = regexp.MustCompile(`^(?i:ipg|ipa|pa|pg)(\d{6})(?:[^0-9]|$)`)
)

// producedIn finds the first root element's date-produced in head.
func producedIn(head []byte) patent.Date {
	m := producedAttr.FindSubmatch(head)
	if m == nil {
		return patent.Date{}
	}
	return ymd(string(m[1]))
}

// nameDay reads the day of a bulk file name (ipg150106.xml, ipa130117.zip → 2015-01-06,
// 2013-01-17); two-digit years are 2000–2099 (the XML files begin in 2001).
func nameDay(name string) patent.Date {
	m := bulkName.FindStringSubmatch(strings.TrimSpace(name))
	if m == nil {
		return patent.Date{}
	}
	return ymd("20" + m[1])
}

// ymd reads YYYYMMDD; the zero Date when it is not a real day.
func ymd(s string) patent.Date {
	if len(s) != 8 {
		return patent.Date{}
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[4:6])
	d, err3 := strconv.Atoi(s[6:])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 || y < 1970 {
		return patent.Date{}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return patent.Date{}
	}
	return patent.NewDate(y, time.Month(m), d)
}
