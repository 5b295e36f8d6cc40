// Package formattest holds checks every reader's tests share: reading an input yields an exact
// sequence of records and positioned record errors, then io.EOF for good.
package formattest

import (
	"errors"
	"io"
	"testing"

	"github.com/patnav/patnav/ingest/format"
)

// Want is one expected Read result: a record (Err nil) or a *format.RecordError.
type Want struct {
	Pub          string // the record's publication number
	SourceRecord int    // when > 0, the record's SourceRecord too
	Record, Line int    // the error's record and line
	Field        string // the error's field
	Err          error  // the sentinel the error wraps
}

// Rec expects a record with publication number pub.
func Rec(pub string) Want { return Want{Pub: pub} }

// RecAt expects a record with publication number pub and source record number n.
func RecAt(pub string, n int) Want { return Want{Pub: pub, SourceRecord: n} }

// Bad expects a RecordError at record and line, naming field and wrapping err.
func Bad(record, line int, field string, err error) Want {
	return Want{Record: record, Line: line, Field: field, Err: err}
}

// ExpectReads reads r and checks each result against wants in order; every RecordError must
// also name file. After the last one, Read must return io.EOF, and io.EOF again.
func ExpectReads(t testing.TB, r format.Reader, file string, wants []Want) {
	t.Helper()
	for i, w := range wants {
		rec, err := r.Read()
		if w.Err == nil {
			if err != nil || rec.Patent.PubNumber != w.Pub {
				t.Fatalf("read %d: got %v, %v; want record %s", i+1, rec, err, w.Pub)
			}
			if w.SourceRecord > 0 && rec.Patent.SourceRecord != w.SourceRecord {
				t.Errorf("read %d: SourceRecord %d, want %d", i+1, rec.Patent.SourceRecord, w.SourceRecord)
			}
			continue
		}
		var re *format.RecordError
		if !errors.As(err, &re) {
			t.Fatalf("read %d: got %v, %v; want a RecordError", i+1, rec, err)
		}
		if re.Record != w.Record || re.Line != w.Line || re.Field != w.Field || !errors.Is(err, w.Err) || re.File != file {
			t.Errorf("read %d: got %+v, want record %d line %d field %q err %v in %s", i+1, re, w.Record, w.Line, w.Field, w.Err, file)
		}
	}
	if rec, err := r.Read(); err != io.EOF {
		t.Fatalf("after the last record: %v, %v; want io.EOF", rec, err)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("Read after EOF: %v; want io.EOF", err)
	}
}
