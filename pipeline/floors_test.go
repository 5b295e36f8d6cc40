package pipeline

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/patnav/patnav/"

// floors says, for each top-level room of the house, which rooms its production code may import
// (docs/architecture.md). A lower floor never imports a higher one; reports draw landscape models
// and never reach into analysis or ingest; cmd only talks to the pipeline and to the single-stage
// libraries (ingest, the lake).
var floors = map[string][]string{
	"internal":  {"internal"},
	"ingest":    {"ingest", "internal"},
	"analysis":  {"analysis", "internal"},
	"landscape": {"landscape", "analysis", "internal"},
	"reports":   {"reports", "landscape", "internal"},
	"data":      {"data", "internal"},
	"pipeline":  {"pipeline", "reports", "landscape", "analysis", "ingest", "internal"},
	"cmd":       {"pipeline", "ingest", "internal", "data"},
}

// room is the first path element of an import inside the module ("" for other modules).
func room(path string) string {
	if !strings.HasPrefix(path, module) {
		return ""
	}
	r, _, _ := strings.Cut(strings.TrimPrefix(path, module), "/")
	return r
}

// TestFloors parses the imports of every non-test Go file of the module and fails on an arrow
// that runs back up.
func TestFloors(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	files := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n != filepath.Base(root) && (strings.HasPrefix(n, ".") || n == "testdata" || n == "out" || n == "bin") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		from, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		allowed, ok := floors[from]
		if !ok {
			bad = append(bad, rel+": in no room of docs/architecture.md")
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			to := room(path)
			if to == "" {
				continue
			}
			okTo := false
			for _, a := range allowed {
				okTo = okTo || a == to
			}
			if !okTo {
				bad = append(bad, rel+" imports "+path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("only %d files read from %s", files, root)
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	if _, err := os.Stat(filepath.Join(root, "docs", "architecture.md")); err != nil {
		t.Error("docs/architecture.md is missing")
	}
}
