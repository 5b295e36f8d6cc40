// Package lake stores patnav's canonical tables as Parquet files (zstd, written with parquet-go)
// under one folder, with a JSON manifest that lists the part files of every table and the inputs
// ingested so far.
//
// The manifest is the commit point. An ingest writes its part files into a staging folder, renames
// them into the table folders, and only then replaces manifest.json (write to a temporary file,
// fsync, rename). Readers use only the files the manifest lists, so a crash at any moment leaves
// the previous lake readable; files that no manifest lists are removed by the next ingest.
//
// Layout:
//
//	lake/manifest.json
//	lake/<table>/part-<ingest>.parquet     one part per table per ingest
//	lake/<table>/py=<year>/part-<ingest>.parquet
//	                                       or, for an ingest by year (Txn.ByYear), one per
//	                                       priority year of the publications' tables
//	lake/.staging-<ingest>/                while an ingest is running
//	lake/.lock                             held (flock) by the ingest that writes
package lake

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/patnav/patnav/internal/atomicfile"
)

// ManifestName is the manifest's file name inside the lake folder.
const ManifestName = "manifest.json"

// ErrLocked is returned when another process holds the lake's write lock.
var ErrLocked = errors.New("lake is locked by another ingest")

// Manifest describes the committed state of a lake.
type Manifest struct {
	SchemaVersion int               `json:"schema_version"`
	Updated       time.Time         `json:"updated"`
	NextIngest    int               `json:"next_ingest"`
	Tables        map[string][]Part `json:"tables"`
	Inputs        []Input           `json:"inputs"`
	// Forgotten lists the inputs whose contribution was removed (patnav lake forget, or a
	// re-ingest with --force), and by which transaction.
	Forgotten []Forgotten `json:"forgotten,omitempty"`
}

// Part is one Parquet file of a table.
type Part struct {
	File   string `json:"file"` // relative to the lake folder
	Rows   int64  `json:"rows"`
	Ingest string `json:"ingest"`
	// Partition is the Hive partition of a part written by year (Txn.ByYear), e.g. "py=2015",
	// also its folder inside the table's; "" for a part of a whole ingest.
	Partition string `json:"partition,omitempty"`
}

// YearPartitions counts the distinct year partitions of an ingest's parts: 0 for an ingest
// written whole (one part per table), else the priority years (with the unknown year's
// partition) its publications fall in (Txn.ByYear).
func (m Manifest) YearPartitions(ingest string) int {
	seen := map[string]bool{}
	for _, parts := range m.Tables {
		for _, p := range parts {
			if p.Ingest == ingest && p.Partition != "" {
				seen[p.Partition] = true
			}
		}
	}
	return len(seen)
}

// Input records one ingested input file.
type Input struct {
	Path       string `json:"path"`
	Name       string `json:"name"`
	SHA256     string `json:"sha256"`
	Size       int64  `json:"size"`
	Format     string `json:"format"`
	Encoding   string `json:"encoding,omitempty"`
	Repaired   int    `json:"repaired,omitempty"` // bytes invalid in the encoding, replaced by U+FFFD
	Records    int    `json:"records"`            // accepted + rejected
	Accepted   int    `json:"accepted"`           // records read without error
	Rejected   int    `json:"rejected"`           // records quarantined
	Duplicates int    `json:"duplicates"`         // accepted records already in the lake (provenance only)
	// Declarations counts the accepted records that are SEP declarations (standards rows), not
	// publications; Unmatched those of them whose publication the lake did not hold then.
	Declarations int       `json:"declarations,omitempty"`
	Unmatched    int       `json:"unmatched,omitempty"`
	Ingest       string    `json:"ingest"`
	At           time.Time `json:"at"`
	// Observed is the day the input's content was exported (YYYY-MM-DD): its records'
	// observations are dated by it. ObservedFrom says where it comes from: "file" (the input
	// states it), "mtime" (the file's modification time) or "ingest" (the ingest's own time).
	Observed     string `json:"observed,omitempty"`
	ObservedFrom string `json:"observed_from,omitempty"`
	// Notice is what ingest reported about an input that held nothing to store as a record
	// (e.g. "0 records: claims-only response").
	Notice string `json:"notice,omitempty"`
}

