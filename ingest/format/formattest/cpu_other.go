//go:build !unix

package formattest

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
