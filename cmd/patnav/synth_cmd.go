package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/patnav/patnav/data/synth"
)

func cmdSynth(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("synth", "--form lens|lens-legacy|cnipa|sep-etsi|sep-dsep --families N [--seed S] --out FILE", stderr)
	form := fs.String("form", "lens", "output form: lens (current Lens CSV), lens-legacy (2016 layout: CR line endings, dd/mm/yy), cnipa (Chinese CSV), sep-etsi / sep-dsep (a standard-essential-patent declaration list of the same world, ETSI ISLD or dSEP layout)")
	families := fs.Int("families", 10000, "number of patent families in the generated world")
	maxRecords := fs.Int("max-records", 0, "stop after this many records (0: no limit)")
	seed := fs.Int64("seed", 1, "random seed (the same seed gives the same bytes)")
	enc := fs.String("encoding", "utf-8", "cnipa form: utf-8, utf-8-bom, gbk or gb18030")
	out := fs.String("out", "", "output file (default: stdout)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *families < 1 {
		return fmt.Errorf("%w: --families must be at least 1", errUsage)
	}
	opts := synth.Options{Families: *families, Seed: *seed, MaxRecords: *maxRecords}
	var w io.Writer = stdout
	var tmp *os.File
	if *out != "" {
		if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
			return err
		}
		f, err := os.CreateTemp(filepath.Dir(*out), ".synth-*")
		if err != nil {
			return err
		}
		tmp = f
		defer os.Remove(f.Name())
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var st synth.Stats
	var err error
	switch *form {
	case "lens":
		st, err = synth.WriteLens(bw, opts, synth.LensCurrent)
	case "lens-legacy":
		st, err = synth.WriteLens(bw, opts, synth.Lens2016)
	case "cnipa":
		st, err = synth.WriteCNIPA(bw, opts, *enc)
	case "sep-etsi":
		st, err = synth.WriteDeclarations(bw, opts, synth.DeclETSI)
	case "sep-dsep":
		st, err = synth.WriteDeclarations(bw, opts, synth.DeclDSEP)
	default:
		return fmt.Errorf("%w: --form %q: want lens, lens-legacy, cnipa, sep-etsi or sep-dsep", errUsage, *form)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return err
	}
	if tmp != nil {
		if err := tmp.Close(); err != nil {
			return err
		}
		if err := os.Rename(tmp.Name(), *out); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s: %d families, %d records, %d bytes\n", *out, st.Families, st.Records, st.Bytes)
	}
	return nil
}