// Lake is an open lake folder.
type Lake struct {
	Dir string
	m   Manifest
}

// Open opens the lake in dir, creating an empty one when dir has no manifest.
func Open(dir string) (*Lake, error) {
	l := &Lake{Dir: dir}
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	switch {
	case errors.Is(err, os.ErrNotExist):
		l.m = Manifest{SchemaVersion: SchemaVersion, NextIngest: 1, Tables: map[string][]Part{}}
		return l, nil
	case err != nil:
		return nil, err
	}
	if err := json.Unmarshal(b, &l.m); err != nil {
		return nil, fmt.Errorf("%s: corrupt manifest: %w", filepath.Join(dir, ManifestName), err)
	}
	if l.m.SchemaVersion > SchemaVersion {
		return nil, fmt.Errorf("%s: lake schema version %d is newer than this patnav (%d)", dir, l.m.SchemaVersion, SchemaVersion)
	}
	if l.m.Tables == nil {
		l.m.Tables = map[string][]Part{}
	}
	return l, nil
}

// Exists reports whether dir holds a committed lake.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, ManifestName))
	return err == nil
}

// Manifest returns a copy of the committed manifest.
func (l *Lake) Manifest() Manifest {
	m := l.m
	m.Tables = map[string][]Part{}
	for k, v := range l.m.Tables {
		m.Tables[k] = append([]Part(nil), v...)
	}
	m.Inputs = append([]Input(nil), l.m.Inputs...)
	m.Forgotten = append([]Forgotten(nil), l.m.Forgotten...)
	return m
}

// Files returns the absolute paths of the committed part files of table, in commit order.
func (l *Lake) Files(table string) []string { return l.FilesUpTo(table, "") }

// FilesUpTo returns the part files of table written by ingests up to and including version (an
// ingest id, see Version); "" means every committed part.
func (l *Lake) FilesUpTo(table, version string) []string {
	var out []string
	for _, p := range l.m.Tables[table] {
		if version != "" && p.Ingest > version {
			continue
		}
		out = append(out, filepath.Join(l.Dir, p.File))
	}
	return out
}

// Version is the id of the latest committed ingest ("" for an empty lake): the lake's version.
// Ingest ids are zero-padded and increase, so they compare as strings; FilesUpTo(t, v) is the
// lake as it stood at version v.
func (l *Lake) Version() string {
	if l.m.NextIngest <= 1 {
		return ""
	}
	return fmt.Sprintf("%06d", l.m.NextIngest-1)
}

// Rows returns the committed row count of table.
func (l *Lake) Rows(table string) int64 {
	var n int64
	for _, p := range l.m.Tables[table] {
		n += p.Rows
	}
	return n
}

// InputBySHA returns the committed input with the given checksum.
func (l *Lake) InputBySHA(sum string) (Input, bool) {
	for _, in := range l.m.Inputs {
		if in.SHA256 == sum {
			return in, true
		}
	}
	return Input{}, false
}

// HasInputSize reports whether a committed input has this size (a cheap pre-check before a
// checksum comparison).
func (l *Lake) HasInputSize(size int64) bool {
	for _, in := range l.m.Inputs {
		if in.Size == size {
			return true
		}
	}
	return false
}

