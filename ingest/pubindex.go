package ingest

import (
	"hash/maphash"

	"github.com/patnav/patnav/internal/lake"
)

// pubIndex maps stored publication numbers to their family ids without holding Go pointers per
// entry: a hash → entry map, entries as offsets into one byte arena. With a million publications
// a map[string]string made every garbage collection rescan the whole index, so ingest time grew
// faster than the input; this index is invisible to the collector. Hash collisions are verified
// against the stored bytes and fall back to a small ordinary map.
type pubIndex struct {
	seed     maphash.Seed
	m        map[uint64]uint32 // hash → entry index
	reserved int               // the map's size hint
	entries  []pubEntry
	arena    []byte
	overflow map[string]string // colliding publications (practically never used)
	// grown, when set, is told the index's footprint whenever its arrays grow (ingest raises its
	// soft memory limit by it: the index is live for the whole ingest and grows with the lake).
	grown func(bytes int64)
}

type pubEntry struct{ pubOff, famOff, pubLen, famLen uint32 }

func newPubIndex(n int) *pubIndex {
	return &pubIndex{seed: maphash.MakeSeed(), m: make(map[uint64]uint32, n), reserved: n, entries: make([]pubEntry, 0, n),
		arena: make([]byte, 0, 24*n), overflow: map[string]string{}}
}

// mapEntryBytes bounds the bytes a map[uint64]uint32 entry takes (12 bytes of slot plus a control
// byte, at most 7/8 full, in a table rounded up to a power of two: under 32).
const mapEntryBytes = 32

// footprint is the memory the index holds (an upper bound for its map).
func (x *pubIndex) footprint() int64 {
	return int64(cap(x.arena)) + int64(cap(x.entries))*16 + int64(max(x.reserved, len(x.m)))*mapEntryBytes
}

// lookup returns the family id stored for pub, whose hash is h, whether pub is indexed, and
// whether h is (by pub or by another publication).
func (x *pubIndex) lookup(pub string, h uint64) (fam string, found, taken bool) {
	i, taken := x.m[h]
	if !taken {
		return "", false, false
	}
	if e := x.entries[i]; string(x.arena[e.pubOff:e.pubOff+e.pubLen]) == pub {
		return string(x.arena[e.famOff : e.famOff+e.famLen]), true, true
	}
	fam, found = x.overflow[pub]
	return fam, found, true
}

// add records pub with its family id unless it is already indexed, and returns the family id
// stored for it and whether it was (the first record wins). One hash and one lookup per record.
func (x *pubIndex) add(pub, fam string) (string, bool) {
	h := maphash.String(x.seed, pub)
	if f, found, taken := x.lookup(pub, h); found {
		return f, true
	} else if taken { // another publication has this hash
		x.overflow[pub] = fam
		return fam, false
	}
	e := pubEntry{pubOff: uint32(len(x.arena)), pubLen: uint32(len(pub))}
	grows := len(x.entries) == cap(x.entries) || len(x.arena)+len(pub)+len(fam) > cap(x.arena)
	x.arena = append(x.arena, pub...)
	e.famOff, e.famLen = uint32(len(x.arena)), uint32(len(fam))
	x.arena = append(x.arena, fam...)
	x.m[h] = uint32(len(x.entries))
	x.entries = append(x.entries, e)
	if grows && x.grown != nil {
		x.grown(x.footprint())
	}
	return fam, false
}

// put is add for callers that need no answer.
func (x *pubIndex) put(pub, fam string) { x.add(pub, fam) }

// len is the number of publications indexed.
func (x *pubIndex) len() int { return len(x.entries) + len(x.overflow) }

// has reports whether pub is indexed (stored in the lake or earlier in this ingest).
func (x *pubIndex) has(pub string) bool {
	_, found, _ := x.lookup(pub, maphash.String(x.seed, pub))
	return found
}

// withKind returns the stored publication that is pub (a number without its kind code) with a
// kind, and whether there is one; the kinds are tried in lake.ProbeKinds order (the lake's
// views link a kindless publication stored before its kinded twin by the same order).
func (x *pubIndex) withKind(pub string) (string, bool) {
	for _, k := range lake.ProbeKinds {
		c := pub + k
		if _, found, _ := x.lookup(c, maphash.String(x.seed, c)); found {
			return c, true
		}
	}
	return "", false
}
