// Package ingest turns patent exports into the lake: it finds the inputs, picks a reader for each
// (by --format or by sniffing), streams records through normalisation, deduplicates them against
// the lake, quarantines bad records, and commits everything as one lake transaction.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	iofs "io/fs" // "fs" names the file stats in Run
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/applicant"
	"github.com/patnav/patnav/internal/lake"
	"github.com/patnav/patnav/internal/patent"
)

// ErrTooManyBad is returned when rejected records exceed the --max-bad limit.
var ErrTooManyBad = errors.New("too many bad records")

// ErrNoInput is returned when the paths hold no input files.
var ErrNoInput = errors.New("no input files")

// ErrRejected wraps a reader's refusal of an input: it cannot be opened as the format chosen for it
// (sniffed or forced), or it is corrupt (a broken zip, a truncated document stream).
var ErrRejected = errors.New("input rejected")

// ErrTooFewAccepted is returned when an input yields fewer accepted records than
// Options.MinAccept (by default: none of a file that holds records), as a wrong --format does.
var ErrTooFewAccepted = errors.New("too few records accepted")

// InputError is an error about one input: ingest.Run returns it (wrapped) for an input that is
// unreadable, of no known format, refused by its reader, or with too many rejected or too few
// accepted records, so that a caller (the nightly run) can set that input aside and go on.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// ErrBadOption is returned for an option the caller got wrong (an unknown --format or --encoding
// name): a usage error, not a problem of the input.
var ErrBadOption = errors.New("bad option")

// Options configure an ingest.
type Options struct {
	Lake     string // lake folder (created when missing)
	Format   string // force a reader by name; "" sniffs each input
	Encoding string // force a text encoding; "" detects
	Sheet    string // XLSX sheet name; "" reads every recognised sheet
	// MaxBad fails the ingest when a file has more than MaxBad rejected records (< 0: no limit).
	MaxBad int
	// MaxBadRatio fails the ingest when a file's rejected/records exceeds it (<= 0: no limit).
	MaxBadRatio float64
	// MinAccept fails the ingest when a file that holds records yields fewer accepted ones
	// (0 means 1: a file none of whose records is accepted always fails).
	MinAccept int
	// Force reads inputs whose checksum the manifest already lists: the earlier reading of the
	// same content is replaced (forgotten in the same transaction). Without Force the same
	// happens when the forced format or encoding differs from the earlier reading's.
	Force     bool
	Thesaurus string // optional alias CSV (alias,canonical) merging applicant names
	// Limits bound a field, a record and a decompressed archive entry (zero: the defaults,
	// format.DefaultMaxField and the others): an oversize field or record is quarantined, an
	// oversize entry rejects its input.
	Limits format.Limits
	// Exclude lists paths the walk of a folder skips (the nightly run's inbox/rejected).
	Exclude []string
	// Progress, when set, is called with the bytes read so far of the current file.
	Progress func(Progress)
	// Workers is the number of normalisation goroutines (0: GOMAXPROCS).
	Workers int
	// Parts chooses how the ingest's part files are laid out (PartsAuto: by priority year for
	// a large ingest, see byYear).
	Parts Parts
	// Formats overrides the reader registry (tests).
	Formats []format.Format
	// noReread: every text input's encoding is checked before it is read (Run's second attempt).
	noReread bool
}

// Progress reports ingest progress.
type Progress struct {
	File      string
	FileIndex int // 0-based
	Files     int
	Records   int
}

// FileStats is what one input contributed.
type FileStats struct {
	Path       string
	Format     string
	Encoding   string
	Records    int // accepted + rejected
	Accepted   int
	Rejected   int
	Duplicates int    // accepted records already stored (from the lake or earlier in this ingest)
	Skipped    string // non-empty: why the file was not read (e.g. already ingested)
	// Repaired counts the bytes that were not valid in the file's encoding (a stray Latin-1
	// byte in a UTF-8 export) and were replaced by U+FFFD; RepairedRecords are the first
	// records they were in.
	Repaired        int
	RepairedRecords []int
	// Rejoined counts the lines that were not records but the spill-over of the record before
	// them (a cell broken across lines in some raw exports), joined back to it; RejoinedRecords
	// are the first 20 records that had one.
	Rejoined        int
	RejoinedRecords []int
	// FirstRejection is the first rejected record's error (file, record, line, field, reason).
	FirstRejection string
	// Mojibake counts the accepted records whose title or party names still look like UTF-8
	// read in a single-byte code page before the export ("_°Ñ‚_°", bytes lost at the source:
	// CleanText repairs what can be repaired); their text is stored as it is. MojibakeRecords are
	// the first 20 of them.
	Mojibake        int
	MojibakeRecords []int
	// Notice is set for a file read without any record: "0 records: claims-only response",
	// "0 records: header only". Such a file does not fail the ingest.
	Notice string
	// Attached counts the texts (claims, abstracts) of a file without bibliographic records
	// that were attached to publications already stored; Unattached those whose publication
	// the lake does not hold (not stored).
	Attached, Unattached int
	// Declarations counts the accepted records that are standard-essential-patent declarations
	// (ingest/sep: stored in the standards table, not as publications); Unmatched those naming a
	// publication the lake does not hold now (kept: a later ingest may bring it).
	Declarations, Unmatched int
	// Observed is the day the file's content was exported, and ObservedFrom where that comes
	// from ("file", "mtime" or "ingest"; see lake.Input).
	Observed     patent.Date
	ObservedFrom string
}

// Stats summarises an ingest.
type Stats struct {
	Ingest  string // ingest id, "" when nothing was committed
	Files   []FileStats
	Elapsed time.Duration
	ByYear  bool // the publications' tables were written one part per priority year
}

