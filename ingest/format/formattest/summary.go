package formattest

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/patnav/patnav/internal/patent"
)

// Summary renders what a reader made of an input as a few lines of counts and a SHA-256 of
// every record and error, for golden tests on real exports: the golden file holds no text of
// the export itself, yet any change in what the reader yields changes it.
func Summary(recs []*patent.Record, errs []string) string {
	var b strings.Builder
	fams := map[string]bool{}
	roles := map[string]int{}
	schemes := map[string]int{}
	cites := map[string]int{}
	dated, prio := 0, 0
	for _, r := range recs {
		fams[r.Patent.FamilyID] = true
		if r.Patent.PubDate.Valid() {
			dated++
		}
		if len(r.Patent.Priorities) > 0 {
			prio++
		}
		for _, p := range r.Parties {
			roles[p.Role]++
		}
		for _, c := range r.Classifications {
			schemes[c.Scheme]++
		}
		for _, c := range r.Citations {
			cites[c.Kind+"/"+c.Category]++
		}
	}
	fmt.Fprintf(&b, "records %d\nrejected %d\nfamily ids %d\nwith publication date %d\nwith priorities %d\n", len(recs), len(errs), len(fams), dated, prio)
	for _, m := range []struct {
		name string
		m    map[string]int
	}{{"parties", roles}, {"classifications", schemes}, {"citations", cites}} {
		keys := make([]string, 0, len(m.m))
		for k := range m.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s %s %d\n", m.name, k, m.m[k])
		}
	}
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, r := range recs {
		enc.Encode(r)
	}
	for _, e := range errs {
		fmt.Fprintln(h, e)
	}
	fmt.Fprintf(&b, "sha256 %x\n", h.Sum(nil))
	return b.String()
}
