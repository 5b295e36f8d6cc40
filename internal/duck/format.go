package duck

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/patnav/patnav/internal/norm"
)

// Cell renders one value as text: dates as YYYY-MM-DD, timestamps as RFC 3339, NULL as "".
func Cell(v any, typ string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case time.Time:
		if typ == "DATE" || x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Cell(e, "")
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + Cell(x[k], "")
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// SafeCell neutralises spreadsheet formulas; see norm.SafeCell.
func SafeCell(s string) string { return norm.SafeCell(s) }

// WriteCSV writes the result as CSV with a header row; text cells are formula-neutralised.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(r.Columns); err != nil {
		return err
	}
	rec := make([]string, len(r.Columns))
	for _, row := range r.Rows {
		for i, v := range row {
			s := Cell(v, r.Types[i])
			if _, isText := v.(string); isText {
				s = SafeCell(s)
			}
			rec[i] = s
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the result as a JSON array of objects (keys in column order); dates are
// "YYYY-MM-DD" strings.
func (r *Result) WriteJSON(w io.Writer) error {
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for ri, row := range r.Rows {
		var b strings.Builder
		if ri > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(r.Columns[i])
			b.Write(k)
			b.WriteString(": ")
			var val []byte
			switch x := v.(type) {
			case time.Time:
				val, _ = json.Marshal(Cell(x, r.Types[i]))
			default:
				var err error
				if val, err = json.Marshal(x); err != nil {
					val, _ = json.Marshal(Cell(x, r.Types[i]))
				}
			}
			b.Write(val)
		}
		b.WriteString("}")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	if len(r.Rows) > 0 {
		_, err := io.WriteString(w, "\n]\n")
		return err
	}
	_, err := io.WriteString(w, "]\n")
	return err
}

// WriteTable writes the result as an aligned text table; cells wider than maxWidth runes are cut.
func (r *Result) WriteTable(w io.Writer, maxWidth int) error {
	cells := make([][]string, len(r.Rows)+1)
	cells[0] = r.Columns
	for i, row := range r.Rows {
		cells[i+1] = make([]string, len(row))
		for j, v := range row {
			s := strings.ReplaceAll(Cell(v, r.Types[j]), "\n", " ")
			if maxWidth > 0 && utf8.RuneCountInString(s) > maxWidth {
				s = string([]rune(s)[:maxWidth-1]) + "…"
			}
			cells[i+1][j] = s
		}
	}
	width := make([]int, len(r.Columns))
	for _, row := range cells {
		for j, s := range row {
			if n := displayWidth(s); n > width[j] {
				width[j] = n
			}
		}
	}
	var b strings.Builder
	for i, row := range cells {
		for j, s := range row {
			if j > 0 {
				b.WriteString("  ")
			}
			b.WriteString(s)
			if j < len(row)-1 {
				b.WriteString(strings.Repeat(" ", width[j]-displayWidth(s)))
			}
		}
		b.WriteString("\n")
		if i == 0 {
			for j := range row {
				if j > 0 {
					b.WriteString("  ")
				}
				b.WriteString(strings.Repeat("-", width[j]))
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "(%d rows)\n", len(r.Rows))
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth counts East Asian wide runes as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
			r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6) {
			n += 2
		} else {
			n++
		}
	}
	return n
}