// Parts is the layout of an ingest's part files.
type Parts int

const (
	// PartsAuto writes a large ingest's parts by priority year (see byYear), others whole.
	PartsAuto Parts = iota
	// PartsByYear writes the publications' tables one part per priority year (lake.Txn.ByYear).
	PartsByYear
	// PartsWhole writes one part per table.
	PartsWhole
)

// ParseParts reads a Parts value by name: auto, year or whole.
func ParseParts(s string) (Parts, error) {
	switch s {
	case "auto", "":
		return PartsAuto, nil
	case "year":
		return PartsByYear, nil
	case "whole":
		return PartsWhole, nil
	}
	return PartsAuto, fmt.Errorf("%w: parts %q (want auto, year or whole)", ErrBadOption, s)
}

// Sizes from which an ingest's parts are written by priority year (PartsAuto): the
// publications the inputs are expected to hold (expectedRecords), or, for formats that do not
// say, the inputs' bytes. A lake of tens of millions of publications is read by other engines
// a window of years at a time (docs/scale.md); a nightly increment of a few thousand stays one
// part per table, as many small files per year would slow every reader.
const (
	yearPartsRecords = 5_000_000
	yearPartsBytes   = 8 << 30
)

// byYear decides whether an ingest of inputs writes its parts by priority year.
func byYear(inputs []input, parts Parts) bool {
	switch parts {
	case PartsByYear:
		return true
	case PartsWhole:
		return false
	}
	if expectedRecords(inputs) >= yearPartsRecords {
		return true
	}
	var bytes int64
	for _, in := range inputs {
		if fi, err := os.Stat(in.path); err == nil && !fi.IsDir() {
			bytes += fi.Size()
		}
	}
	return bytes >= yearPartsBytes
}

// Totals sums the per-file counts.
func (s *Stats) Totals() (records, accepted, rejected, duplicates int) {
	for _, f := range s.Files {
		records += f.Records
		accepted += f.Accepted
		rejected += f.Rejected
		duplicates += f.Duplicates
	}
	return
}

// Run ingests the inputs under paths (files, or folders walked recursively; a folder that a
// folder format recognises, such as PatentsView tables, is one input). Everything is committed as
// one lake transaction: on any error the lake is left exactly as it was.
func Run(ctx context.Context, paths []string, opts Options) (*Stats, error) {
	start := time.Now()
	// Ingest allocates many short-lived strings while its memory stays bounded by the row
	// groups in flight: a less eager collector saves a tenth of the CPU.
	// A soft memory limit keeps peak RSS well under 1 GB whatever the input size, on top of the
	// publication index (below), which lives for the whole ingest and grows with the lake.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestHeap))
	formats := opts.Formats
	if formats == nil {
		formats = Formats()
	}
	if opts.Encoding != "" && !format.KnownEncoding(opts.Encoding) {
		return nil, fmt.Errorf("%w: unknown encoding %q (known: %s)", ErrBadOption, opts.Encoding, strings.Join(format.EncodingNames(), ", "))
	}
	inputs, err := expand(paths, formats, opts.Format, opts.Exclude)
	if err != nil {
		return nil, err
	}
	if len(inputs) == 0 {
		return nil, fmt.Errorf("%w under %s", ErrNoInput, strings.Join(paths, ", "))
	}
	thes, err := applicant.LoadThesaurus(opts.Thesaurus)
	if opts.Thesaurus == "" {
		thes, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	l, err := lake.Open(opts.Lake)
	if err != nil {
		return nil, err
	}
	unlock, err := l.Lock()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Lake, err)
	}
	defer unlock()
	// A text input begun as UTF-8 that turns out to be in another encoding (format.RereadError)
	// is read again in it, in a second attempt under the same lock: the first attempt's
	// transaction is aborted, so what it wrote is dropped whole. The second attempt checks every
	// other input's encoding before reading it (format.Options.Reread off), so there is no
	// third: a folder of such inputs costs two attempts, not one per input.
	reread := map[string]string{}
	for {
		st, err := attempt(ctx, inputs, thes, opts, start, reread)
		var again *rereadInput
		if !errors.As(err, &again) || opts.noReread {
			return st, err
		}
		reread[again.path] = again.encoding
		opts.noReread = true
	}
}

// rereadInput ends an attempt whose input path is to be read again in encoding
// (format.RereadError).
type rereadInput struct {
	path, encoding string
	err            error
}

func (e *rereadInput) Error() string { return e.err.Error() }
func (e *rereadInput) Unwrap() error { return e.err }

