package ingest

import (
	"fmt"

	"github.com/patnav/patnav/internal/lake"
)

// ForgetResult says what Forget removed.
type ForgetResult struct {
	Txn string // the transaction that removed it
	lake.ForgetStats
}

// Forget removes from the lake in dir the contribution of each target: an ingest id (every input
// it read) or an input (by path, file name or SHA-256), in one new lake transaction. The lake
// stays append-only: the manifest stops listing the forgotten ingests' part files (or lists
// rewritten copies without the forgotten inputs' rows, when an ingest also read other inputs),
// records what was forgotten, and the next ingest removes the unlisted files. A target that
// names nothing is an error and nothing changes.
func Forget(dir string, targets []string, reason string) (*ForgetResult, error) {
	if !lake.Exists(dir) {
		return nil, fmt.Errorf("%s: no lake here", dir)
	}
	l, err := lake.Open(dir)
	if err != nil {
		return nil, err
	}
	unlock, err := l.Lock()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	defer unlock()
	if l, err = lake.Open(dir); err != nil {
		return nil, err
	}
	if err := l.Clean(); err != nil {
		return nil, err
	}
	var inputs []lake.Input
	for _, t := range targets {
		in, err := l.FindInputs(t)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, in...)
	}
	tx, err := l.Begin()
	if err != nil {
		return nil, err
	}
	st, err := tx.Forget(inputs, reason)
	if err != nil {
		tx.Abort()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return &ForgetResult{Txn: tx.ID, ForgetStats: st}, nil
}
