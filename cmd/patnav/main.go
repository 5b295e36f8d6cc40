// Command patnav is the patent-navigation pipeline: ingest exports into a Parquet lake, query it,
// and produce the navigation reports. main only parses arguments, calls the library and maps the
// error to an exit code (see exitCode).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

func main() {
	code := profiled(os.Getenv("PATNAV_CPUPROFILE"), os.Getenv("PATNAV_MEMPROFILE"), func() int { return run(os.Args[1:], os.Stdout, os.Stderr) })
	os.Exit(code)
}

// profiled runs fn and, when cpuPath is not empty, writes a CPU profile of it to cpuPath; when
// memPath is not empty, it writes a heap profile taken near the peak of the Go heap to memPath
// (profiling aids for the scale work: PATNAV_CPUPROFILE=cpu.out PATNAV_MEMPROFILE=mem.out patnav
// landscape …, then go tool pprof; the heap profile covers the Go heap only, not DuckDB's memory).
func profiled(cpuPath, memPath string, fn func() int) int {
	if memPath != "" {
		stop := peakHeapProfile(memPath)
		defer stop()
	}
	if cpuPath == "" {
		return fn()
	}
	f, err := os.Create(cpuPath)
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

// peakHeapProfile polls the live Go heap every 100 ms and rewrites the heap profile at path
// whenever the heap exceeds the largest seen by 5 %, so the file ends up holding the allocations
// live near the peak. stop ends the polling.
func peakHeapProfile(path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			live := sample[0].Value.Uint64()
			if live < peak+peak/20 {
				continue
			}
			peak = live
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(os.Stderr, "patnav: PATNAV_MEMPROFILE: %v\n", err)
				return
			}
			runtime.GC() // the profile reports the heap as of the last collection
			err = pprof.Lookup("heap").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "patnav: PATNAV_MEMPROFILE: %v\n", err)
				return
			}
		}
	}()
	return func() { close(done); <-finished }
}