// attempt is one attempt of Run, under its lock; reread gives the encoding of an input to read
// again.
func attempt(ctx context.Context, inputs []input, thes *applicant.Thesaurus, opts Options, start time.Time, reread map[string]string) (*Stats, error) {
	// Open under the lock: another ingest may have committed meanwhile.
	l, err := lake.Open(opts.Lake)
	if err != nil {
		return nil, err
	}
	if err := l.Clean(); err != nil {
		return nil, err
	}
	tx, err := l.Begin()
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Abort()
		}
	}()
	yearly := byYear(inputs, opts.Parts)
	if yearly {
		tx.ByYear()
	}
	// Inputs read before that are to be read again replace their earlier reading: it is
	// forgotten in this same transaction, so the publications are stored anew.
	replaced, err := replacements(l, inputs, opts)
	if err != nil {
		return nil, err
	}
	if len(replaced) > 0 {
		var prev []lake.Input
		for _, in := range replaced {
			prev = append(prev, in)
		}
		if _, err := tx.Forget(prev, "re-ingested"); err != nil {
			return nil, err
		}
	}
	seen := newPubIndex(int(l.Rows(lake.TPatents)) + expectedRecords(inputs))
	// The soft limit makes room for the index's footprint, now and whenever it grows: under a
	// fixed 600 MB the collector ran without pause once the index neared it (5M Lens records:
	// a 590 MB index, half of the CPU in the collector, 2.6× the CPU per record of 1M).
	extra := int64(0)
	if yearly {
		extra = yearHeap
	}
	seen.grown = func(b int64) { debug.SetMemoryLimit(ingestLimit(b) + extra) }
	seen.grown(seen.footprint())
	if err := tx.EachPubFamily(seen.put); err != nil {
		return nil, err
	}
	st := &Stats{}
	sums := map[string]string{} // checksums read in this ingest
	sizes := map[int64]bool{}   // file sizes read in this ingest
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fs := FileStats{Path: in.path, Format: in.format.Name}
		// The checksum decides whether the content was ingested before. Only an input of the same
		// size can match, so a file of a new size is hashed while it is parsed.
		var sum string
		var size int64
		var sumErr error
		hashed := make(chan struct{})
		var tee *countingHash // the reader's own pass, when its format can tee (format.Options.Tee)
		fi, statErr := os.Stat(in.path)
		if _, ok := replaced[in.path]; ok {
			// Checksummed already (replacements): read again whatever the manifest says.
			sum, size, sumErr = checksum(in.path)
			close(hashed)
			if sumErr != nil {
				return nil, sumErr
			}
			if prev, ok := sums[sum]; ok {
				fs.Skipped = "same content as " + prev
				st.Files = append(st.Files, fs)
				continue
			}
		} else if statErr == nil && !fi.IsDir() && !l.HasInputSize(fi.Size()) && !sizes[fi.Size()] {
			sizes[fi.Size()] = true
			if in.format.Tees {
				tee = &countingHash{h: sha256.New()}
				close(hashed)
			} else {
				go func() { defer close(hashed); sum, size, sumErr = checksum(in.path) }()
			}
		} else {
			sum, size, sumErr = checksum(in.path)
			close(hashed)
			if sumErr != nil {
				return nil, sumErr
			}
			if statErr == nil && !fi.IsDir() {
				sizes[fi.Size()] = true
			}
			if prev, ok := l.InputBySHA(sum); ok {
				fs.Skipped = fmt.Sprintf("already ingested (ingest %s, as %s)", prev.Ingest, prev.Name)
				st.Files = append(st.Files, fs)
				continue
			}
			if prev, ok := sums[sum]; ok {
				fs.Skipped = "same content as " + prev
				st.Files = append(st.Files, fs)
				continue
			}
		}
		fs.Observed, fs.ObservedFrom = observedDate(fi, statErr, start)
		p := &pipe{tx: tx, seen: seen, norm: &normalizer{thes: thes}, opts: &opts, fs: &fs, tee: tee,
			progress: func(n int) {
				if opts.Progress != nil {
					opts.Progress(Progress{File: in.path, FileIndex: i, Files: len(inputs), Records: n})
				}
			}}
		p.encoding = reread[in.path]
		runErr := p.run(ctx, in)
		<-hashed
		if re := (*format.RereadError)(nil); errors.As(runErr, &re) && p.encoding == "" {
			return nil, &rereadInput{path: in.path, encoding: re.Encoding, err: runErr}
		}
		if runErr != nil {
			var pe *iofs.PathError
			if errors.Is(runErr, ErrRejected) || errors.Is(runErr, format.ErrEmpty) ||
				errors.As(runErr, &pe) && strings.HasPrefix(filepath.Clean(pe.Path), filepath.Clean(in.path)) {
				return nil, &InputError{Path: in.path, Err: runErr} // the input's fault, not the lake's
			}
			return nil, runErr
		}
		if tee != nil {
			// The reader read the whole file (else its pass cannot stand for the file's content).
			if tee.n == fi.Size() {
				sum, size = hex.EncodeToString(tee.h.Sum(nil)), tee.n
			} else {
				sum, size, sumErr = checksum(in.path)
			}
		}
		if sumErr != nil {
			return nil, sumErr
		}
		sums[sum] = in.path
		if err := checkBad(&fs, opts); err != nil {
			return nil, &InputError{Path: in.path, Err: err}
		}
		if err := checkAccepted(&fs, opts); err != nil {
			return nil, &InputError{Path: in.path, Err: err}
		}
		tx.AddInput(lake.Input{Path: in.path, Name: filepath.Base(in.path), SHA256: sum, Size: size,
			Format: in.format.Name, Encoding: fs.Encoding, Repaired: fs.Repaired, Records: fs.Records, Accepted: fs.Accepted,
			Rejected: fs.Rejected, Duplicates: fs.Duplicates, Declarations: fs.Declarations, Unmatched: fs.Unmatched, At: time.Now().UTC().Truncate(time.Second),
			Observed: fs.Observed.String(), ObservedFrom: fs.ObservedFrom, Notice: fs.Notice})
		st.Files = append(st.Files, fs)
	}
	read := false
	for _, f := range st.Files {
		if f.Skipped == "" {
			read = true
		}
	}
	if read {
		if err := tx.Commit(); err != nil {
			return nil, err
		}
		st.Ingest, st.ByYear = tx.ID, yearly
	} else {
		tx.Abort()
	}
	committed = true
	st.Elapsed = time.Since(start)
	return st, nil
}

