package ingest

import (
	"hash/maphash"
	"math/bits"

	"github.com/patnav/patnav/internal/lake"
)

// pubIndex maps stored publication numbers to their family ids without holding Go pointers per
// entry: an open-addressing table of 64-bit slots over entries that are offsets into one byte
// arena. With a million publications a map[string]string made every garbage collection rescan the
// whole index, so ingest time grew faster than the input; this index is invisible to the
// collector.
//
// A slot is 0 when empty, else the top 32 bits of the publication's hash beside its entry's
// number plus one; a slot's place is the hash's low bits, and a taken place passes on to the next
// (linear probing). A lookup reads one slot, seldom a few in the same cache line, and compares
// the stored bytes only where the 32 bits agree, so publications whose hashes collide are simply
// two entries. The table holds at most three entries in four slots: made for the reservation
// (the lake's publications and the inputs' expected records) it does not grow in an ingest that
// keeps to it. It replaced a map[uint64]uint32 whose lookup took 0.91 of the 1M-family ingest's
// 22.4 CPU-s, most of it waiting on memory: a Go map's lookup in a table that large reaches a
// table of the map's directory and then a group of it, two places far apart, where this table is
// one (docs/scale.md, twenty-eighth session).
type pubIndex struct {
	seed     maphash.Seed
	slots    []uint64 // len a power of two
	reserved int      // the size hint
	entries  []pubEntry
	arena    []byte
	// grown, when set, is told the index's footprint whenever its arrays grow (ingest raises its
	// soft memory limit by it: the index is live for the whole ingest and grows with the lake).
	grown func(bytes int64)
	sink  uint64 // what warm read, kept so that its reads are not left out
}

type pubEntry struct{ pubOff, famOff, pubLen, famLen uint32 }

func newPubIndex(n int) *pubIndex {
	return &pubIndex{seed: maphash.MakeSeed(), slots: make([]uint64, slotsFor(n)), reserved: n,
		entries: make([]pubEntry, 0, n), arena: make([]byte, 0, 24*n)}
}

// slotsFor is the table size for n entries: the power of two that keeps it at most 3/4 full
// (at least 8).
func slotsFor(n int) int {
	need := max(8, (4*n+2)/3)
	return 1 << bits.Len(uint(need-1))
}

// footprint is the memory the index holds.
func (x *pubIndex) footprint() int64 {
	return int64(cap(x.arena)) + int64(cap(x.entries))*16 + int64(len(x.slots))*8
}

// find returns the family id stored for pub, whose hash is h, whether pub is indexed, and the
// slot that holds it, or else the empty slot where it would go.
func (x *pubIndex) find(pub string, h uint64) (fam string, found bool, slot uint64) {
	mask := uint64(len(x.slots) - 1)
	tag := h >> 32 << 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return "", false, i
		}
		if s&^0xffffffff != tag {
			continue
		}
		if e := x.entries[uint32(s)-1]; string(x.arena[e.pubOff:e.pubOff+e.pubLen]) == pub {
			return string(x.arena[e.famOff : e.famOff+e.famLen]), true, i
		}
	}
}

// lookup returns the family id stored for pub and whether pub is indexed.
func (x *pubIndex) lookup(pub string) (string, bool) {
	fam, found, _ := x.find(pub, maphash.String(x.seed, pub))
	return fam, found
}

// add records pub with its family id unless it is already indexed, and returns the family id
// stored for it and whether it was (the first record wins). One hash and one probe per record.
func (x *pubIndex) add(pub, fam string) (string, bool) { return x.addHash(pub, fam, x.hash(pub)) }

// hash is pub's hash in this index.
func (x *pubIndex) hash(pub string) uint64 { return maphash.String(x.seed, pub) }

// addHash is add with pub's hash h.
func (x *pubIndex) addHash(pub, fam string, h uint64) (string, bool) {
	f, found, slot := x.find(pub, h)
	if found {
		return f, true
	}
	grows := len(x.entries) == cap(x.entries) || len(x.arena)+len(pub)+len(fam) > cap(x.arena)
	if 4*(len(x.entries)+1) > 3*len(x.slots) {
		x.rehash(2 * len(x.slots))
		_, _, slot = x.find(pub, h)
		grows = true
	}
	e := pubEntry{pubOff: uint32(len(x.arena)), pubLen: uint32(len(pub))}
	x.arena = append(x.arena, pub...)
	e.famOff, e.famLen = uint32(len(x.arena)), uint32(len(fam))
	x.arena = append(x.arena, fam...)
	x.entries = append(x.entries, e)
	x.slots[slot] = h>>32<<32 | uint64(len(x.entries))
	if grows && x.grown != nil {
		x.grown(x.footprint())
	}
	return fam, false
}

// rehash moves every entry into a table of n slots (the hashes again, from the stored bytes).
func (x *pubIndex) rehash(n int) {
	x.slots = make([]uint64, n)
	mask := uint64(n - 1)
	for k, e := range x.entries {
		h := maphash.String(x.seed, string(x.arena[e.pubOff:e.pubOff+e.pubLen]))
		i := h & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = h>>32<<32 | uint64(k+1)
	}
}

// warm reads the slot where each of pubs's publication numbers starts its probe, and returns
// their hashes in hs (reused). The reads do not wait on each other, so the processor overlaps
// their cache misses; add then finds its slot in the cache. In the ingest's ordered writer,
// one add at a time between other work, each add waited on its own miss (0.71 CPU-s of the 1M
// ingest in find, for 1.87M publications, with the table alone).
func (x *pubIndex) warm(pubs []lake.PatentRow, hs []uint64) []uint64 {
	hs = hs[:0]
	mask := uint64(len(x.slots) - 1)
	var sum uint64
	for i := range pubs {
		h := maphash.String(x.seed, pubs[i].PubNumber)
		hs = append(hs, h)
		sum += x.slots[h&mask]
	}
	x.sink = sum
	return hs
}

// put is add for callers that need no answer.
func (x *pubIndex) put(pub, fam string) { x.add(pub, fam) }

// len is the number of publications indexed.
func (x *pubIndex) len() int { return len(x.entries) }

// has reports whether pub is indexed (stored in the lake or earlier in this ingest).
func (x *pubIndex) has(pub string) bool {
	_, found := x.lookup(pub)
	return found
}

// withKind returns the stored publication that is pub (a number without its kind code) with a
// kind, and whether there is one; the kinds are tried in lake.ProbeKinds order (the lake's
// views link a kindless publication stored before its kinded twin by the same order).
func (x *pubIndex) withKind(pub string) (string, bool) {
	for _, k := range lake.ProbeKinds {
		c := pub + k
		if _, found := x.lookup(c); found {
			return c, true
		}
	}
	return "", false
}
