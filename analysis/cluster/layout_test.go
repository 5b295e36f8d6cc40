package cluster

import (
	"hash/fnv"
	"testing"
)

// TestJitterIsFNV1a: jitter's hash, written out, is hash/fnv's 64-bit FNV-1a of the ID's bytes
// (the map's placements depend on it).
func TestJitterIsFNV1a(t *testing.T) {
	for _, id := range []string{"", "a", "P0000023efa0f5c66", "DWPI2004-123456", "中文 id"} {
		h := fnv.New64a()
		h.Write([]byte(id))
		v := h.Sum64()
		wx, wy := float64(v&0xffff)/0xffff*2-1, float64((v>>16)&0xffff)/0xffff*2-1
		if x, y := jitter(id); x != wx || y != wy {
			t.Errorf("jitter(%q) = %v, %v; want %v, %v", id, x, y, wx, wy)
		}
	}
}
