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

// TestLegalEventsDetails: the labelled details of a transfer, a licence and a pledge written
// after semicolons stay in their entry (one event each), in Chinese and in INPADOC English.
func TestLegalEventsDetails(t *testing.T) {
	cell := "2019-06-04 专利权的转移；登记生效日：2019.05.14；变更前权利人：泰安泰山电气有限公司；变更后权利人：南京开关厂有限公司；变更前地址：271000 山东省泰安市；变更后地址：210000 江苏省南京市\n" +
		"2020-01-10 专利实施许可合同备案的生效；让与人：泰山学院；受让人：泰安华能开关有限公司；许可种类：普通许可\n" +
		"2021-03-02 TR01 Transfer of patent right; Effective date of registration: 20210302; Patentee after: A CO; Patentee before: B CO\n" +
		"2022-05-01 专利权的终止"
	got := legalEvents(cell, nil)
	if len(got) != 4 {
		t.Fatalf("%d events, want 4: %+v", len(got), got)
	}
	want0 := "2019-06-04 专利权的转移；登记生效日：2019.05.14；变更前权利人：泰安泰山电气有限公司；变更后权利人：南京开关厂有限公司；变更前地址：271000 山东省泰安市；变更后地址：210000 江苏省南京市"
	if got[0].Text != want0 || got[0].Date != patent.NewDate(2019, 6, 4) || got[0].Effect != "" {
		t.Errorf("transfer %+v", got[0])
	}
	if got[1].Text != "2020-01-10 专利实施许可合同备案的生效；让与人：泰山学院；受让人：泰安华能开关有限公司；许可种类：普通许可" {
		t.Errorf("licence %+v", got[1])
	}
	if got[2].Text != "2021-03-02 TR01 Transfer of patent right；Effective date of registration: 20210302；Patentee after: A CO；Patentee before: B CO" {
		t.Errorf("INPADOC %+v", got[2])
	}
	if got[3].Effect != "-" || got[3].Date != patent.NewDate(2022, 5, 1) {
		t.Errorf("lapse %+v", got[3])
	}
}
