package indicators

import (
	"fmt"
	"math"
)

// ActivityIndex is the revealed technological advantage of every cell of a
// count matrix (rows = countries, regions or applicants; columns = fields or
// branches). Undefined cells are NaN in both matrices.
type ActivityIndex struct {
	// RTA[c][f] = (N_cf / Σ_f N_cf) / (Σ_c N_cf / Σ_cf N_cf); > 1 means row
	// c is specialised in field f, 1 is the world average, 0 is absence.
	RTA [][]float64
	// RSTA[c][f] = (RTA − 1) / (RTA + 1), the symmetric version on [−1, 1)
	// (0 = average, −1 = absent).
	RSTA [][]float64
	// Undefined counts the NaN cells.
	Undefined int
}

// RTA computes the revealed technological advantage (activity index) of a
// row × column count matrix (navigation.md §5):
//
//	RTA_cf  = (N_cf / Σ_f N_cf) / (Σ_c N_cf / Σ_cf N_cf)
//	        = N_cf · Σ_cf N_cf / (Σ_f N_cf · Σ_c N_cf)
//	RSTA_cf = (RTA_cf − 1) / (RTA_cf + 1)
//
// A cell is undefined (NaN) when its row or its column sums to zero (the
// whole matrix summing to zero makes every cell undefined). A cell with
// N_cf = 0 in a non-empty row and column is defined: RTA 0, RSTA −1.
// Counts may be fractional. An empty matrix gives empty results; a ragged
// matrix or a negative, NaN or infinite count panics.
func RTA(counts [][]float64) ActivityIndex {
	rows := len(counts)
	cols := 0
	if rows > 0 {
		cols = len(counts[0])
	}
	rowSum := make([]float64, rows)
	colSum := make([]float64, cols)
	total := 0.0
	for c, row := range counts {
		if len(row) != cols {
			panic(fmt.Sprintf("indicators: RTA: ragged matrix (row %d has %d columns, row 0 has %d)", c, len(row), cols))
		}
		checkCounts("RTA", row)
		for f, v := range row {
			rowSum[c] += v
			colSum[f] += v
			total += v
		}
	}
	out := ActivityIndex{RTA: make([][]float64, rows), RSTA: make([][]float64, rows)}
	for c, row := range counts {
		out.RTA[c] = make([]float64, cols)
		out.RSTA[c] = make([]float64, cols)
		for f, v := range row {
			if rowSum[c] == 0 || colSum[f] == 0 {
				out.RTA[c][f], out.RSTA[c][f] = math.NaN(), math.NaN()
				out.Undefined++
				continue
			}
			r := (v / rowSum[c]) / (colSum[f] / total)
			out.RTA[c][f] = r
			out.RSTA[c][f] = (r - 1) / (r + 1)
		}
	}
	return out
}
