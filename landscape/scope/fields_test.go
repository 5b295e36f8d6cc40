package scope

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// otherField is a generated technology field unrelated to drones: its classification codes and
// vocabulary. Some are hard negatives on purpose: ground vehicles share G05D1 and "vehicle",
// "control", "autonomous" with drones; wireless networks share H04W/H04L; imaging shares H04N.
type otherField struct {
	name  string
	codes []string
	words []string
}

var otherFields = []otherField{
	{"ground vehicles", []string{"B60W30/09", "B60W40/02", "G05D1/02", "B62D15/02", "B60R21/01"},
		[]string{"vehicle", "steering", "lane", "autonomous", "driver", "brake", "wheel", "road", "control", "sensor", "parking", "torque"}},
	{"textiles", []string{"D06F39/00", "D01H1/00", "D04B1/00", "D06M15/00"},
		[]string{"yarn", "spinning", "fabric", "washing", "drum", "fibre", "knitting", "laundry", "detergent", "loom"}},
	{"batteries", []string{"H01M10/0525", "H01M4/133", "H01M50/20", "H02J7/00"},
		[]string{"electrode", "lithium", "cell", "anode", "cathode", "electrolyte", "separator", "charging", "battery", "capacity"}},
	{"pharmaceuticals", []string{"A61K31/00", "A61P35/00", "C07D401/00", "A61K9/20"},
		[]string{"compound", "treatment", "tablet", "dose", "inhibitor", "tumour", "patient", "formulation", "salt", "receptor"}},
	{"wireless networks", []string{"H04W72/04", "H04L5/00", "H04W4/02", "H04B7/06"},
		[]string{"network", "base", "station", "signal", "terminal", "channel", "transmission", "resource", "uplink", "beam"}},
	{"imaging", []string{"H04N5/232", "G03B17/00", "G06T7/00", "H04N23/60"},
		[]string{"image", "lens", "pixel", "exposure", "focus", "camera", "sensor", "shutter", "frame", "brightness"}},
}

var generalWords = []string{"apparatus", "assembly", "improved", "unit", "housing", "module", "layer", "surface", "portion", "member", "plate", "frame", "efficient", "low", "cost"}

// writeOtherFields writes perField generated families of each other field as a Lens CSV
// (current layout, one publication per family), seeded so the file is always the same.
func writeOtherFields(w io.Writer, perField int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 77))
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"#", "Jurisdiction", "Kind", "Display Key", "Lens ID", "Publication Date", "Publication Year", "Application Number", "Application Date", "Priority Numbers", "Earliest Priority Date", "Title", "Abstract", "Applicants", "Inventors", "URL", "Document Type", "CPC Classifications", "IPCR Classifications"}); err != nil {
		return err
	}
	pick := func(words []string, n int) string {
		out := make([]string, n)
		for i := range out {
			if rng.IntN(4) == 0 {
				out[i] = generalWords[rng.IntN(len(generalWords))]
			} else {
				out[i] = words[rng.IntN(len(words))]
			}
		}
		return strings.Join(out, " ")
	}
	rec := 0
	for fi, f := range otherFields {
		for j := 0; j < perField; j++ {
			rec++
			year := 2005 + rng.IntN(12)
			num := 9000000 + fi*100000 + j
			codes := []string{f.codes[rng.IntN(len(f.codes))], f.codes[rng.IntN(len(f.codes))]}
			title := pick(f.words, 3+rng.IntN(4))
			title = strings.ToUpper(title[:1]) + title[1:]
			row := []string{fmt.Sprint(rec), "US", "B2", fmt.Sprintf("US %d B2", num), fmt.Sprintf("900-%03d-%03d-%03d-00X", fi, j/1000, j%1000),
				fmt.Sprintf("%d-06-01", year+2), fmt.Sprint(year + 2), fmt.Sprintf("US %d%07d A", year, num%10000000), fmt.Sprintf("%d-03-01", year),
				fmt.Sprintf("US %d%07d A %d0301", year, num%10000000, year), fmt.Sprintf("%d-03-01", year),
				title, "A " + pick(f.words, 25+rng.IntN(20)) + ".", fmt.Sprintf("%s CORP %d", strings.ToUpper(strings.Fields(f.name)[0]), rng.IntN(40)),
				"DOE JOHN", "https://lens.org/x", "Granted Patent", strings.Join(codes, ";;"), strings.Join(codes, ";;")}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
