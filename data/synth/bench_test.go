package synth

import (
	"fmt"
	"io"
	"testing"
)

// benchWriter runs a writer over a ladder of world sizes and reports records/s and MB/s.
func benchWriter(b *testing.B, write func(io.Writer, Options) (Stats, error)) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("families=%d", n), func(b *testing.B) {
			var st Stats
			for b.Loop() {
				var err error
				st, err = write(io.Discard, Options{Families: n, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(st.Bytes)
			b.ReportMetric(float64(st.Records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(st.Records), "records")
		})
	}
}

func BenchmarkWriteLensCurrent(b *testing.B) {
	benchWriter(b, func(w io.Writer, o Options) (Stats, error) { return WriteLens(w, o, LensCurrent) })
}

func BenchmarkWriteLens2016(b *testing.B) {
	benchWriter(b, func(w io.Writer, o Options) (Stats, error) { return WriteLens(w, o, Lens2016) })
}

func BenchmarkWriteCNIPA(b *testing.B) {
	benchWriter(b, func(w io.Writer, o Options) (Stats, error) { return WriteCNIPA(w, o, "utf-8") })
}

func BenchmarkWriteCNIPAGBK(b *testing.B) {
	benchWriter(b, func(w io.Writer, o Options) (Stats, error) { return WriteCNIPA(w, o, "gbk") })
}

func BenchmarkNewWorld(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("families=%d", n), func(b *testing.B) {
			for b.Loop() {
				NewWorld(Options{Families: n})
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "families/s")
		})
	}
}
