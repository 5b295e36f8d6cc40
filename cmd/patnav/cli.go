package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/lake"
)

// Exit codes (documented in the README).
const (
	exitOK       = 0
	exitError    = 1 // any other failure
	exitUsage    = 2 // bad command line or configuration
	exitBadInput = 3 // input rejected: unknown format, empty file, too many bad records
	exitLocked   = 4 // another patnav holds the lake (or run) lock
	exitWarning  = 5 // patnav warn --fail-on: a new signal at or above the level
	// exitRejectedInputs: patnav run published, but set inbox inputs aside (inbox/rejected/).
	exitRejectedInputs = 6
)

var errUsage = errors.New("usage")

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"ingest", "read patent exports into the lake", cmdIngest},
		{"query", "run SQL over the lake's tables", cmdQuery},
		{"lake", "show the lake's tables and inputs (lake info)", cmdLake},
		{"landscape", "the macro industry navigation (the \"1\"): model, JSON, HTML and Markdown reports", cmdLandscape},
		{"enterprise", "the enterprise navigations (the \"N\"): portfolio, benchmark, gaps, watch list", cmdEnterprise},
		{"warn", "the patent risk-warning bulletin (专利预警) and its changes since the last run", cmdWarn},
		{"effect", "the zone's effect tracking (绩效): indicators per year, targets, changes since the last run", cmdEffect},
		{"value", "patent value scores and the operation list (专利运营): candidates for transfer or licensing", cmdValue},
		{"run", "the nightly job: ingest the inbox, run every navigation, publish the \"1+N\" bundle", cmdRun},
		{"scope", "propose a search strategy from seed patents and measure its precision and recall", cmdScope},
		{"synth", "write a synthetic demo corpus (Lens CSV or CNIPA CSV)", cmdSynth},
		{"formats", "list the input formats patnav reads", cmdFormats},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := safely(func() error { return c.run(ctx, args[1:], stdout, stderr) })
			if err == nil {
				return exitOK
			}
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			if err != errUsage { // a bare usage error has printed the flags already
				fmt.Fprintf(stderr, "patnav %s: %v\n", c.name, err)
			}
			return exitCode(err)
		}
	}
	fmt.Fprintf(stderr, "patnav: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

// errPanic marks an internal error: a panic recovered in a command. It maps to exit 1, never to
// the usage code 2 that an unrecovered Go panic would exit with.
var errPanic = errors.New("internal error (a bug in patnav; please report it with this message)")

// safely runs fn, turning a panic into an error wrapping errPanic with the panic value and the
// stack, so that a crash is reported as an error (exit 1) with a message.
func safely(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w: %v\n%s", errPanic, v, debug.Stack())
		}
	}()
	return fn()
}

// exitCode maps an error to the process exit status.
func exitCode(err error) int {
	var ec interface{ ExitCode() int }
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ec):
		return ec.ExitCode()
	case errors.Is(err, errPanic):
		return exitError
	case errors.Is(err, errUsage), errors.Is(err, ingest.ErrBadOption):
		return exitUsage
	case errors.Is(err, lake.ErrLocked):
		return exitLocked
	case errors.Is(err, ingest.ErrTooManyBad), errors.Is(err, format.ErrUnknownFormat),
		errors.Is(err, format.ErrEmpty), errors.Is(err, ingest.ErrNoInput), errors.Is(err, ingest.ErrRejected),
		errors.Is(err, ingest.ErrTooFewAccepted):
		return exitBadInput
	}
	return exitError
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "patnav: patent-navigation analytics (专利导航)")
	fmt.Fprintln(w, "\nUsage: patnav COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'patnav COMMAND -h' for a command's flags.")
}

// newFlags returns a flag set that prints its usage to stderr and returns errUsage on bad flags.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("patnav "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: patnav %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// interleave moves flags after positional arguments to the front, so "patnav ingest a.csv --lake x"
// works like "patnav ingest --lake x a.csv".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

// logger returns a slog logger: text on a terminal, JSON otherwise.
func logger(w io.Writer) *slog.Logger {
	if isTTY(w) {
		return slog.New(slog.NewTextHandler(w, nil))
	}
	return slog.New(slog.NewJSONHandler(w, nil))
}

func isTTY(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func cmdFormats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("formats", "", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	fmts := ingest.Formats()
	sort.Slice(fmts, func(i, j int) bool { return fmts[i].Name < fmts[j].Name })
	for _, f := range fmts {
		fmt.Fprintf(stdout, "%-12s %s\n", f.Name, f.Description)
	}
	return nil
}
