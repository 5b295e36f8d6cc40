package format

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"
	"unsafe"
)

// csvRecord is one record as a reader returned it, with the guard's finding for it.
type csvRecord struct {
	cells    []string
	line     int
	err      string
	repaired int
	flag     string
}

func flagText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// readAll reads every record of g with next (a reader's Read: the cells, the line the record
// starts on, the error) and takes the guard's findings for each. The cells are kept as returned
// (the strings, not copies): they must stay valid after later reads.
func readAll(g *CSVGuard, next func() ([]string, int, error)) ([]csvRecord, int) {
	var out []csvRecord
	for {
		row, line, err := next()
		if err == io.EOF {
			return out, g.Repaired
		}
		rec := csvRecord{cells: append([]string(nil), row...), err: flagText(err)}
		if err == nil {
			rec.line = line
			var flag error
			rec.repaired, flag = g.Take(line)
			rec.flag = flagText(flag)
		}
		out = append(out, rec)
		if err != nil {
			return out, g.Repaired
		}
	}
}

// viaEncodingCSV reads in through a guard and encoding/csv as the readers did before CSVReader
// (lazy quotes, variable field counts, the line of the first field).
func viaEncodingCSV(in io.Reader, comma rune, maxRecord int, repair bool) ([]csvRecord, int) {
	g := NewCSVGuard(in, comma, maxRecord, repair)
	cr := csv.NewReader(g)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return readAll(g, func() ([]string, int, error) {
		row, err := cr.Read()
		if err != nil {
			return row, 0, err
		}
		line, _ := cr.FieldPos(0)
		return row, line, nil
	})
}

// viaCSVReader reads in through a guard and CSVReader.
func viaCSVReader(in io.Reader, comma rune, maxRecord int, repair bool) ([]csvRecord, int) {
	g := NewCSVGuard(in, comma, maxRecord, repair)
	return readAll(g, NewCSVReader(g).Read)
}

// sameCSV reports the first difference between the two readers on in, or "".
func sameCSV(in []byte, comma rune, maxRecord int, repair bool) string {
	want, wantRep := viaEncodingCSV(bytes.NewReader(in), comma, maxRecord, repair)
	got, gotRep := viaCSVReader(bytes.NewReader(in), comma, maxRecord, repair)
	for i := 0; i < max(len(want), len(got)); i++ {
		if i >= len(want) || i >= len(got) {
			return fmt.Sprintf("%d records, encoding/csv %d", len(got), len(want))
		}
		w, g := want[i], got[i]
		if fmt.Sprintf("%q", w.cells) != fmt.Sprintf("%q", g.cells) || w.line != g.line || w.err != g.err ||
			w.repaired != g.repaired || w.flag != g.flag {
			return fmt.Sprintf("record %d: got %q line %d err %q repaired %d flag %q; encoding/csv %q line %d err %q repaired %d flag %q",
				i+1, g.cells, g.line, g.err, g.repaired, g.flag, w.cells, w.line, w.err, w.repaired, w.flag)
		}
	}
	if wantRep != gotRep {
		return fmt.Sprintf("repaired %d bytes, encoding/csv %d", gotRep, wantRep)
	}
	return ""
}

// csvPieces are the fragments the random inputs are made of: the syntax that matters (quotes,
// delimiters, every line end, blank lines), multi-byte and invalid UTF-8, and long runs that
// cross the guard's record limit and the readers' buffers.
var csvPieces = []string{"a", "bc", ",", "\t", `"`, `""`, "\n", "\r", "\r\n", "\n\n", " ", "é", "中文", "\xff", "\xe4\xb8",
	`","`, "\",\"\n", "x,y,z\n", "\"q\nq\"", strings.Repeat("L", 300), strings.Repeat("a,", 40)}

func randomCSV(rng *rand.Rand) []byte {
	var b bytes.Buffer
	// Some inputs start as a regular table, so the guard learns a width and its unclosed-quote
	// repair (which needs rows of at least three cells) comes into play.
	if rng.Intn(2) == 0 {
		rows := 1 + rng.Intn(4)
		for i := 0; i < rows; i++ {
			b.WriteString("h1,h2,h3,h4\n")
		}
	}
	n := rng.Intn(60)
	for i := 0; i < n; i++ {
		b.WriteString(csvPieces[rng.Intn(len(csvPieces))])
	}
	return b.Bytes()
}

