package cluster

import (
	"errors"
	"fmt"
	"strings"

	"github.com/patnav/patnav/data/synth"
)

// synthDocs generates n synthetic families (data/synth) as documents: families whose main
// applicant is Chinese get the Chinese title and abstract, the others the English ones; codes are
// the IPC main groups, the subclass is the first IPC code's; Branch (the generator's true
// technology branch) is returned alongside.
//
// The world has 10 % more families than n (some are published after the cut-off and never
// emitted) and exactly the first n emitted families are returned (fewer only if the world has
// fewer).
func synthDocs(n int, seed int64) ([]Doc, []string) {
	w := synth.NewWorld(synth.Options{Families: n + n/10, Seed: seed})
	apps := w.Applicants()
	var docs []Doc
	var branch []string
	w.Each(func(f *synth.Family) error {
		if len(docs) == n {
			return errEnough
		}
		a := apps[f.Applicants[0]]
		d := Doc{ID: fmt.Sprintf("F%07d", f.Index), Year: f.Priority.Date.Year(), Applicant: a.Name}
		if a.Country == "CN" {
			d.Title, d.Abstract = f.TitleZh(), f.AbstractZh()
			if a.NameZh != "" {
				d.Applicant = a.NameZh
			}
		} else {
			d.Title, d.Abstract = f.TitleEn(), f.AbstractEn()
		}
		for i, c := range f.IPC {
			mg, _, _ := strings.Cut(c, "/")
			d.Codes = append(d.Codes, mg)
			if i == 0 && len(c) >= 4 {
				d.Subclass = c[:4]
			}
		}
		docs = append(docs, d)
		branch = append(branch, f.Branch)
		return nil
	})
	return docs, branch
}

var errEnough = errors.New("enough documents")
