package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/patnav/patnav/ingest"
)

func cmdIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", "[--lake DIR] [--format F] PATH...", stderr)
	lakeDir := fs.String("lake", "lake", "lake folder")
	formatName := fs.String("format", "", "force the input format (see 'patnav formats'); default: sniff each file")
	enc := fs.String("encoding", "", "force the text encoding (utf-8, gbk, gb18030, macroman, windows-1252); default: detect")
	sheet := fs.String("sheet", "", "XLSX sheet to read; default: every sheet with a recognised header")
	maxBad := fs.String("max-bad", "", "fail (leaving the lake unchanged) when a file has more than N rejected records, or more than P% with a % suffix; default: no limit")
	thes := fs.String("thesaurus", "", "CSV of applicant aliases (alias,canonical) merged after normalisation")
	minAccept := fs.Int("min-accept", 1, "fail (leaving the lake unchanged, exit 3) when a file holding records yields fewer accepted ones")
	force := fs.Bool("force", false, "read files the manifest already lists again, replacing their earlier reading in the same transaction")
	maxField := fs.String("max-field", "1MB", "quarantine a record with a field larger than this (bytes; K, MB, GB suffixes)")
	maxRecord := fs.String("max-record", "8MB", "quarantine a record larger than this (a CSV row, an XML document, an XLSX row)")
	maxEntry := fs.String("max-entry", "256MB", "reject a workbook with a part (XLSX zip entry) that decompresses beyond this")
	parts := fs.String("parts", "auto", "part files: year (the publications' tables one part per priority year, for engines that read a window of years), whole (one per table), or auto (year from about 5M publications)")
	quiet := fs.Bool("q", false, "print nothing but errors")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	opts := ingest.Options{Lake: *lakeDir, Format: *formatName, Encoding: *enc, Sheet: *sheet, Thesaurus: *thes, MaxBad: -1,
		MinAccept: *minAccept, Force: *force}
	var err error
	if opts.Parts, err = ingest.ParseParts(*parts); err != nil {
		return fmt.Errorf("%w: --parts %q: want auto, year or whole", errUsage, *parts)
	}
	for _, l := range []struct {
		name string
		v    string
		set  func(int64)
	}{
		{"max-field", *maxField, func(n int64) { opts.Limits.MaxField = int(n) }},
		{"max-record", *maxRecord, func(n int64) { opts.Limits.MaxRecord = int(n) }},
		{"max-entry", *maxEntry, func(n int64) { opts.Limits.MaxEntry = n }},
	} {
		n, err := parseSize(l.v)
		if err != nil {
			return fmt.Errorf("%w: --%s %q: %v", errUsage, l.name, l.v, err)
		}
		l.set(n)
	}
	if *minAccept < 0 {
		return fmt.Errorf("%w: --min-accept %d: want a count >= 0", errUsage, *minAccept)
	}
	if *maxBad != "" {
		if strings.HasSuffix(*maxBad, "%") {
			p, err := strconv.ParseFloat(strings.TrimSuffix(*maxBad, "%"), 64)
			if err != nil || p < 0 || p > 100 {
				return fmt.Errorf("%w: --max-bad %q: want a count or a percentage like 5%%", errUsage, *maxBad)
			}
			opts.MaxBadRatio = p / 100
		} else {
			n, err := strconv.Atoi(*maxBad)
			if err != nil || n < 0 {
				return fmt.Errorf("%w: --max-bad %q: want a count or a percentage like 5%%", errUsage, *maxBad)
			}
			opts.MaxBad = n
		}
	}
	if !*quiet {
		var done func()
		opts.Progress, done = ttyProgress()
		defer done()
	}
	st, err := ingest.Run(ctx, fs.Args(), opts)
	if err != nil {
		return err
	}
	if *quiet {
		return nil
	}
	for _, f := range st.Files {
		if f.Skipped != "" {
			fmt.Fprintf(stdout, "%s: skipped: %s\n", f.Path, f.Skipped)
			continue
		}
		enc := ""
		if f.Encoding != "" && f.Encoding != "utf-8" {
			enc = ", " + f.Encoding
		}
		if f.Repaired > 0 {
			recs := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(f.RepairedRecords)), ", "), "[]")
			enc = fmt.Sprintf(", %s: %d invalid bytes replaced by U+FFFD in records %s", or(f.Encoding, "utf-8"), f.Repaired, recs)
			if len(f.RepairedRecords) == 20 { // the first 20 are listed
				enc += " …"
			}
		}
		if f.Notice != "" && f.Records == 0 {
			fmt.Fprintf(stdout, "%s (%s%s): notice: %s\n", f.Path, f.Format, enc, f.Notice)
			continue
		}
		fmt.Fprintf(stdout, "%s (%s%s): %d records, %d accepted, %d rejected, %d duplicates\n",
			f.Path, f.Format, enc, f.Records, f.Accepted, f.Rejected, f.Duplicates)
		if f.Rejoined > 0 {
			recs := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(f.RejoinedRecords)), ", "), "[]")
			if len(f.RejoinedRecords) == 20 {
				recs += " …"
			}
			fmt.Fprintf(stdout, "%s: %d lines were a cell of the record before them broken onto a new line, joined back (one character lost at each break, marked …): records %s\n",
				f.Path, f.Rejoined, recs)
		}
		if f.Mojibake > 0 {
			recs := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(f.MojibakeRecords)), ", "), "[]")
			if len(f.MojibakeRecords) < f.Mojibake {
				recs += " …"
			}
			fmt.Fprintf(stdout, "%s: warning: %d records hold text that looks double-encoded at the source (UTF-8 read as a single-byte code page before the export; stored as it is): records %s\n",
				f.Path, f.Mojibake, recs)
		}
	}
	rec, acc, rej, dup := st.Totals()
	if st.Ingest == "" {
		fmt.Fprintf(stdout, "nothing new: the lake in %s is unchanged\n", *lakeDir)
		return nil
	}
	layout := ""
	if st.ByYear {
		layout = ", parts by priority year"
	}
	fmt.Fprintf(stdout, "ingest %s committed to %s: %d records, %d accepted, %d rejected (see the quarantine table), %d duplicates%s, in %s\n",
		st.Ingest, *lakeDir, rec, acc, rej, dup, layout, st.Elapsed.Round(1e6))
	return nil
}

// ttyProgress returns an ingest progress callback that draws a bar per file on stderr when stderr
// is a terminal (nil otherwise), and a function that finishes the last bar.
func ttyProgress() (func(ingest.Progress), func()) {
	if !isTTY(os.Stderr) {
		return nil, func() {}
	}
	var bar *progressbar.ProgressBar
	cur := -1
	return func(p ingest.Progress) {
			if p.FileIndex != cur {
				if bar != nil {
					bar.Finish()
				}
				cur = p.FileIndex
				bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(os.Stderr),
					progressbar.OptionSetDescription(fmt.Sprintf("[%d/%d] %s", p.FileIndex+1, p.Files, filepath.Base(p.File))),
					progressbar.OptionShowCount(), progressbar.OptionSetItsString("records"), progressbar.OptionShowIts(),
					progressbar.OptionClearOnFinish())
			}
			bar.Set(p.Records)
		}, func() {
			if bar != nil {
				bar.Finish()
			}
		}
}

func or(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// parseSize reads a byte count: a number with an optional K/KB, M/MB or G/GB suffix (powers of
// 1024), at least 1 KB.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSuffix(t, u.suffix), u.m
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult || n*mult < 1<<10 {
		return 0, fmt.Errorf("want a size of at least 1KB such as 512KB, 4MB or 1GB")
	}
	return n * mult, nil
}
