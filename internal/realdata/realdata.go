// Package realdata locates the shared real patent exports (../shared/data/real beside the
// repository) for tests, and skips a test cleanly when they are absent.
package realdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of ../shared/data/real/<sub> relative to the repository root, or
// "" when it does not exist. PATNAV_REAL_DATA overrides the base folder.
func Dir(sub string) string {
	base := os.Getenv("PATNAV_REAL_DATA")
	if base == "" {
		root := repoRoot()
		if root == "" {
			return ""
		}
		base = filepath.Join(root, "..", "shared", "data", "real")
	}
	p := filepath.Join(base, sub)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return abs
}

// Require returns Dir(sub) or skips t when the folder is absent. Under CI (CI=true) an absent
// folder fails the test instead: CI must not pass by skipping every real-data test.
func Require(t testing.TB, sub string) string {
	t.Helper()
	d := Dir(sub)
	if d == "" {
		if InCI() {
			t.Fatalf("real data %q not present (../shared/data/real) and CI=true: CI needs the shared real exports", sub)
		}
		t.Skipf("real data %q not present (../shared/data/real); skipping", sub)
	}
	return d
}

// File returns the path of one real export, ../shared/data/real/<sub>/<name>, skipping t (failing
// it under CI) when the file is absent.
func File(t testing.TB, sub, name string) string {
	t.Helper()
	p := filepath.Join(Require(t, sub), name)
	if _, err := os.Stat(p); err != nil {
		if InCI() {
			t.Fatalf("real export %s absent and CI=true: %v", p, err)
		}
		t.Skipf("real export %s absent: %v", p, err)
	}
	return p
}

// InCI reports whether the tests run under CI (CI=true), where missing test prerequisites are
// failures, not skips.
func InCI() bool { return os.Getenv("CI") == "true" }

func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
