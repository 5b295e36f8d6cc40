package cluster

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/patnav/patnav/ingest/cnipa"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/lens"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

// realDocs reads a real export with its reader: one document per publication (the exports hold
// no family ids), main groups from the classifications, the subclass of the main IPC code.
func realDocs(t *testing.T, f format.Format, path string) []Doc {
	t.Helper()
	r, err := f.Open(path, format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	recs, _, err := format.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	var docs []Doc
	seen := map[string]bool{}
	for i, rec := range recs {
		p := rec.Patent
		id := p.PubNumber
		if id == "" {
			id = fmt.Sprintf("rec%d", i)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		d := Doc{ID: id, Title: p.Title, Abstract: p.Abstract, Claims: p.Claims, Subclass: mainSubclass(rec.Classifications)}
		if p.PriorityDate.Valid() {
			d.Year = p.PriorityDate.Year()
		} else if p.AppDate.Valid() {
			d.Year = p.AppDate.Year()
		}
		for _, c := range rec.Classifications {
			d.Codes = append(d.Codes, c.MainGroup)
		}
		for _, pa := range rec.Parties {
			if pa.Role == "applicant" {
				d.Applicant = pa.Name
				break
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// mainSubclass is the subclass of the main IPC code, else of the first IPC code, else "".
func mainSubclass(cs []patent.Classification) string {
	for _, c := range cs {
		if c.Scheme == "ipc" && c.IsMain {
			return c.Subclass
		}
	}
	for _, c := range cs {
		if c.Scheme == "ipc" {
			return c.Subclass
		}
	}
	return ""
}

// sklearnPython returns a python3 that has scikit-learn and jieba, or "".
func sklearnPython() string {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import sklearn, jieba").Run() == nil {
			return p
		}
	}
	return ""
}

// TestRealDataVersusSklearn clusters the two real exports and checks that the NMI of our text
// clusters against the main IPC subclass is at least that of scikit-learn's TfidfVectorizer +
// KMeans (n_init=10) with the same k on the same documents (testdata/baseline.py). Tolerance: none
// (ours ≥ theirs). It skips with -short, without the data or without python3-sklearn/jieba.
func TestRealDataVersusSklearn(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy real-data comparison")
	}
	py := sklearnPython()
	if py == "" {
		if realdata.InCI() {
			t.Fatal("python3 with scikit-learn and jieba not available and CI=true (.ci/run installs python3-sklearn and python3-jieba)")
		}
		t.Skip("python3 with scikit-learn and jieba not available")
	}
	for _, c := range []struct {
		name string
		f    format.Format
		sub  string
		file string
		lang string
	}{
		{"lens_drones_2017", lens.Format, "lens", "lens_drones_2017_raw.csv", "en"},
		{"cnipa_专利信息", cnipa.Format, "cnipa", "专利信息.xlsx", "zh"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			docs := realDocs(t, c.f, realdata.File(t, c.sub, c.file))
			res, err := Run(docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			e := res.Evaluation
			tsv := filepath.Join(t.TempDir(), "docs.tsv")
			var b strings.Builder
			clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
			for _, d := range docs {
				b.WriteString(d.ID + "\t" + clean.Replace(d.Title+" "+d.Abstract+" "+d.Claims) + "\t" + d.Subclass + "\n")
			}
			if err := os.WriteFile(tsv, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(py, "testdata/baseline.py", tsv, fmt.Sprint(e.K), c.lang).Output()
			if err != nil {
				t.Fatalf("baseline: %v", err)
			}
			var base struct {
				NMI, ARI float64
				N        int
			}
			if err := json.Unmarshal(out, &base); err != nil {
				t.Fatalf("baseline output %q: %v", out, err)
			}
			t.Logf("%s: %d docs, k=%d (silhouette %.4f), ours NMI %.4f ARI %.4f | sklearn NMI %.4f ARI %.4f (n=%d); stability %.3f; class-network Q %.3f",
				c.name, len(docs), e.K, e.Silhouette, e.NMI, e.ARI, base.NMI, base.ARI, base.N, e.Stability, e.Modularity)
			if e.NMI < base.NMI {
				t.Errorf("NMI %.4f below scikit-learn's %.4f", e.NMI, base.NMI)
			}
			for _, cl := range res.Clusters {
				t.Logf("  C%d %s n=%d %s", cl.ID, cl.Lang, cl.Size, cl.Label)
				if c.lang == "zh" && cl.Lang == "zh" {
					for _, term := range cl.Terms {
						if termLang(term.Term) != langZh || utf8.RuneCountInString(term.Term) < 2 {
							t.Errorf("cluster %d: label term %q is not a Chinese word", cl.ID, term.Term)
						}
					}
				}
			}
		})
	}
}
