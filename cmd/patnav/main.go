// Command patnav is the patent-navigation pipeline: ingest exports into a Parquet lake, query it,
// and produce the navigation reports. main only parses arguments, calls the library and maps the
// error to an exit code (see exitCode).
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

func main() {
	os.Exit(profiled(os.Getenv("PATNAV_CPUPROFILE"), func() int { return run(os.Args[1:], os.Stdout, os.Stderr) }))
}

// profiled runs fn and, when path is not empty, writes a CPU profile of it to path (a profiling
// aid for the scale work: PATNAV_CPUPROFILE=cpu.out patnav landscape …, then go tool pprof).
func profiled(path string, fn func() int) int {
	if path == "" {
		return fn()
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "patnav: PATNAV_CPUPROFILE: %v\n", err)
		return exitError
	}
	code := fn()
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "patnav: PATNAV_CPUPROFILE: %v\n", err)
	}
	return code
}
