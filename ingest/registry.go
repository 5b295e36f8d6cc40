package ingest

import (
	"github.com/patnav/patnav/ingest/cnipa"
	"github.com/patnav/patnav/ingest/derwent"
	"github.com/patnav/patnav/ingest/epoxml"
	"github.com/patnav/patnav/ingest/espacenet"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/google"
	"github.com/patnav/patnav/ingest/lens"
	"github.com/patnav/patnav/ingest/patentscope"
	"github.com/patnav/patnav/ingest/patentsview"
	"github.com/patnav/patnav/ingest/sep"
	"github.com/patnav/patnav/ingest/usptoxml"
)

// Formats returns every reader patnav has, in the order ties in sniffing are broken.
func Formats() []format.Format {
	return []format.Format{lens.Format, google.Format, cnipa.Format, usptoxml.Format, epoxml.Format, patentsview.Format,
		derwent.Format, espacenet.Format, patentscope.Format, sep.Format}
}
