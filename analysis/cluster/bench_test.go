package cluster

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"
)

// BenchmarkRun clusters synthetic families (data/synth; Chinese text for Chinese applicants,
// English otherwise) and builds the map, over a ladder of sizes. The 1,000,000-document step
// runs only with PATNAV_CLUSTER_1M=1 (it takes minutes and several GB). Document generation is
// outside the timer.
func BenchmarkRun(b *testing.B) {
	sizes := []int{10000, 30000, 100000}
	if os.Getenv("PATNAV_CLUSTER_1M") == "1" {
		sizes = append(sizes, 1000000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			docs, _ := synthDocs(n, 1)
			runtime.GC()
			if _, err := segmenter(); err != nil { // dictionary load is a one-off, not per run
				b.Fatal(err)
			}
			b.ResetTimer()
			var r *Result
			for b.Loop() {
				start := time.Now()
				var err error
				r, err = Run(docs, Options{LastComplete: 2023})
				if err != nil {
					b.Fatal(err)
				}
				b.Logf("%d docs: %.1f s, k=%d, terms %d, silhouette %.3f, Q %.3f", len(docs), time.Since(start).Seconds(),
					r.Evaluation.K, r.Evaluation.Terms, r.Evaluation.Silhouette, r.Evaluation.Modularity)
			}
			b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkTokenize tokenises the English documents of 60,000 synthetic families (about 15,000;
// the Chinese ones are left out, whose segmentation is gse's) in the clustering's chunks, with a
// new tokenizer each time (its memo and front cache empty), as vectorize's workers do.
func BenchmarkTokenize(b *testing.B) {
	all, _ := synthDocs(60000, 1)
	var docs []Doc
	for _, d := range all {
		if !strings.ContainsFunc(d.Title+d.Abstract+d.Claims, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			docs = append(docs, d)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		t := newTokenizer()
		t.tally, t.extra = true, map[[2]string]int32{}
		for lo := 0; lo < len(docs); lo += chunkSize {
			tokenizeChunk(t, docs[lo:min(len(docs), lo+chunkSize)], DefaultOptions.TitleWeight)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