// TestCSVReaderMatchesEncodingCSV: the same records, lines, guard findings and repairs as the
// guard read by encoding/csv, on hand-made edge cases and on random inputs.
func TestCSVReaderMatchesEncodingCSV(t *testing.T) {
	cases := []string{
		"", "\n", "\n\n", "a", "a\n", "a\r", "a\r\n", "a\rb\n", "\r\n\r\n", ",", ",\n", "a,b\n\nc,d",
		`"a"`, `"a`, "\"a\n", "\"a\r\n", "\"a\r\nb\"\n", `"a""b",c`, `"a"b,c`, `a"b,c`, `"a" ,b`, `"",""`,
		"\"\"\"\n", "\"a\"\r", "\"a\"\rb\n", "x,\"a\r", "h1,h2,h3\n1,\"open,3\n4,5,6\n7,8,9\n",
		"h1,h2,h3\n1,\"open\r\n4,5,6\n", "h1,h2,h3\n1,\"two\nlines\",3\n", "a,b\n\"\xff\",c\n\xe4\xb8\n",
		"h,h,h\n" + strings.Repeat("x", 500) + "\n1,2,3\n", "h,h,h\n\"" + strings.Repeat("x\n", 100) + "\"\n1,2,3\n",
		"h,h,h\n1,\"" + strings.Repeat("y", 300), "a\tb\t\"c\td\"\n",
	}
	for _, c := range cases {
		for _, lim := range []int{0, 64, 200} {
			for _, repair := range []bool{false, true} {
				comma := ','
				if strings.Contains(c, "\t") {
					comma = '\t'
				}
				if d := sameCSV([]byte(c), comma, lim, repair); d != "" {
					t.Errorf("%q (limit %d, repair %v): %s", c, lim, repair, d)
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 20000; i++ {
		in := randomCSV(rng)
		comma := ','
		if rng.Intn(5) == 0 {
			comma = '\t'
		}
		lim := []int{0, 32, 128, 700}[rng.Intn(4)]
		repair := rng.Intn(2) == 0
		if d := sameCSV(in, comma, lim, repair); d != "" {
			t.Fatalf("%q (comma %q, limit %d, repair %v): %s", in, comma, lim, repair, d)
		}
	}
}

// failingReader hands out its data, then fails.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// TestCSVReaderReadError: an input that fails part way gives its error after the records before
// it, as through encoding/csv.
func TestCSVReaderReadError(t *testing.T) {
	boom := errors.New("disk gone")
	for _, data := range []string{"a,b\nc,d\n", "a,b\nc,\"d\n", "a,b\nc,d"} {
		want, _ := viaEncodingCSV(&failingReader{data: []byte(data), err: boom}, ',', 0, false)
		got, _ := viaCSVReader(&failingReader{data: []byte(data), err: boom}, ',', 0, false)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: got %v, encoding/csv %v", data, got, want)
		}
		if last := got[len(got)-1]; last.err != boom.Error() {
			t.Errorf("%q: the last record's error is %q, want %q", data, last.err, boom)
		}
	}
}

// TestCSVReaderKeepsCells: cells kept from many records (more than one arena, and a record
// larger than an arena) still read as they did when returned.
func TestCSVReaderKeepsCells(t *testing.T) {
	var b strings.Builder
	var want [][]string
	for i := 0; i < 3000; i++ {
		cells := []string{fmt.Sprint(i), strings.Repeat(string(rune('a'+i%26)), i%97), fmt.Sprintf("q\"%d", i)}
		if i == 1500 {
			cells[1] = strings.Repeat("Z", 3*arenaChunk)
		}
		want = append(want, cells)
		fmt.Fprintf(&b, "%s,%s,\"%s\"\n", cells[0], cells[1], strings.ReplaceAll(cells[2], `"`, `""`))
	}
	r := NewCSVReader(NewCSVGuard(strings.NewReader(b.String()), ',', 0, false))
	var kept [][]string
	for {
		row, _, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, append([]string(nil), row...)) // the strings, not copies of them
	}
	if fmt.Sprint(kept) != fmt.Sprint(want) {
		t.Fatal("kept cells changed after later reads")
	}
	// The record larger than an arena got one of its own, which the next record does not share
	// (a small cell kept would keep the large block alive).
	big, next := kept[1500][1], kept[1501][0]
	from := uintptr(unsafe.Pointer(unsafe.StringData(big)))
	if at := uintptr(unsafe.Pointer(unsafe.StringData(next))); at >= from && at < from+uintptr(2*len(big)+1024) {
		t.Error("the record after a large one shares the large one's arena")
	}
}

// FuzzCSVReader: CSVReader and encoding/csv agree on any input.
func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("h1,h2,h3\n1,\"open,3\n4,5,6\n"), uint8(0))
	f.Add([]byte("a,\"b\r\nc\"\rd\n\n"), uint8(1))
	f.Add([]byte("\"\xff\"\t\"\"\"\n"), uint8(2))
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		comma := ','
		if mode&1 != 0 {
			comma = '\t'
		}
		lim := []int{0, 16, 100, 1000}[mode>>1&3]
		repair := mode&8 != 0
		if d := sameCSV(in, comma, lim, repair); d != "" {
			t.Fatalf("comma %q, limit %d, repair %v: %s", comma, lim, repair, d)
		}
	})
}

