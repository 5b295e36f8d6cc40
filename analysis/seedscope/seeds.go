package seedscope

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/patnav/patnav/internal/norm"
)

// ErrSeeds wraps every error about a seed file.
var ErrSeeds = errors.New("bad seed file")

// Seed is one publication number of a seed file, canonical, with its line.
type Seed struct {
	Line   int
	Raw    string
	Number string // canonical publication number (office + number + kind)
	Doc    string // office + number without kind
}

// ReadSeedFile reads a seed file: one publication number a line, in any form internal/norm
// reads (US 2013/0101709 A1, US-12299796-B2, CN104968889A …). Blank lines and lines starting
// with # are skipped; a line that is no publication number is an error naming the file and
// the line.
func ReadSeedFile(path string) ([]Seed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSeeds, err)
	}
	defer f.Close()
	return ReadSeeds(f, path)
}

// ReadSeeds reads seeds from r; name is used in error messages.
func ReadSeeds(r io.Reader, name string) ([]Seed, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var out []Seed
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		p, err := norm.ParsePub(s, "")
		if err != nil {
			return nil, fmt.Errorf("%w: %s: line %d: %q is not a publication number", ErrSeeds, name, line, s)
		}
		out = append(out, Seed{Line: line, Raw: s, Number: p.String(), Doc: p.Office + p.Number})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: line %d: %v", ErrSeeds, name, line+1, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %s: no publication number", ErrSeeds, name)
	}
	return out, nil
}

// Resolve maps seeds to the families of docs: a seed matches a publication by its full number,
// else by its number without kind (a seed written without kind code, or a different kind of
// the same publication). It returns the distinct family indexes (ascending) and the seeds that
// match nothing.
func Resolve(docs []Doc, seeds []Seed) (fams []int, unmatched []Seed) {
	byPub := make(map[string]int, len(docs)*2)
	byDoc := make(map[string]int, len(docs)*2)
	for i, d := range docs {
		for _, p := range d.Pubs {
			byPub[p] = i
		}
		for _, p := range d.DocNumbers {
			if _, ok := byDoc[p]; !ok {
				byDoc[p] = i
			}
		}
	}
	seen := map[int]bool{}
	for _, s := range seeds {
		i, ok := byPub[s.Number]
		if !ok {
			i, ok = byDoc[s.Doc]
		}
		if !ok {
			unmatched = append(unmatched, s)
			continue
		}
		if !seen[i] {
			seen[i] = true
			fams = append(fams, i)
		}
	}
	sortInts(fams)
	return fams, unmatched
}
