package main

import (
	"context"
	"fmt"
	"io"

	"github.com/patnav/patnav/ingest"
)

// cmdLakeForget is "patnav lake forget FILE|INGEST_ID...": it takes back what ingests contributed.
func cmdLakeForget(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("lake forget", "[--lake DIR] FILE|INGEST_ID...", stderr)
	lakeDir := fs.String("lake", "lake", "lake folder")
	reason := fs.String("reason", "forgotten by patnav lake forget", "why, recorded in the manifest")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	res, err := ingest.Forget(*lakeDir, fs.Args(), *reason)
	if err != nil {
		return err
	}
	for _, in := range res.Inputs {
		fmt.Fprintf(stdout, "forgot %s (ingest %s, %s, %d records)\n", in.Name, in.Ingest, in.Format, in.Records)
	}
	fmt.Fprintf(stdout, "transaction %s committed to %s: %d publications removed", res.Txn, *lakeDir, res.Publications)
	if res.Elsewhere > 0 {
		fmt.Fprintf(stdout, "; %d of them were also in later inputs, recorded there as duplicates only: ingest those again with --force to store them", res.Elsewhere)
	}
	fmt.Fprintln(stdout)
	return nil
}