// scanCSVCells is scanCSV as it was: the same reading, stepping from cell to cell.
func scanCSVCells(line []byte, comma byte, inQuote bool, fields int) (bool, int) {
	i, n := 0, len(line)
	for i < n {
		if inQuote {
			j := bytes.IndexByte(line[i:], '"')
			if j < 0 {
				return true, fields
			}
			i += j + 1
			switch {
			case i < n && line[i] == '"':
				i++
			case i < n && line[i] == comma:
				inQuote = false
				fields++
				i++
			case i == n || line[i] == '\n' || line[i] == '\r' && (i+1 == n || line[i+1] == '\n'):
				return false, fields
			}
			continue
		}
		if line[i] == '"' {
			inQuote = true
			i++
			continue
		}
		j := bytes.IndexByte(line[i:], comma)
		if j < 0 {
			return false, fields
		}
		i += j + 1
		fields++
	}
	return inQuote, fields
}

// TestScanCSV: scanCSV, which jumps from quote to quote, reads every line as the cell-by-cell
// scan does, from either state.
func TestScanCSV(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	pieces := []string{"a", ",", "\t", `"`, `""`, "\n", "\r", "\r\n", " ", "é", `","`, "\",\""}
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for n := rng.Intn(14); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		line := []byte(b.String())
		comma := byte(',')
		if i%4 == 0 {
			comma = '\t'
		}
		for _, inQuote := range []bool{false, true} {
			gq, gf := scanCSV(line, comma, inQuote, 1)
			wq, wf := scanCSVCells(line, comma, inQuote, 1)
			if gq != wq || gf != wf {
				t.Fatalf("%q (comma %q, in a quote %v): open %v, %d cells; cell by cell %v, %d", line, comma, inQuote, gq, gf, wq, wf)
			}
		}
	}
}

// lensLikeCSV is n rows shaped like a Lens export's: 35 cells, most short and unquoted, one
// quoted abstract with delimiters and a doubled quote in it.
func lensLikeCSV(n int) []byte {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,CN,A,CN %d A,813-545-245-964-641,2000-05-12,2000,CN %d A,2000-01-01,CN %d A 20000101,2000-01-01,"+
			"Target Drone Recovery System,\"The utility model discloses a system, comprising a \"\"target\"\", a miss distance indicator and a launcher. %s\","+
			"UNIV BEIHANG,ZHANG CHAO;;HU ZHIMIN;;ZHAO HUA,,https://lens.org/813,Utility Model,yes,0,12,1,CN %d U,1,0,"+
			"F41J9/10;;F41J9/08;;B64U10/25,F41J9/10;;F41J9/08,,0,,INACTIVE,,,,,,\n", i, i, i, i, strings.Repeat("It reduces latency. ", i%20), i)
	}
	return b.Bytes()
}

// BenchmarkCSVRead: the rows of lensLikeCSV through the guard, split by CSVReader and, for the
// baseline in the same command, by encoding/csv as the readers did before.
func BenchmarkCSVRead(b *testing.B) {
	data := lensLikeCSV(20000)
	b.Run("reader=CSVReader", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			r := NewCSVReader(NewCSVGuard(bytes.NewReader(data), ',', 0, false))
			for {
				if _, _, err := r.Read(); err != nil {
					break
				}
			}
		}
	})
	b.Run("reader=encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			g := NewCSVGuard(bytes.NewReader(data), ',', 0, false)
			cr := csv.NewReader(bufio.NewReaderSize(g, 64<<10))
			cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = -1, true, true
			for {
				if _, err := cr.Read(); err != nil {
					break
				}
				cr.FieldPos(0)
			}
		}
	})
}
