package analysis

import (
	"strconv"
	"time"
)

// Num reads a numeric result value as float64 (NULL → 0).
func Num(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	case bool:
		if x {
			return 1
		}
	case string:
		f, _ := strconv.ParseFloat(x, 64)
		return f
	}
	return 0
}

// Int reads a numeric result value as int (NULL → 0).
func Int(v any) int { return int(Num(v)) }

// NumPtr reads a numeric value, nil for NULL.
func NumPtr(v any) *float64 {
	if v == nil {
		return nil
	}
	f := Num(v)
	return &f
}

// Str reads a text result value (NULL → "").
func Str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case time.Time:
		return x.Format("2006-01-02")
	}
	return ""
}

// Strs reads a LIST of text.
func Strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		out = append(out, Str(e))
	}
	return out
}

// Nums reads a LIST of numbers.
func Nums(v any) []float64 {
	l, _ := v.([]any)
	out := make([]float64, 0, len(l))
	for _, e := range l {
		out = append(out, Num(e))
	}
	return out
}
