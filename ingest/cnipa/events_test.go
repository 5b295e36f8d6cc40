package cnipa

import (
	"testing"

	"github.com/patnav/patnav/internal/patent"
)

// TestLegalEventsSplit: every 法律事件 entry is one event, with its date, the rest of its text as
// description, the whole entry as text and the effect its words state (hand-read entries).
func TestLegalEventsSplit(t *testing.T) {
	cell := "2018-02-06 公开;2018.03.02 | 实质审查的生效；2019年5月14日 授权\n2023-11-28 专利权的终止(未缴年费)\n权利转移"
	got := legalEvents(cell, nil)
	want := []patent.LegalEvent{
		{Date: patent.NewDate(2018, 2, 6), Description: "公开", Text: "2018-02-06 公开"},
		{Date: patent.NewDate(2018, 3, 2), Description: "实质审查的生效", Text: "2018.03.02 | 实质审查的生效"},
		{Date: patent.NewDate(2019, 5, 14), Description: "授权", Effect: "+", Text: "2019年5月14日 授权"},
		{Date: patent.NewDate(2023, 11, 28), Description: "专利权的终止(未缴年费)", Effect: "-", Text: "2023-11-28 专利权的终止(未缴年费)"},
		{Description: "权利转移", Text: "权利转移"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
