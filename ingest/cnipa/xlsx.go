package cnipa

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/ingest/format"
)

// sheetTable streams one worksheet with f.Rows (never GetRows: sheets can be large). Cells are
// read raw so that date cells arrive as serial numbers rather than in a locale's display format;
// formula cells (HYPERLINK, string concatenation) yield their cached value.
type sheetTable struct {
	name string
	rows *excelize.Rows
	n    int // 1-based row number of the row last returned
}

// guard turns a panic inside excelize (malformed workbook XML) into a fatal error.
func guard(what string, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("cnipa: %s: malformed workbook: %v", what, p)
	}
}

func (t *sheetTable) next() (row []string, line int, err error) {
	defer guard("sheet "+t.name, &err)
	if !t.rows.Next() {
		if e := t.rows.Error(); e != nil {
			return nil, 0, fmt.Errorf("sheet %s: %w", t.name, e)
		}
		return nil, 0, io.EOF
	}
	t.n++
	cells, err := t.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, fmt.Errorf("sheet %s row %d: %w", t.name, t.n, err)
	}
	return cells, t.n, nil
}

func (t *sheetTable) close() (err error) {
	defer guard("sheet "+t.name, &err)
	return t.rows.Close()
}

// openSheet starts streaming a sheet.
func openSheet(f *excelize.File, name string) (t *sheetTable, err error) {
	defer guard("sheet "+name, &err)
	rows, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	return &sheetTable{name: name, rows: rows}, nil
}

// openWorkbook opens path with excelize, guarding against panics.
func openWorkbook(path string, lim format.Limits) (f *excelize.File, sheets []string, date1904 bool, err error) {
	defer guard(filepath.Base(path), &err)
	// excelize loads parts (the shared strings) whole: bound them first.
	if err := format.CheckArchive(path, lim); err != nil {
		return nil, nil, false, err
	}
	f, err = excelize.OpenFile(path)
	if err != nil {
		return nil, nil, false, err
	}
	sheets = f.GetSheetList()
	if props, e := f.GetWorkbookProps(); e == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	return f, sheets, date1904, nil
}

// openXLSX opens a workbook. Every sheet's header is checked at open time (a few rows each), so
// that a workbook without any recognisable sheet fails here rather than at the first Read.
func openXLSX(path string, opts format.Options) (format.Reader, error) {
	f, sheets, date1904, err := openWorkbook(path, opts.Limits)
	if err != nil {
		return nil, err
	}
	if opts.Sheet != "" {
		found := false
		for _, s := range sheets {
			if s == opts.Sheet {
				found = true
			}
		}
		if !found {
			f.Close()
			return nil, fmt.Errorf("cnipa: %s: no sheet %q (sheets: %q)", filepath.Base(path), opts.Sheet, sheets)
		}
		sheets = []string{opts.Sheet}
	}
	var use []string
	anyRows := false
	for _, s := range sheets {
		t, err := openSheet(f, s)
		if err != nil {
			f.Close()
			return nil, err
		}
		cols, _, nonBlank, err := scanHeader(t)
		t.close()
		if err != nil {
			f.Close()
			return nil, err
		}
		anyRows = anyRows || nonBlank
		if cols != nil {
			use = append(use, s)
		}
	}
	if len(use) == 0 {
		f.Close()
		if !anyRows {
			return nil, format.ErrEmpty
		}
		if opts.Sheet != "" {
			return nil, fmt.Errorf("sheet %q: %w", opts.Sheet, errNoHeader)
		}
		return nil, errNoHeader
	}
	r := &reader{file: filepath.Base(path), date1904: date1904}
	r.nextTable = func() (table, *columns, []pendingRow, error) {
		for len(use) > 0 {
			s := use[0]
			use = use[1:]
			t, err := openSheet(f, s)
			if err != nil {
				return nil, nil, nil, err
			}
			cols, rest, _, err := scanHeader(t)
			if err != nil {
				t.close()
				return nil, nil, nil, err
			}
			if cols == nil {
				t.close()
				continue
			}
			return t, cols, rest, nil
		}
		return nil, nil, nil, io.EOF
	}
	r.closeAll = func() (err error) {
		defer guard(r.file, &err)
		return f.Close()
	}
	return r, nil
}

// sniffXLSX scores a workbook by the best header among its sheets.
func sniffXLSX(path string) float64 {
	f, sheets, _, err := openWorkbook(path, format.Limits{})
	if errors.Is(err, format.ErrEntryTooLarge) {
		// A workbook too large to look into with the default limits: claim it, so that Open
		// (with the ingest's limits) reads it or says why not, instead of "unknown format".
		return 0.5
	}
	if err != nil {
		return 0
	}
	defer func() {
		defer guard(path, &err)
		f.Close()
	}()
	best := 0.0
	for _, s := range sheets {
		t, err := openSheet(f, s)
		if err != nil {
			continue
		}
		for i := 0; i < headerScan; i++ {
			row, _, err := t.next()
			if err != nil {
				break
			}
			if sc := score(resolve(row), row); sc > best {
				best = sc
			}
		}
		t.close()
	}
	return best
}
