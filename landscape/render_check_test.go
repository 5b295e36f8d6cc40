package landscape

import (
	"encoding/json"
	"io"
)

// renderCheck marshals the model: encoding/json rejects NaN and ±Inf, which a report must never
// show.
func renderCheck(w io.Writer, m *Macro) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
