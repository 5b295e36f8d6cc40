package indicators_test

import (
	"fmt"

	"github.com/patnav/patnav/analysis/indicators"
)

func ExampleHHI() {
	// Family counts of four applicants: shares 50, 25, 15, 10 %, so
	// HHI = 2500 + 625 + 225 + 100 = 3450.
	shares, _ := indicators.Shares([]float64{50, 25, 15, 10})
	hhi, _ := indicators.HHI(shares)
	cr4, _ := indicators.CR(shares, 4)
	fmt.Printf("HHI %.0f (%s), CR4 %.2f\n", hhi, indicators.HHIBand(hhi), cr4)
	// Output: HHI 3450 (highly concentrated), CR4 1.00
}

func ExampleRTA() {
	// Rows: countries; columns: branches.
	a := indicators.RTA([][]float64{
		{10, 30},
		{30, 30},
	})
	for c, row := range a.RTA {
		fmt.Printf("country %d: RTA %.3f %.3f, RSTA %+.3f %+.3f\n", c, row[0], row[1], a.RSTA[c][0], a.RSTA[c][1])
	}
	// Output:
	// country 0: RTA 0.625 1.250, RSTA -0.231 +0.111
	// country 1: RTA 1.250 0.833, RSTA +0.111 -0.091
}

func ExampleCAGR() {
	g, ok := indicators.CAGR(100, 121, 2)
	fmt.Printf("%.1f%% %v\n", 100*g, ok)
	_, ok = indicators.CAGR(0, 10, 2) // growth from nothing
	fmt.Println(ok)
	// Output:
	// 10.0% true
	// false
}

func ExampleCompleteCAGR() {
	series := []indicators.YearCount{
		{Year: 2018, Count: 150}, {Year: 2019, Count: 170}, {Year: 2020, Count: 200},
		{Year: 2021, Count: 230}, {Year: 2022, Count: 120}, {Year: 2023, Count: 30},
	}
	// Data cut-off at the end of 2023: 2022 and 2023 are incomplete.
	last := 2021
	g := indicators.CompleteCAGR(series, last, 3)
	fmt.Printf("%d–%d: %.1f%%\n", g.StartYear, g.EndYear, 100*g.CAGR)
	// Output: 2018–2021: 15.3%
}

func ExampleBursts() {
	total := []float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}
	branch := []float64{5, 5, 5, 5, 20, 25, 22, 5, 5, 5}
	res := indicators.Bursts(branch, total, indicators.DefaultBurstOptions)
	for _, b := range res.Bursts {
		fmt.Printf("periods %d–%d, level %d, weight %.2f\n", b.Start, b.End, b.Level, b.Weight)
	}
	// Output: periods 4–6, level 1, weight 18.35
}
