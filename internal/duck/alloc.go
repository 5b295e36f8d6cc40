package duck

/*
#include <stddef.h>
#include <stdlib.h>
#include <sys/types.h>

// DuckDB's own allocator (its bundled jemalloc, built into the DuckDB library where the build has
// it: Linux). Weak, so that a DuckDB library without it links and the tuning below does
// nothing.
extern int duckdb_je_mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen) __attribute__((weak));

static int patnav_je_present(void) { return duckdb_je_mallctl != NULL; }

static unsigned patnav_je_narenas(void) {
	unsigned v = 0;
	size_t n = sizeof(v);
	if (duckdb_je_mallctl == NULL || duckdb_je_mallctl("arenas.narenas", &v, &n, NULL, 0) != 0) return 0;
	return v;
}

static int patnav_je_set_ms(const char *name, long ms) {
	ssize_t v = ms;
	if (duckdb_je_mallctl == NULL) return -1;
	return duckdb_je_mallctl(name, NULL, NULL, &v, sizeof(v));
}

static long patnav_je_get_ms(const char *name) {
	ssize_t v = 0;
	size_t n = sizeof(v);
	if (duckdb_je_mallctl == NULL || duckdb_je_mallctl(name, &v, &n, NULL, 0) != 0) return -2;
	return (long)v;
}

static int patnav_je_call(const char *name) {
	if (duckdb_je_mallctl == NULL) return -1;
	return duckdb_je_mallctl(name, NULL, NULL, NULL, 0);
}
*/
import "C"

import (
	"fmt"
	"os"
	"sync"
	"unsafe"
)

// DuckDB's allocator gives the pages of freed memory back to the system about a second after they
// were freed (jemalloc's dirty and muzzy decay of 1000 ms), and the next query's operators take
// them again, each page faulting in afresh and zeroed: on the 961k-family landscape 1.9–2.1
// million page faults and 26 s of system time of 143 CPU-s. So from Open, while the Go side holds
// little, the allocator keeps the pages DuckDB frees for reuse (allocRetain: decay off, for a
// lake up to retainLakeBytes), and DuckDB's resident memory is the most it has used since,
// within its cap. Where the Go side's heap is about to grow beside DuckDB (Release, Trim,
// Share), the kept pages go back and from then on freed pages are kept for sharedDecay
// (allocShare); Close sets DuckDB's own decay back (allocReset). Measured on this 2-core machine against DuckDB's own decay, two and three
// alternating runs: the 961k-family landscape 76.7–78.8 s → 66.8–68.9 s, peak RSS 2.64–2.74 →
// 2.81–2.83 GB, page faults 1.9–2.1 → 1.5 million; the 288k-family one 21.7–23.4 s →
// 19.9–21.7 s, 1.40–1.41 → 1.43–1.46 GB. The decay is process-wide (the allocator is);
// PATNAV_DUCKDB_DECAY=default leaves DuckDB's own throughout.

// retainLakeBytes is the largest lake whose DB keeps DuckDB's freed pages. On the 10M-family
// lake (3.2 GB) the kept pages took the landscape's RSS to 15.7 GB within the first eight minutes
// (DuckDB's cap 4 GB; 4.3–5.9 GB in the same minutes with DuckDB's own decay), far beyond its cap: with spilling,
// what is kept is not what is used again. A larger lake keeps freed pages for sharedDecay (tuneAlloc). (Decay 0
// during the 10M landscape's read of the map's documents lowered the RSS there from 12.3 to
// 8.1–8.6 GB but made the read 2.3 times as slow, 165 → 374 s, and the run's peak, 12.28 GB,
// came later instead: dropped.)
const retainLakeBytes = 1 << 30

// tuneAlloc sets DuckDB's allocator for a DB over a lake of lakeBytes: for a lake up to
// retainLakeBytes freed pages are kept (allocRetain); for a larger one they are kept for
// sharedDecay (allocShare) instead of DuckDB's own second, throughout. On the 10M-family
// landscape (a 3.2 GB lake, with the block pool of duck.allocSettings) that took 14:08 and 13:21
// against 15:03 (1,217 + 266 and 1,148 + 252 CPU-s, user + system, against 1,239 + 326; 16.9M and
// 16.5M page faults against 22.5M) with the same peak RSS, 8.71–8.72 GB, and the same reports.
func (d *DB) tuneAlloc(lakeBytes int64) {
	d.retain, d.tuned = lakeBytes <= retainLakeBytes, true
	if d.retain {
		allocRetain()
	} else {
		allocShare()
	}
}

// sharedDecay is the decay, in ms, while the Go side's heap is large beside DuckDB, and for a
// large lake throughout (tuneAlloc): ten times DuckDB's own, which kept the 961k-family landscape under 3 GB (a decay of 10 s from Open on:
// 2.80–2.90 GB; off until the map's documents are read, then 10 s: 2.81–2.83 GB).
const sharedDecay = 10000

var alloc struct {
	once         sync.Once
	ok           bool  // the allocator is there and is to be tuned
	dirty, muzzy int64 // DuckDB's own decays
}

func allocInit() {
	alloc.once.Do(func() {
		if os.Getenv("PATNAV_DUCKDB_DECAY") == "default" || C.patnav_je_present() == 0 {
			return
		}
		alloc.dirty, alloc.muzzy = jeGetMs("arenas.dirty_decay_ms"), jeGetMs("arenas.muzzy_decay_ms")
		alloc.ok = alloc.dirty >= -1 && alloc.muzzy >= -1
	})
}

// allocRetain turns the allocator's decay off (see above).
func allocRetain() {
	if allocInit(); alloc.ok {
		allocDecay(-1, -1)
	}
}

// allocShare hands the kept pages back and keeps freed pages for sharedDecay from now on.
func allocShare() {
	if allocInit(); alloc.ok {
		allocDecay(sharedDecay, sharedDecay)
		allocPurge()
	}
}

// allocReset sets DuckDB's own decay back and hands the kept pages back.
func allocReset() {
	if allocInit(); alloc.ok {
		allocDecay(alloc.dirty, alloc.muzzy)
		allocPurge()
	}
}

// allocPurge hands the freed pages of every arena back to the system.
func allocPurge() {
	name := C.CString("arena.4096.purge") // MALLCTL_ARENAS_ALL
	defer C.free(unsafe.Pointer(name))
	C.patnav_je_call(name)
}

// allocDecay sets the decays of the arenas there are and of the ones made later.
func allocDecay(dirty, muzzy int64) {
	jeSetMs("arenas.dirty_decay_ms", dirty)
	jeSetMs("arenas.muzzy_decay_ms", muzzy)
	for i := 0; i < int(C.patnav_je_narenas()); i++ {
		jeSetMs(fmt.Sprintf("arena.%d.dirty_decay_ms", i), dirty) // an index not in use fails: nothing to set
		jeSetMs(fmt.Sprintf("arena.%d.muzzy_decay_ms", i), muzzy)
	}
}

// arenaDecay is arena 0's dirty decay in ms (-2: no allocator), for tests.
func arenaDecay() int64 { return jeGetMs("arena.0.dirty_decay_ms") }

func jeSetMs(name string, ms int64) {
	c := C.CString(name)
	defer C.free(unsafe.Pointer(c))
	C.patnav_je_set_ms(c, C.long(ms))
}

func jeGetMs(name string) int64 {
	c := C.CString(name)
	defer C.free(unsafe.Pointer(c))
	return int64(C.patnav_je_get_ms(c))
}
