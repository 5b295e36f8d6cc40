package cluster

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// TestSamplingEffect measures what fitting k-means (and choosing k) on the FitDocs sample instead
// of every document does to the clustering figures: on PATNAV_CLUSTER_SAMPLING synthetic documents
// (skipped when unset; 100000 takes minutes) it runs the demo config's clustering (seed 7,
// k = 6…14) twice, with the default FitDocs and with FitDocs = every document, and logs k, the
// silhouette, the stability, NMI and ARI against the IPC subclass and against the generator's true
// branch, and the ARI between the two partitions. The figures quoted in docs/scale.md and in the
// map's method note come from this test; it fails only if a run fails or the sampled run is not
// sampled.
func TestSamplingEffect(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("PATNAV_CLUSTER_SAMPLING"))
	if n <= 0 {
		t.Skip("set PATNAV_CLUSTER_SAMPLING to a number of documents (e.g. 100000)")
	}
	docs, branch := synthDocs(n, 3)
	truth := labelIDs(branch)
	var parts [][]int
	for _, fit := range []int{DefaultOptions.FitDocs, n} {
		start := time.Now()
		r, err := Run(docs, Options{Seed: 7, KMin: 6, KMax: 14, FitDocs: fit, LastComplete: 2023})
		if err != nil {
			t.Fatal(err)
		}
		e := r.Evaluation
		if fit < n && e.FitDocs != fit {
			t.Fatalf("fit sample %d, want %d", e.FitDocs, fit)
		}
		var a, b []int
		for i, c := range r.Assignments {
			if c >= 0 {
				a, b = append(a, c), append(b, truth[i])
			}
		}
		t.Logf("%d docs, fit on %d: %.1f s, k = %d, silhouette %.4f, stability %.3f, NMI/ARI vs subclass %.4f/%.4f, vs true branch %.4f/%.4f",
			n, e.FitDocs, time.Since(start).Seconds(), e.K, e.Silhouette, e.Stability, e.NMI, e.ARI, NMI(a, b), ARI(a, b))
		parts = append(parts, r.Assignments)
	}
	var a, b []int
	for i := range parts[0] {
		if parts[0][i] >= 0 && parts[1][i] >= 0 {
			a, b = append(a, parts[0][i]), append(b, parts[1][i])
		}
	}
	t.Logf("agreement of the sampled and the full fit: ARI %.4f, NMI %.4f", ARI(a, b), NMI(a, b))
}
