// Command patnav is the patent-navigation pipeline: ingest exports into a Parquet lake, query it,
// and produce the navigation reports. main only parses arguments, calls the library and maps the
// error to an exit code (see exitCode).
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
