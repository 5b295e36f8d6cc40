package landscape

import (
	"github.com/patnav/patnav/analysis"
)

func (b *macroBuilder) legal() error {
	L := &b.m.Legal
	status, err := analysis.LegalStatus.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	L.Status = counts(status, 0)
	shareOf(L.Status)
	gr, err := analysis.GrantRate.One(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	// The grant rate needs legal-status data: without it "refused" (lapsed without a grant) is
	// always 0 and the rate granted / granted = 100 % (an export with no legal status printed
	// that). Then at least MinGrantRate decided families.
	g, ref := gr.Granted, gr.Refused
	switch known := statusKnown(L.Status); {
	case known == 0:
		b.unavailable(Unavailable{Analysis: "legal.grant_rate", Section: "legal", Code: CodeNoLegalStatus})
	case !MinGrantRate.Met(int(g + ref)):
		b.unavailable(MinGrantRate.Below(int(g + ref)))
	default:
		v := round(g/(g+ref), 4)
		L.GrantRate = &v
	}
	if p := gr.Pendency; p != nil {
		v := round(*p, 2)
		L.PendencyYears = &v
	}
	ops, err := analysis.Operations.One(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	if ops.Known > 0 {
		L.Operations = []Count{{Key: "transferred", N: ops.Transferred}, {Key: "licensed", N: ops.Licensed},
			{Key: "pledged", N: ops.Pledged}, {Key: "invalidated", N: ops.Invalidated}}
	} else {
		b.unavailable(Unavailable{Analysis: "legal.operations", Section: "legal", Code: CodeNoOperations})
	}
	n := 0
	for _, c := range L.Status {
		n += int(c.N)
	}
	L.Basis = b.basis("family", n, "legal_status", Note{Code: NoteBasisLegal})
	return nil
}
