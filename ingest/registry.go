package ingest

import (
	"github.com/patnav/patnav/ingest/cnipa"
	"github.com/patnav/patnav/ingest/epoxml"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/patentsview"
)

// Formats returns every reader patnav has, in the order ties in sniffing are broken.
func Formats() []format.Format {
	return []format.Format{cnipa.Format, epoxml.Format, patentsview.Format}
}
