package main

import (
	"context"
	"fmt"
	"io"

	"github.com/patnav/patnav/internal/duck"
)

// cmdLakeHistory prints a publication's observations, changes and legal events in time order.
func cmdLakeHistory(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("lake history", "[--lake DIR] PUBLICATION", stderr)
	lakeDir := fs.String("lake", "lake", "lake folder")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	db, err := duck.Open(ctx, *lakeDir)
	if err != nil {
		return err
	}
	defer db.Close()
	h, err := db.History(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if len(h) == 0 {
		return fmt.Errorf("%s: no publication %s in the lake", *lakeDir, fs.Arg(0))
	}
	for _, e := range h {
		day := "undated   "
		if !e.Date.IsZero() {
			day = e.Date.Format("2006-01-02")
		}
		src := ""
		if e.SourceFile != "" {
			src = fmt.Sprintf("  (%s, ingest %s)", e.SourceFile, e.Ingest)
		}
		fmt.Fprintf(stdout, "%s  %-8s  %s%s\n", day, e.Kind, e.Text, src)
	}
	return nil
}
