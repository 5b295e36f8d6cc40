package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrLocked is returned when another run holds the run lock.
var ErrLocked = errors.New("another patnav run is in progress")

// lockRun takes the exclusive run lock <out>/.run.lock. The lock is an flock, so the kernel
// releases it when the holding process dies: a lock file left by a killed run is stale by
// construction and is taken over (and reported). The file records the holder's pid and start
// time for the message a second run prints.
func lockRun(out string) (unlock func(), stale string, err error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, "", err
	}
	path := filepath.Join(out, ".run.lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, "", err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, "", fmt.Errorf("%w (lock %s held by %s)", ErrLocked, path, strings.TrimSpace(string(holder)))
		}
		return nil, "", err
	}
	prev, _ := os.ReadFile(path)
	if s := strings.TrimSpace(string(prev)); s != "" {
		stale = s // the previous holder died without releasing: its run was interrupted
	}
	f.Truncate(0)
	f.WriteAt([]byte("pid "+strconv.Itoa(os.Getpid())+" since "+time.Now().UTC().Format(time.RFC3339)+"\n"), 0)
	f.Sync()
	return func() {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, stale, nil
}