// replacements returns, by input path, the committed inputs that this ingest reads again: with
// Force every input already in the manifest; otherwise those the manifest lists as read with
// another format or encoding than the one now forced (so "--encoding gbk" on a file first read as
// UTF-8 replaces that reading instead of being skipped as already ingested). Only inputs of a size
// the manifest holds are checksummed here.
func replacements(l *lake.Lake, inputs []input, opts Options) (map[string]lake.Input, error) {
	if !opts.Force && opts.Format == "" && opts.Encoding == "" {
		return nil, nil
	}
	out := map[string]lake.Input{}
	for _, in := range inputs {
		if fi, err := os.Stat(in.path); err == nil && !fi.IsDir() && !l.HasInputSize(fi.Size()) {
			continue
		}
		sum, _, err := checksum(in.path)
		if err != nil {
			return nil, err
		}
		prev, ok := l.InputBySHA(sum)
		if !ok {
			continue
		}
		differs := opts.Format != "" && opts.Format != prev.Format ||
			opts.Encoding != "" && !format.SameEncoding(opts.Encoding, prev.Encoding)
		if opts.Force || differs {
			out[in.path] = prev
		}
	}
	return out, nil
}

// checkAccepted fails an input that holds records of which fewer than MinAccept (at least 1) were
// accepted: a wrong --format rejects every record, and recording the file would make the right
// reading look "already ingested".
func checkAccepted(fs *FileStats, opts Options) error {
	min := max(opts.MinAccept, 1)
	if fs.Records == 0 || fs.Accepted >= min {
		return nil
	}
	first := ""
	if fs.FirstRejection != "" {
		first = "; the first rejection: " + fs.FirstRejection
	}
	return fmt.Errorf("%s: %w: %d of %d records accepted as %s (at least %d needed; see the first rejections with --max-bad, or force another --format); the lake was not changed%s",
		fs.Path, ErrTooFewAccepted, fs.Accepted, fs.Records, fs.Format, min, first)
}

// observedDate is the day an input's content was exported when the input does not say (the
// reader may, see format.Dated): the file's modification time, else (no time, or one in the
// future) the ingest's own time.
func observedDate(fi os.FileInfo, statErr error, now time.Time) (patent.Date, string) {
	day := func(t time.Time) patent.Date {
		t = t.UTC()
		return patent.NewDate(t.Year(), t.Month(), t.Day())
	}
	if statErr == nil && !fi.ModTime().IsZero() && !fi.ModTime().After(now.Add(time.Hour)) {
		return day(fi.ModTime()), "mtime"
	}
	return day(now), "ingest"
}

func checkBad(fs *FileStats, opts Options) error {
	if opts.MaxBad >= 0 && fs.Rejected > opts.MaxBad {
		return fmt.Errorf("%s: %w: %d rejected of %d records (limit %d); the lake was not changed (see 'patnav ingest --max-bad')",
			fs.Path, ErrTooManyBad, fs.Rejected, fs.Records, opts.MaxBad)
	}
	if opts.MaxBadRatio > 0 && fs.Records > 0 && float64(fs.Rejected)/float64(fs.Records) > opts.MaxBadRatio {
		return fmt.Errorf("%s: %w: %d rejected of %d records (%.1f%%, limit %.1f%%); the lake was not changed",
			fs.Path, ErrTooManyBad, fs.Rejected, fs.Records, 100*float64(fs.Rejected)/float64(fs.Records), 100*opts.MaxBadRatio)
	}
	return nil
}

// input is one file (or folder) and the reader chosen for it.
type input struct {
	path   string
	format format.Format
}

// ingestHeap is ingest's soft memory limit besides the publication index (row groups in flight,
// the readers' buffers, the name memos).
const ingestHeap = 600 << 20

// yearHeap is added to the soft memory limit of an ingest by year: its writers, one per table
// and year (about 150), each buffer a row group of up to 32k rows. Under the 600 MB limit alone
// the collector ran without pause: the 1M-family Lens file by year took 75 s, and 24.2 s under a
// 2 GB limit (the first version of the split, which also copied more); with this allowance and
// the final split, 25.1 s and 2.13 GB of RSS (16.3 s and 0.6 GB whole).
const yearHeap = 1536 << 20

// ingestRest is the least headroom kept above a large publication index (ingest's live heap
// besides the index is about 150 MB at 5M Lens records, heap profile), so the collector never
// runs without pause, while a small index keeps the 600 MB limit.
const ingestRest = 320 << 20

// ingestLimit is ingest's soft memory limit for a publication index of b bytes: 600 MB, or the
// index plus max(320 MB, half the index) when that is more. The headroom grows with the index
// because the rest of the heap does too: at 10M Lens records a fixed 320 MB left the collector
// running a fifth of the time (246 CPU-s, 130 s); with half the index, 127 CPU-s, 67 s, RSS
// 1.59 GB instead of 1.34 GB. Up to about 3.5M records (an index under 450 MB) nothing changes.
func ingestLimit(b int64) int64 {
	return max(ingestHeap, b+max(ingestRest, b/2))
}

// expectedRecords guesses how many records the inputs hold, to size the publication index up
// front (growing it was a tenth of the ordered writer's time at a million Lens records). Only
// formats that state their bytes per record count (format.Format.RecordBytes): guessing high
// for the others would only hold memory.
func expectedRecords(inputs []input) int {
	n := 0
	for _, in := range inputs {
		if in.format.RecordBytes <= 0 {
			continue
		}
		if fi, err := os.Stat(in.path); err == nil && !fi.IsDir() {
			n += int(fi.Size() / int64(in.format.RecordBytes))
		}
	}
	return min(n, 50_000_000)
}