// Lock takes the lake's exclusive write lock (an flock on lake/.lock, released by the kernel when
// the process dies, so a killed ingest never leaves a stale lock). It fails at once with
// ErrLocked when another process holds it.
func (l *Lake) Lock() (unlock func(), err error) {
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(l.Dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, err
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

// Clean removes staging folders and part files that the manifest does not list: what a crashed
// ingest left behind. Call it with the lock held.
func (l *Lake) Clean() error {
	listed := map[string]bool{}
	for _, parts := range l.m.Tables {
		for _, p := range parts {
			listed[filepath.Clean(p.File)] = true
		}
	}
	entries, err := os.ReadDir(l.Dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, e := range entries {
		name := e.Name()
		// Left by a crash: staging folders, and manifests being written (atomicfile's temporary
		// names; lakes written before it used manifest.json.tmp).
		if strings.HasPrefix(name, ".staging-") || strings.HasPrefix(name, "."+ManifestName+".") ||
			strings.HasPrefix(name, ManifestName+".tmp") {
			if err := os.RemoveAll(filepath.Join(l.Dir, name)); err != nil {
				return err
			}
		}
	}
	for _, t := range ReadTables {
		files, _ := filepath.Glob(filepath.Join(l.Dir, t, "*.parquet"))
		years, _ := filepath.Glob(filepath.Join(l.Dir, t, "py=*", "*.parquet"))
		for _, f := range append(files, years...) {
			rel, _ := filepath.Rel(l.Dir, f)
			if !listed[filepath.Clean(rel)] {
				if err := os.Remove(f); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// FileSHA256 returns the hex SHA-256 and size of a file.
func FileSHA256(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// EachPubFamily calls fn with every stored publication number and its family id.
func (l *Lake) EachPubFamily(fn func(pub, family string)) error {
	for _, path := range l.Files(TPatents) {
		if err := eachPubFamily(path, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachPubFamily calls fn with the publication numbers and family ids of one patents part file.
func eachPubFamily(path string, fn func(pub, family string)) error {
	var pubs []string
	if err := readStringColumn(path, "pub_number", func(s string) { pubs = append(pubs, s) }); err != nil {
		return err
	}
	i := 0
	if err := readStringColumn(path, "family_id", func(s string) {
		if i < len(pubs) {
			fn(pubs[i], s)
		}
		i++
	}); err != nil {
		return err
	}
	if i != len(pubs) {
		return fmt.Errorf("%s: %d family ids for %d publications", path, i, len(pubs))
	}
	return nil
}

func readStringColumn(path, column string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	leaf, ok := pf.Schema().Lookup(column)
	if !ok {
		return fmt.Errorf("%s: no column %q", path, column)
	}
	buf := make([]parquet.Value, 4096)
	for _, rg := range pf.RowGroups() {
		pages := rg.ColumnChunks()[leaf.ColumnIndex].Pages()
		for {
			pg, err := pages.ReadPage()
			if err == io.EOF {
				break
			}
			if err != nil {
				pages.Close()
				return fmt.Errorf("%s: %w", path, err)
			}
			vr := pg.Values()
			for {
				n, err := vr.ReadValues(buf)
				for _, v := range buf[:n] {
					fn(string(v.ByteArray()))
				}
				if err == io.EOF {
					break
				}
				if err != nil {
					pages.Close()
					return fmt.Errorf("%s: %w", path, err)
				}
			}
			parquet.Release(pg)
		}
		pages.Close()
	}
	return nil
}

// writeManifest atomically replaces the manifest.
func (l *Lake) writeManifest(m Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(filepath.Join(l.Dir, ManifestName), append(b, '\n')); err != nil {
		return err
	}
	syncDir(l.Dir)
	l.m = m
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// HasColumn reports whether any committed part of table (up to version, "" for all) has the
// column: lakes written before a column was added lack it in every part. The column is a field
// of the row, a list (designated_states) as well as a leaf.
func (l *Lake) HasColumn(table, column, version string) (bool, error) {
	for _, path := range l.FilesUpTo(table, version) {
		f, err := os.Open(path)
		if err != nil {
			return false, err
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return false, err
		}
		pf, err := parquet.OpenFile(f, st.Size(), parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
		if err != nil {
			f.Close()
			return false, fmt.Errorf("%s: %w", path, err)
		}
		ok := slices.ContainsFunc(pf.Schema().Fields(), func(f parquet.Field) bool { return f.Name() == column })
		f.Close()
		if ok {
			return true, nil
		}
	}
	return false, nil
}
