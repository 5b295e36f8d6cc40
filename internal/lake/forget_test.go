package lake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBeginFailureIsAnError: when the part files cannot be created (here the lake folder is in
// /proc, where nobody, root included, can make folders), Begin returns an error naming the lake;
// it used to store the failed writer as a typed nil and panic in Abort.
func TestBeginFailureIsAnError(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("needs /proc")
	}
	l, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	l.Dir = filepath.Join("/proc/self", "patnav-lake")
	tx, err := l.Begin()
	if err == nil || tx != nil || !strings.Contains(err.Error(), "cannot start an ingest") {
		t.Fatalf("Begin = %v, %v", tx, err)
	}
}