// expand lists the inputs under paths in a stable order and picks each one's format.
func expand(paths []string, formats []format.Format, forced string, exclude []string) ([]input, error) {
	skip := map[string]bool{}
	for _, e := range exclude {
		skip[filepath.Clean(e)] = true
	}
	var forcedFmt *format.Format
	if forced != "" {
		for i := range formats {
			if formats[i].Name == forced {
				forcedFmt = &formats[i]
			}
		}
		if forcedFmt == nil {
			return nil, fmt.Errorf("%w: unknown format %q (known: %s)", ErrBadOption, forced, formatNames(formats))
		}
	}
	var out []input
	var walk func(path string, top bool) error
	walk = func(path string, top bool) error {
		if skip[filepath.Clean(path)] {
			return nil
		}
		fi, err := os.Stat(path)
		if err != nil {
			return &InputError{Path: path, Err: err}
		}
		if fi.IsDir() {
			if f, ok := sniff(path, nil, formats, forcedFmt); ok && f.Sniff != nil && f.Sniff(path, nil) > 0 {
				out = append(out, input{path: path, format: f})
				return nil
			}
			entries, err := os.ReadDir(path)
			if err != nil {
				return err
			}
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "~$") {
					continue
				}
				if err := walk(filepath.Join(path, e.Name()), false); err != nil {
					return err
				}
			}
			return nil
		}
		if fi.Size() == 0 {
			if top {
				return &InputError{Path: path, Err: fmt.Errorf("%s: %w: the file has no content", path, format.ErrEmpty)}
			}
			return nil
		}
		head, err := format.ReadHead(path, 64<<10)
		if err != nil {
			return &InputError{Path: path, Err: fmt.Errorf("%s: %w", path, err)}
		}
		f, ok := sniff(path, head, formats, forcedFmt)
		if !ok {
			if !top && !looksLikeData(path) {
				return nil // a README or image beside the data in a folder
			}
			return &InputError{Path: path, Err: fmt.Errorf("%s: %w: not recognised as any of %s; name one with --format", path, format.ErrUnknownFormat, formatNames(formats))}
		}
		out = append(out, input{path: path, format: f})
		return nil
	}
	for _, p := range paths {
		if err := walk(p, true); err != nil {
			return nil, err
		}
	}
	// Within one ingest the first occurrence of a publication is the one stored, so the richer
	// formats go first (full bibliographic XML and bulk tables, then exports); then by path.
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := richness(out[i].format.Name), richness(out[j].format.Name)
		if ri != rj {
			return ri < rj
		}
		return out[i].path < out[j].path
	})
	return out, nil
}

// renamePub gives record i of rs the publication number pub: a kindless number found stored
// with its kind (pubIndex.withKind), so the record is that publication's duplicate.
func renamePub(rs *lake.RowSet, i int, pub string) {
	pr, parties, classes, cites, prios, events := rs.Record(i)
	pr.PubNumber = pub
	for j := range parties {
		parties[j].PubNumber = pub
	}
	for j := range classes {
		classes[j].PubNumber = pub
	}
	for j := range cites {
		cites[j].Citing = pub
	}
	for j := range prios {
		prios[j].PubNumber = pub
	}
	for j := range events {
		events[j].PubNumber = pub
	}
}

// richness ranks formats by how much of the record they carry (lower is richer). PATENTSCOPE's
// numbers have no kind code and come last, so that within an ingest they meet their publications
// already stored with a kind.
func richness(name string) int {
	switch name {
	case "uspto_xml":
		return 0
	case "epo_xml":
		return 1
	case "patentsview":
		return 2
	case "lens":
		return 3
	case "cnipa":
		return 4
	case "google":
		return 6
	case "patentscope":
		return 7
	case "sep":
		return 8 // declarations last: within an ingest they meet the publications they name
	}
	return 5
}

func looksLikeData(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt", ".xlsx", ".xls", ".xml", ".zip", ".json", ".ciw":
		return true
	}
	return false
}

func sniff(path string, head []byte, formats []format.Format, forced *format.Format) (format.Format, bool) {
	if forced != nil {
		return *forced, true
	}
	best, bestScore := format.Format{}, 0.0
	for _, f := range formats {
		if f.Sniff == nil {
			continue
		}
		if s := f.Sniff(path, head); s > bestScore {
			best, bestScore = f, s
		}
	}
	return best, bestScore > 0
}

func formatNames(formats []format.Format) string {
	var n []string
	for _, f := range formats {
		n = append(n, f.Name)
	}
	return strings.Join(n, ", ")
}

func checksum(path string) (string, int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", 0, err
	}
	if !fi.IsDir() {
		return lake.FileSHA256(path)
	}
	// A folder input: hash of its files' names and hashes.
	var parts []string
	var total int64
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		s, n, err := lake.FileSHA256(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(path, p)
		parts = append(parts, rel+"="+s)
		total += n
		return nil
	})
	if err != nil {
		return "", 0, err
	}
	sort.Strings(parts)
	h, _, _ := hashString(strings.Join(parts, "\n"))
	return h, total, nil
}

// countingHash is a SHA-256 of the bytes written to it, and their count.
type countingHash struct {
	h hash.Hash
	n int64
}

func (c *countingHash) Write(b []byte) (int, error) {
	c.n += int64(len(b))
	return c.h.Write(b)
}

// batch is a run of consecutive records from one reader.
type batch struct {
	seq   int
	recs  []*patent.Record // records from a plain Reader
	raw   []rawRow         // rows from a Splitter, converted by the workers
	cells []string         // the raw rows' cells, end to end
	rows  *lake.RowSet     // the records' lake rows, built by the workers
	// attach holds the texts of attachment records (patent.Record.Attachment), kept only for
	// publications already stored.
	attach []lake.ObservationRow
	// decls holds the declaration records (patent.Record.Declaration) converted to standards rows.
	decls []lake.StandardRow
	nDecl int // declaration records in the batch
	// mojibake: the source records (numbers) whose text looks double-encoded (FileStats.Mojibake).
	mojibake []int
	bad      []*format.RecordError
	err      error // fatal reader error: ends the file
}

