package ingest

import (
	"crypto/sha256"
	"encoding/hex"
)

func hashString(s string) (string, int, error) {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:]), len(s), nil
}
