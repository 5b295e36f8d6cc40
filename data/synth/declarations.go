package synth

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
)

// Declaration list layouts of WriteDeclarations (the two the sep reader reads).
const (
	DeclETSI = "etsi" // ETSI's ISLD export: the 3GPP specifications, with generation flags
	DeclDSEP = "dsep" // the dSEP/OEIDD layout: the other bodies (IEEE, ITU-T, ASTM)
)

// declStandard is a standard the demo world's families may be declared essential to; foreign
// ones are declared only by applicants outside CN (so the demo region has a gap there).
type declStandard struct {
	body, name, project, gen string
	foreign                  bool
}

// declByBranch maps the branches whose families are candidates for declarations to their
// standards (a family declared gets one or two of its branch's standards).
var declByBranch = map[string][]declStandard{
	"CM.CELL":  {{"ETSI", "TS 36.331", "3GPP", "4G", false}, {"ETSI", "TS 23.256", "3GPP", "5G", true}, {"ETSI", "TS 38.331", "3GPP", "5G", false}},
	"CM.RELAY": {{"ETSI", "TS 36.331", "3GPP", "4G", false}, {"ETSI", "TS 38.300", "3GPP", "5G", false}},
	"CM.LINK":  {{"IEEE", "IEEE 802.11ax", "802.11", "", false}, {"ITU-T", "H.265", "", "", false}},
	"PL.GIM":   {{"ITU-T", "H.265", "", "", false}},
	"FC.RC":    {{"ASTM", "ASTM F3411", "F38", "", false}},
	"FC.NAV":   {{"ASTM", "ASTM F3411", "F38", "", false}},
}

// declRate is the share of candidate families declared.
const declRate = 0.12

// WriteDeclarations writes a standard-essential-patent declaration list for the world described
// by opts, in the given layout (DeclETSI: the ETSI standards, DeclDSEP: the others): each family
// of a candidate branch is declared with probability declRate (seeded by the world's seed and the
// family) by its main applicant, naming its first publication, on a day after its priority date;
// every 25th declaration also names a number of no generated family (unmatched in the lake), and
// the dSEP list ends with one blanket declaration per body. Same options, same bytes.
func WriteDeclarations(w io.Writer, opts Options, layout string) (Stats, error) {
	return NewWorld(opts).WriteDeclarations(w, layout)
}

// WriteDeclarations writes the world's declaration list (see the package-level function).
func (wd *World) WriteDeclarations(w io.Writer, layout string) (Stats, error) {
	cw := &countingWriter{w: w}
	c := csv.NewWriter(cw)
	var st Stats
	switch layout {
	case DeclETSI:
		c.Write([]string{"IPRD_ID", "IPRD_REFERENCE", "IPRD_SIGNATURE_DATE", "COMP_LEGAL_NAME", "ETPR_ACRONYM", "Standard", "PUBL_NUMBER", "PATT_APPLICATION_NUMBER", "2G", "3G", "4G", "5G"})
	case DeclDSEP:
		c.Write([]string{"record_id", "disclosure_event", "sso", "patent_owner_harmonized", "patent_owner_unharmonized", "date", "standard", "committee_project", "licensing_commitment", "blanket_type", "blanket_scope", "serial_cleaned", "pub_cleaned"})
	default:
		return st, fmt.Errorf("synth: declaration layout %q: want %s or %s", layout, DeclETSI, DeclDSEP)
	}
	commit := []string{"RAND", "RAND", "Royalty Free", "FRAND"}
	n := 0
	emit := func(std declStandard, number, owner string, day Day) {
		n++
		y, m, d := day.Civil()
		if layout == DeclETSI {
			flags := []string{"0", "0", "0", "0"}
			switch std.gen {
			case "4G":
				flags[2] = "1"
			case "5G":
				flags[3] = "1"
			}
			c.Write(append([]string{fmt.Sprint(100000 + n), fmt.Sprintf("ISLD-%04d%02d-%03d", y, m, n%1000), fmt.Sprintf("%02d/%02d/%04d", d, m, y),
				owner, std.project, std.name, number, ""}, flags...))
			return
		}
		c.Write([]string{fmt.Sprint(n), fmt.Sprint(1 + n/3), std.body, owner, owner, fmt.Sprintf("%04d%02d%02d", y, m, d), std.name,
			std.project, commit[n%len(commit)], "0", "", "", number})
	}
	bodies := map[string]bool{}
	err := wd.Each(func(f *Family) error {
		st.Families++
		cands := declByBranch[f.Branch]
		if len(cands) == 0 || len(f.Pubs) == 0 {
			return nil
		}
		r := rand.New(rand.NewPCG(uint64(wd.opts.Seed)^0x5ee5_0000, uint64(f.Index)))
		if r.Float64() >= declRate {
			return nil
		}
		picked := []declStandard{cands[r.IntN(len(cands))]}
		if len(cands) > 1 && r.Float64() < 0.3 {
			if o := cands[r.IntN(len(cands))]; o != picked[0] {
				picked = append(picked, o)
			}
		}
		owner := wd.apps[f.Applicants[0]].Name
		// Declarations follow the filing; a list of this kind starts in the 2000s.
		day := max(Day(int32(f.Priority.Date)+300+int32(r.IntN(900))), DayOf(2005, 1, 1)+Day(r.IntN(365)))
		if day > wd.cutoff {
			day = wd.cutoff
		}
		for _, std := range picked {
			if (std.body == "ETSI") != (layout == DeclETSI) || std.foreign && wd.apps[f.Applicants[0]].Country == "CN" {
				continue
			}
			bodies[std.body] = true
			emit(std, f.Pubs[0].Key.Display(), owner, day)
			st.Records++
			if n%25 == 0 {
				emit(std, fmt.Sprintf("JP 2099%06d A", n), owner, day)
				st.Records++
			}
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	if layout == DeclDSEP {
		for _, b := range []string{"IEEE", "ITU-T", "ASTM"} {
			if !bodies[b] {
				continue
			}
			n++
			c.Write([]string{fmt.Sprint(n), fmt.Sprint(1 + n/3), b, "NOKIA CORP", "Nokia Corporation", "20200601", "", b, "RAND", "1", "", "", ""})
			st.Records++
		}
	}
	c.Flush()
	st.Bytes = cw.n
	return st, c.Error()
}