// rawRow is a row a Splitter returned: its cells end at end in the batch's cells. A row that
// could not be split holds its error instead.
type rawRow struct {
	end          int
	line, record int
	bad          *format.RecordError
}

// size is the number of records in the batch so far, accepted or not.
func (b *batch) size() int { return len(b.recs) + len(b.raw) + len(b.bad) }

const batchSize = 512

// warmChunk is how many rows a worker converts before it normalises them together
// (normalizer.normalizeAll).
const warmChunk = 64

// pipe streams one input: a reader goroutine fills batches (with records, or with the rows of a
// format.Splitter), workers convert those rows, normalise the records and build their lake rows,
// and the calling goroutine writes the batches in order, so the lake's row order is deterministic.
type pipe struct {
	tx       *lake.Txn
	rowSets  chan *lake.RowSet // sets the table writers are done with, for reuse
	seen     *pubIndex         // stored publication → its family id
	hashes   []uint64          // the hashes of a batch's publication numbers (pubIndex.warm)
	norm     *normalizer
	opts     *Options
	fs       *FileStats
	progress func(int)
	tee      *countingHash // checksums the input as the reader reads it (nil: not this one)
	encoding string        // the encoding to read the input in, decided by a first reading (Run)
	observed int32         // the input's observation date (DATE days), given to every patents row
}

// rowSet returns an empty RowSet: a reused one or a new one with room for n records. Reusing
// them halves what ingest allocates (they were half of it), and with it the collector's work.
func (p *pipe) rowSet(n int) *lake.RowSet {
	select {
	case s := <-p.rowSets:
		s.Reset()
		s.Observed = p.observed
		return s
	default:
		s := lake.NewRowSet(n)
		s.Observed = p.observed
		return s
	}
}

// recycle hands a RowSet back for reuse once nothing refers to its rows.
func (p *pipe) recycle(s *lake.RowSet) {
	select {
	case p.rowSets <- s:
	default:
	}
}

