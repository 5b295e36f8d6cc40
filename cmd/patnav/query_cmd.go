package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/lake"
)

func cmdQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("query", "[--lake DIR] [--format table|csv|json] SQL", stderr)
	lakeDir := fs.String("lake", "lake", "lake folder")
	out := fs.String("format", "table", "output format: table, csv or json")
	width := fs.Int("width", 60, "table format: cut cells wider than this many characters (0: no limit)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	switch *out {
	case "table", "csv", "json":
	default:
		return fmt.Errorf("%w: --format %q: want table, csv or json", errUsage, *out)
	}
	db, err := duck.Open(ctx, *lakeDir)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Query(ctx, strings.Join(fs.Args(), " "))
	if err != nil {
		return err
	}
	switch *out {
	case "csv":
		return res.WriteCSV(stdout)
	case "json":
		return res.WriteJSON(stdout)
	}
	return res.WriteTable(stdout, *width)
}

func cmdLake(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "forget" {
		return cmdLakeForget(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "history" {
		return cmdLakeHistory(ctx, args[1:], stdout, stderr)
	}
	fs := newFlags("lake", "info [--lake DIR] | forget [--lake DIR] FILE|INGEST_ID... | history [--lake DIR] PUB", stderr)
	lakeDir := fs.String("lake", "lake", "lake folder")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "info" {
		fs.Usage()
		return errUsage
	}
	if !lake.Exists(*lakeDir) {
		return fmt.Errorf("%s: no lake here (run 'patnav ingest --lake %s FILES' first)", *lakeDir, *lakeDir)
	}
	l, err := lake.Open(*lakeDir)
	if err != nil {
		return err
	}
	m := l.Manifest()
	fmt.Fprintf(stdout, "lake %s (schema version %d, updated %s, %d ingests)\n\n", *lakeDir, m.SchemaVersion,
		m.Updated.Format("2006-01-02 15:04:05 UTC"), m.NextIngest-1)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "table\trows\tparts")
	for _, t := range lake.Tables {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", t, l.Rows(t), len(m.Tables[t]))
	}
	tw.Flush()
	fmt.Fprintln(stdout, "(rows stored in part files; the provenance parts hold the occurrences that were not stored, and the provenance view adds one per patents row)")
	fmt.Fprintln(stdout)
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ingest\tinput\tformat\trecords\taccepted\trejected\tduplicates\tparts\tsha256")
	for _, in := range m.Inputs {
		parts := "whole"
		if n := m.YearPartitions(in.Ingest); n > 0 {
			parts = fmt.Sprintf("by year (%d)", n)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%.12s\n", in.Ingest, in.Name, in.Format, in.Records, in.Accepted,
			in.Rejected, in.Duplicates, parts, in.SHA256)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, f := range m.Forgotten {
		for _, in := range f.Inputs {
			fmt.Fprintf(stdout, "forgotten by %s: %s (ingest %s): %s\n", f.By, in.Name, f.Ingest, f.Reason)
		}
	}
	return nil
}
