package patentsview

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/patnav/patnav/ingest/format"
)

// genFolder writes a folder of g_* tables for n patents, sorted by patent id as the bulk files are,
// and returns its total size in bytes.
func genFolder(t testing.TB, dir string, n int) int64 {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		switch i % 50 {
		case 7:
			ids[i] = "D" + strconv.Itoa(700000+i)
		case 13:
			ids[i] = "PP" + strconv.Itoa(20000+i)
		default:
			ids[i] = strconv.Itoa(4000000 + i*61)
		}
	}
	sort.Strings(ids)
	type tw struct {
		w *bufio.Writer
		f *os.File
	}
	open := func(name, header string) tw {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString(header + "\n")
		return tw{w, f}
	}
	pat := open("g_patent.tsv", "patent_id\tpatent_type\tpatent_date\tpatent_title\twipo_kind\tnum_claims\twithdrawn\tfilename")
	app := open("g_application.tsv", "application_id\tpatent_id\tpatent_application_type\tfiling_date\tseries_code\trule_47_flag")
	asg := open("g_assignee_disambiguated.tsv", "patent_id\tassignee_sequence\tassignee_id\tdisambig_assignee_individual_name_first\tdisambig_assignee_individual_name_last\tdisambig_assignee_organization\tassignee_type\tlocation_id")
	inv := open("g_inventor_disambiguated.tsv", "patent_id\tinventor_sequence\tinventor_id\tdisambig_inventor_name_first\tdisambig_inventor_name_last\tgender_code\tlocation_id")
	cpc := open("g_cpc_current.tsv", "patent_id\tcpc_sequence\tcpc_section\tcpc_class\tcpc_subclass\tcpc_group\tcpc_type")
	cit := open("g_us_patent_citation.tsv", "patent_id\tcitation_sequence\tcitation_patent_id\tcitation_date\trecord_name\twipo_kind\tcitation_category")
	loc := open("g_location_disambiguated.tsv", "location_id\tdisambig_city\tdisambig_state\tdisambig_country\tlatitude\tlongitude\tcounty\tstate_fips\tcounty_fips")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(loc.w, "loc%d\tCity %d\tST\tUS\t40.1\t-70.2\tCounty\t01\t001\n", i, i)
	}
	for i, id := range ids {
		kind, typ := "B2", "utility"
		if id[0] == 'D' {
			kind, typ = "S1", "design"
		} else if id[0] == 'P' {
			kind, typ = "P3", "plant"
		}
		fmt.Fprintf(pat.w, "\"%s\"\t\"%s\"\t\"2019-%02d-%02d\"\t\"Method and apparatus for processing item number %d in a network\"\t\"%s\"\t\"%d\"\t\"0\"\t\"ipg190101.xml\"\n",
			id, typ, 1+i%12, 1+i%28, i, kind, 1+i%30)
		fmt.Fprintf(app.w, "\"16/%06d\"\t\"%s\"\t\"16\"\t\"2017-%02d-%02d\"\t\"16\"\t\"0\"\n", i%1000000, id, 1+i%12, 1+i%28)
		for s := 0; s < 1+i%2; s++ {
			fmt.Fprintf(asg.w, "\"%s\"\t\"%d\"\t\"a%d\"\t\"\"\t\"\"\t\"Example Technologies Corporation %d\"\t\"2\"\t\"loc%d\"\n", id, s, i%5000, i%5000, (i+s)%1000)
		}
		for s := 0; s < 2+i%3; s++ {
			fmt.Fprintf(inv.w, "\"%s\"\t\"%d\"\t\"n%d\"\t\"Firstname%d\"\t\"Lastname%d\"\t\"M\"\t\"loc%d\"\n", id, s, i, s, i%997, (i*3+s)%1000)
		}
		for s := 0; s < 3; s++ {
			fmt.Fprintf(cpc.w, "\"%s\"\t\"%d\"\t\"H\"\t\"H04\"\t\"H04W\"\t\"H04W%d/%d\"\t\"inventional\"\n", id, s, 4+s*10, 10+i%90)
		}
		for s := 0; s < 5; s++ {
			fmt.Fprintf(cit.w, "\"%s\"\t\"%d\"\t\"%d\"\t\"2001-01-01\"\t\"Smith\"\t\"B1\"\t\"cited by examiner\"\n", id, s, 6000000+(i*7+s)%3000000)
		}
	}
	var total int64
	for _, x := range []tw{pat, app, asg, inv, cpc, cit, loc} {
		if err := x.w.Flush(); err != nil {
			t.Fatal(err)
		}
		fi, _ := x.f.Stat()
		total += fi.Size()
		x.f.Close()
	}
	return total
}

// readFolder reads a folder, returning records, the peak HeapInuse sampled (after a GC) every
// sampleEvery records, and TotalAlloc.
func readFolder(t testing.TB, dir string, sampleEvery int) (n int, peak uint64) {
	t.Helper()
	r, err := Open(dir, format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var ms runtime.MemStats
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			t.Fatalf("unexpected record error %v", re)
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if sampleEvery > 0 && n%sampleEvery == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	return n, peak
}

// Memory must not grow with the number of patents: the peak heap reading 10× more patents stays
// within a small margin.
func TestMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("generates ~60 MB of tables")
	}
	old := InMemoryLimit
	InMemoryLimit = 0 // stream every table
	defer func() { InMemoryLimit = old }()
	var peaks []uint64
	for _, n := range []int{5000, 50000} {
		dir := t.TempDir()
		genFolder(t, dir, n)
		got, peak := readFolder(t, dir, 1000)
		if got != n {
			t.Fatalf("%d records, want %d", got, n)
		}
		t.Logf("%d patents: peak HeapInuse %.1f MiB", n, float64(peak)/(1<<20))
		peaks = append(peaks, peak)
	}
	if peaks[1] > peaks[0]+4<<20 {
		t.Errorf("peak heap grew from %d to %d bytes with 10x the patents", peaks[0], peaks[1])
	}
}

func BenchmarkRead(b *testing.B) {
	const n = 100000
	dir := b.TempDir()
	size := genFolder(b, dir, n)
	old := InMemoryLimit
	InMemoryLimit = 0
	defer func() { InMemoryLimit = old }()
	b.SetBytes(size)
	b.ResetTimer()
	var peak uint64
	start := time.Now()
	recs := 0
	for i := 0; i < b.N; i++ {
		got, p := readFolder(b, dir, 20000)
		if got != n {
			b.Fatalf("%d records", got)
		}
		recs += got
		peak = max(peak, p)
	}
	b.ReportMetric(float64(recs)/time.Since(start).Seconds(), "records/s")
	b.ReportMetric(float64(peak)/(1<<20), "peakHeapMiB")
}