func (p *pipe) run(ctx context.Context, in input) error {
	p.rowSets = make(chan *lake.RowSet, 16)
	fo := format.Options{Encoding: p.opts.Encoding, Sheet: p.opts.Sheet, Limits: p.opts.Limits.WithDefaults(), Reread: !p.opts.noReread}
	if p.encoding != "" {
		fo.Encoding = p.encoding
	}
	if p.tee != nil {
		fo.Tee = p.tee
	}
	r, err := in.format.Open(in.path, fo)
	if err != nil {
		return rejected(in, err)
	}
	defer r.Close()
	if e, ok := r.(interface{ Encoding() string }); ok {
		p.fs.Encoding = e.Encoding()
	}
	if d, ok := r.(format.Dated); ok {
		if day := d.Exported(); day.Valid() {
			p.fs.Observed, p.fs.ObservedFrom = day, "file"
		}
	}
	p.observed = lake.DateDays(p.fs.Observed)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := p.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	raw := make(chan *batch, workers*2)
	done := make(chan *batch, workers*2)
	base := filepath.Base(in.path)
	positioned := func(err error) *format.RecordError {
		var re *format.RecordError
		if errors.As(err, &re) && re.File == "" {
			re.File = base
		}
		return re
	}
	// A Splitter's rows are only split here and converted by the workers, each with its own
	// converter and record: the record is built, normalised and turned into rows on one core.
	split, _ := r.(format.Splitter)
	cellBufs := make(chan []string, workers*4) // batches' cells, reused once converted

	go func() { // reader
		defer close(raw)
		seq := 0
		for {
			b := &batch{seq: seq}
			seq++
			if split != nil {
				select {
				case b.cells = <-cellBufs:
				default:
				}
				b.raw = make([]rawRow, 0, batchSize)
			}
			for b.size() < batchSize {
				var err error
				if split != nil {
					var cells []string
					var line, record int
					if cells, line, record, err = split.NextRow(); err == nil {
						b.cells = append(b.cells, cells...)
						b.raw = append(b.raw, rawRow{end: len(b.cells), line: line, record: record})
						continue
					}
					if re := positioned(err); re != nil {
						b.raw = append(b.raw, rawRow{end: len(b.cells), bad: re})
						continue
					}
				} else {
					var rec *patent.Record
					if rec, err = r.Read(); err == nil {
						b.recs = append(b.recs, rec)
						continue
					}
					if re := positioned(err); re != nil {
						b.bad = append(b.bad, re)
						continue
					}
				}
				if err != io.EOF {
					b.err = err
				}
				break
			}
			last := b.err != nil || b.size() < batchSize
			select {
			case raw <- b:
			case <-ctx.Done():
				return
			}
			if last {
				return
			}
		}
	}()
	nw := workers
	finished := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { finished <- struct{}{} }()
			norm := &normalizer{thes: p.norm.thes} // one per worker: its memo needs no lock
			var converter format.Converter
			var pool, recs []*patent.Record // a chunk's records (reused), the chunk
			if split != nil {
				converter = split.NewConverter()
				for range warmChunk {
					pool = append(pool, patent.NewRecord())
				}
				recs = make([]*patent.Record, 0, warmChunk)
			}
			for b := range raw {
				b.rows = p.rowSet(b.size())
				for _, rec := range b.recs {
					if rec.Declaration != nil {
						b.decls = append(b.decls, lake.StandardRows(rec, p.tx.ID)...)
						b.nDecl++
						continue
					}
					if rec.Attachment {
						b.attach = append(b.attach, lake.ObservationRow{PubNumber: rec.Patent.PubNumber, Source: rec.Patent.Source,
							SourceFile: rec.Patent.SourceFile, SourceRecord: int32(rec.Patent.SourceRecord), IngestID: p.tx.ID,
							Observed: p.observed, Claims: rec.Patent.Claims, Abstract: rec.Patent.Abstract})
						continue
					}
					if re := oversize(rec, p.opts.Limits.WithDefaults().MaxField, base); re != nil {
						b.bad = append(b.bad, re)
						continue
					}
					norm.normalize(rec)
					if doubleEncoded(rec) {
						b.mojibake = append(b.mojibake, rec.Patent.SourceRecord)
					}
					b.rows.Append(rec, p.tx.ID)
				}
				// The rows are converted a chunk at a time, then the chunk's records normalised
				// together (normalizeAll reads their names' memo entries ahead).
				// A conversion's error stops the batch after the records before it (b.err may
				// already hold the reader's error, after the batch's last row: every row is
				// converted first, as before).
				from, stop := 0, false
				for start := 0; start < len(b.raw) && !stop; start += warmChunk {
					conv := recs[:0]
					for _, rr := range b.raw[start:min(start+warmChunk, len(b.raw))] {
						cells := b.cells[from:rr.end]
						from = rr.end
						if rr.bad != nil {
							b.bad = append(b.bad, rr.bad)
							continue
						}
						rec := pool[len(conv)]
						if err := converter.Convert(cells, rr.line, rr.record, rec); err != nil {
							if re := positioned(err); re != nil {
								b.bad = append(b.bad, re)
								continue
							}
							b.err, stop = fmt.Errorf("record %d: %w", rr.record, err), true
							break
						}
						conv = append(conv, rec)
					}
					norm.normalizeAll(conv)
					for _, rec := range conv {
						if doubleEncoded(rec) {
							b.mojibake = append(b.mojibake, rec.Patent.SourceRecord)
						}
						b.rows.Append(rec, p.tx.ID)
					}
				}
				if b.cells != nil {
					select {
					case cellBufs <- b.cells[:0]:
					default:
					}
					b.cells = nil
				}
				select {
				case done <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for ; nw > 0; nw-- {
			<-finished
		}
		close(done)
	}()
	pending := map[int]*batch{}
	next := 0
	for b := range done {
		pending[b.seq] = b
		for {
			nb, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := p.write(nb, in); err != nil {
				return err
			}
			if nb.err != nil && errors.Is(nb.err, format.ErrNoRecords) && p.fs.Records == 0 {
				// A valid input without records: a notice, not a failure (the reader's text
				// after the sentinel says what it was).
				p.fs.Notice = noticeText(nb.err)
				nb.err = nil
			}
			if nb.err != nil {
				return rejected(in, nb.err)
			}
			p.progress(p.fs.Records)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if rp, ok := r.(format.Repairer); ok {
		p.fs.Repaired, p.fs.RepairedRecords = rp.Repaired()
	}
	if rj, ok := r.(format.Rejoiner); ok {
		p.fs.Rejoined, p.fs.RejoinedRecords = rj.Rejoined()
	}
	if p.fs.Records == 0 && p.fs.Notice == "" {
		// A header without rows, or a table of entities only: nothing to store, said once.
		p.fs.Notice = "0 records"
	}
	if n := p.fs.Attached + p.fs.Unattached; n > 0 {
		p.fs.Notice += fmt.Sprintf("; %d of %d texts attached to stored publications", p.fs.Attached, n)
	}
	if p.fs.Declarations > 0 && p.fs.Records == p.fs.Declarations+p.fs.Rejected {
		p.fs.Notice = fmt.Sprintf("%d declarations; %d name no publication the lake holds now", p.fs.Declarations, p.fs.Unmatched)
	}
	// Readers of entity-only tables may legitimately yield nothing; others report ErrEmpty.
	return nil
}

// oversize returns a record error for a record with a text field above limit bytes, for the
// readers whose cells are not checked as they are split (XML documents, workbooks; the CSV
// readers check each cell, format.CheckRow): a 400 MB abstract is quarantined, not stored.
func oversize(rec *patent.Record, limit int, file string) *format.RecordError {
	bad := func(field string, n int) *format.RecordError {
		return &format.RecordError{File: file, Record: rec.Patent.SourceRecord, Field: field,
			Err: fmt.Errorf("%w: %d bytes in one field (the limit is %d; raise --max-field to read it)", format.ErrTooLarge, n, limit)}
	}
	p := &rec.Patent
	for _, f := range []struct {
		name, v string
	}{{"title", p.Title}, {"abstract", p.Abstract}, {"claims", p.Claims}} {
		if len(f.v) > limit {
			return bad(f.name, len(f.v))
		}
	}
	for _, x := range rec.Parties {
		if len(x.NameRaw) > limit || len(x.Address) > limit {
			return bad(x.Role, max(len(x.NameRaw), len(x.Address)))
		}
	}
	return nil
}

// rejected wraps a reader's error about an input: ErrRejected (exit 3) unless the input could not
// be read at all (missing, no permission) or the ingest was cancelled.
func rejected(in input, err error) error {
	var pe *iofs.PathError
	if errors.As(err, &pe) || errors.Is(err, context.Canceled) || errors.Is(err, format.ErrEmpty) {
		return fmt.Errorf("%s: %w", in.path, err)
	}
	return fmt.Errorf("%s (read as %s): %w: %w", in.path, in.format.Name, ErrRejected, err)
}

// noticeText is the notice for a format.ErrNoRecords error: "0 records: claims-only response".
func noticeText(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, format.ErrNoRecords.Error()); i >= 0 {
		msg = msg[i:]
	}
	if i := strings.Index(msg, " ("+format.ErrEmpty.Error()); i >= 0 {
		msg = msg[:i]
	}
	return msg
}

// write stores a batch in order: it settles which records are duplicates of publications
// already stored and hands the rows to the lake. A batch without duplicates (the usual case)
// goes to the table writers as the workers built it.
func (p *pipe) write(b *batch, in input) error {
	tx, id := p.tx, p.tx.ID
	var quar []lake.QuarantineRow
	for _, e := range b.bad {
		quar = append(quar, lake.QuarantineRow{IngestID: id, Source: in.format.Name, File: e.File,
			Record: int32(e.Record), Line: int32(e.Line), Field: e.Field, Value: format.Truncate(e.Value, 200), Reason: e.Err.Error()})
	}
	rs := b.rows
	if p.fs.Rejected == 0 && len(b.bad) > 0 {
		p.fs.FirstRejection = b.bad[0].Error()
	}
	p.fs.Rejected += len(b.bad)
	p.fs.Records += len(b.bad) + len(rs.Patents) + b.nDecl
	p.fs.Accepted += len(rs.Patents) + b.nDecl
	p.fs.Mojibake += len(b.mojibake)
	for _, r := range b.mojibake {
		if len(p.fs.MojibakeRecords) < 20 {
			p.fs.MojibakeRecords = append(p.fs.MojibakeRecords, r)
		}
	}
	p.fs.Declarations += b.nDecl
	var seenDecl string // a declaration naming several standards is one record: counted once
	for i := range b.decls {
		d := &b.decls[i]
		key := d.SourceFile + "\x00" + fmt.Sprint(d.SourceRecord)
		if key == seenDecl || d.PubNumber == "" {
			seenDecl = key
			continue
		}
		seenDecl = key
		if !p.seen.has(d.PubNumber) {
			if _, ok := p.seen.withKind(d.DocNumber); !ok {
				p.fs.Unmatched++
			}
		}
	}
	var dups []int          // indexes of duplicate records
	var storedFams []string // the family id each duplicate's publication is stored under
	p.hashes = p.seen.warm(rs.Patents, p.hashes)
	for i := range rs.Patents {
		h := p.hashes[i]
		if rs.Patents[i].Kind == "" {
			// A number without its kind code is the publication stored with one, if any.
			if stored, ok := p.seen.withKind(rs.Patents[i].PubNumber); ok {
				renamePub(rs, i, stored)
				h = p.seen.hash(stored)
			}
		}
		if fam, dup := p.seen.addHash(rs.Patents[i].PubNumber, rs.Patents[i].FamilyID, h); dup {
			dups = append(dups, i)
			storedFams = append(storedFams, fam)
		}
	}
	// Provenance holds the occurrences that were not stored; the stored one is the patents
	// row itself (its source columns), and the provenance view joins the two.
	var prov []lake.ProvenanceRow
	var links []lake.FamilyLinkRow
	var obs []lake.ObservationRow
	for _, a := range b.attach {
		if p.seen.has(a.PubNumber) {
			obs = append(obs, a)
			p.fs.Attached++
		} else {
			p.fs.Unattached++
		}
	}
	out, release := rs, func() { p.recycle(rs) }
	if len(dups) > 0 {
		p.fs.Duplicates += len(dups)
		// Not reused: the rows copied into out and the observations point into its counts.
		out, release = &lake.RowSet{}, nil
		d := 0
		for i := range rs.Patents {
			pr, parties, classes, cites, prios, events := rs.Record(i)
			if d < len(dups) && dups[d] == i {
				storedFam := storedFams[d]
				d++
				// Stored once: but legal events and citations another source adds are facts
				// about the stored publication, so they are kept (the lake's views drop exact
				// repeats).
				pn := pr.PubNumber
				if len(cites)+len(events) > 0 {
					// Filed, in an ingest by year, under the year this record gives the
					// publication.
					if out.Years == nil {
						out.Years = map[string]int32{}
					}
					out.Years[pn] = lake.PubYear(pr)
				}
				prov = append(prov, lake.ProvenanceRow{PubNumber: pn, Source: pr.Source, SourceFile: pr.SourceFile,
					SourceRecord: pr.SourceRecord, IngestID: id})
				if f := pr.FamilyID; f != storedFam && f != "" {
					links = append(links, lake.FamilyLinkRow{FamilyID: storedFam, LinkedFamilyID: f, PubNumber: pn, IngestID: id})
				}
				out.Cites = append(out.Cites, cites...)
				out.Events = append(out.Events, events...)
				if o, ok := lake.Observation(pr, parties, id); ok {
					obs = append(obs, o)
				}
				continue
			}
			out.Patents = append(out.Patents, *pr)
			out.Parties = append(out.Parties, parties...)
			out.Classes = append(out.Classes, classes...)
			out.Cites = append(out.Cites, cites...)
			out.Prios = append(out.Prios, prios...)
			out.Events = append(out.Events, events...)
		}
	}
	for _, f := range []func() error{
		func() error { return tx.WriteRowSet(out, release) },
		func() error { return tx.WriteProvenance(prov) },
		func() error { return tx.WriteQuarantine(quar) },
		func() error { return tx.WriteFamilyLinks(links) },
		func() error { return tx.WriteObservations(obs) },
		func() error { return tx.WriteStandards(b.decls) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}
