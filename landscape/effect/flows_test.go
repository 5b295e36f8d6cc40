package effect

import (
	"reflect"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
)

// TestParseOperation: the kind, parties, addresses and effective date of hand-read legal event
// texts in the layouts the lake holds (CNIPA gazette entries with labelled fields, joined by
// semicolons or spaces, with the 变更事项 pairs for names and addresses; INPADOC English), and
// the texts that record no new operation.
func TestParseOperation(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		text string
		ok   bool
		want operation
	}{
		{"2019-06-04 专利权的转移；登记生效日：2019.05.14；变更前权利人：泰安泰山电气有限公司；变更后权利人：南京开关厂有限公司；变更前地址：271000 山东省泰安市；变更后地址：210000 江苏省南京市", true,
			operation{Kind: opTransfer, From: []string{"泰安泰山电气有限公司"}, To: []string{"南京开关厂有限公司"}, FromAddr: "271000 山东省泰安市", ToAddr: "210000 江苏省南京市", Date: d(2019, 5, 14)}},
		{"专利权的转移 IPC(主分类)：H01H 33/02 登记生效日：20200315 变更事项：专利权人 变更前权利人：南京电力设备有限公司 变更后权利人：泰安华能开关有限公司、泰山学院 变更事项：地址 变更前权利人：210000 江苏省南京市玄武区 变更后权利人：271000 山东省泰安市泰山区", true,
			operation{Kind: opTransfer, From: []string{"南京电力设备有限公司"}, To: []string{"泰安华能开关有限公司", "泰山学院"}, FromAddr: "210000 江苏省南京市玄武区", ToAddr: "271000 山东省泰安市泰山区", Date: d(2020, 3, 15)}},
		{"2021-05-20 TR01 Transfer of patent right；Effective date of registration: 20210505；Patentee after: JIANGSU XYZ CO., LTD.；Address after: Nanjing, Jiangsu, CN；Patentee before: TAIAN TAISHAN ELECTRIC CO LTD；Address before: Taian, Shandong, CN", true,
			operation{Kind: opTransfer, From: []string{"TAIAN TAISHAN ELECTRIC CO LTD"}, To: []string{"JIANGSU XYZ CO., LTD."}, FromAddr: "Taian, Shandong, CN", ToAddr: "Nanjing, Jiangsu, CN", Date: d(2021, 5, 5)}},
		{"2019-07-01 专利实施许可合同备案的生效；合同备案号：2019370000123；让与人：泰安泰山电气有限公司；受让人：济南力源科技有限公司；许可种类：普通许可；备案日期：20190620", true,
			operation{Kind: opLicence, From: []string{"泰安泰山电气有限公司"}, To: []string{"济南力源科技有限公司"}, Date: d(2019, 6, 20)}},
		{"专利权质押合同登记的生效 IPC(主分类)：H01H 33/02 登记号：Y2020370000456 登记生效日：20200708 出质人：泰安华能开关有限公司 质权人：中国银行股份有限公司泰安分行 发明名称：开关装置", true,
			operation{Kind: opPledge, From: []string{"泰安华能开关有限公司"}, To: []string{"中国银行股份有限公司泰安分行"}, Date: d(2020, 7, 8)}},
		{"2021-01-05 专利实施许可合同备案的注销；让与人：泰安泰山电气有限公司；受让人：济南力源科技有限公司", false, operation{}},
		{"2022-02-02 专利权质押合同登记的注销；出质人：泰安华能开关有限公司；质权人：泰安银行股份有限公司", false, operation{}},
		{"2019-05-14 授权", false, operation{}},
		{"权利转移", false, operation{}}, // a transfer with no party named
	} {
		got, ok := parseOperation(c.text, "")
		if ok != c.ok || ok && !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %v %+v\nwant %v %+v", c.text, ok, got, c.ok, c.want)
		}
	}
}

// TestDirection: the region is 山东省泰安市; each party is placed by the event's address, the
// region's applicants, the lake's place for the name, then the name itself.
func TestDirection(t *testing.T) {
	pl := newPlacer([]analysis.EffectPartyPlaceRow{
		{Name: "泰安泰山电气", Country: "CN", Province: "山东省", City: "泰安市", N: 3, Region: true},
		{Name: "南京开关厂", Country: "CN", Province: "江苏省", City: "南京市", N: 2},
		{Name: "山东科技大学", Country: "CN", Province: "山东省", City: "青岛市", N: 1},
		{Name: "山东科技大学", Country: "CN", Province: "山东省", City: "泰安市", N: 1}, // a tie: not known
	}, "CN", "山东省", "泰安市")
	for _, c := range []struct {
		from, to         []string
		fromAddr, toAddr string
		want             string
	}{
		{[]string{"泰安泰山电气有限公司"}, []string{"南京开关厂有限公司"}, "", "", DirOut},
		{[]string{"南京开关厂有限公司"}, []string{"泰安泰山电气有限公司"}, "", "", DirIn},
		{[]string{"南京开关厂有限公司"}, []string{"泰安华能开关有限公司"}, "", "", DirIn},     // by the name 泰安…
		{[]string{"泰安泰山电气有限公司"}, []string{"山东科技大学"}, "", "", DirUnknown},   // a tie in the lake, the name gives the province only
		{[]string{"泰安泰山电气有限公司"}, []string{"青岛某某有限公司"}, "", "", DirOut},     // same province, another city
		{[]string{"泰安泰山电气有限公司"}, []string{"华为技术有限公司"}, "", "", DirUnknown}, // no place anywhere
		{[]string{"泰安泰山电气有限公司"}, []string{"张伟"}, "", "", DirUnknown},       // a person: the name is not read
		{[]string{"JIANGSU XYZ CO"}, []string{"TAIAN ABC CO"}, "Nanjing, Jiangsu, CN", "Taian, Shandong, CN", DirIn},
		{[]string{"南京开关厂有限公司"}, []string{"上海电气有限公司"}, "", "", dirNone},
		{[]string{"南京开关厂有限公司", "泰安泰山电气有限公司"}, []string{"上海电气有限公司"}, "", "", DirOut}, // one transferor in the region
		{nil, []string{"泰安泰山电气有限公司"}, "", "", DirUnknown},
	} {
		if got := direction(pl.sideOf(c.from, c.fromAddr), pl.sideOf(c.to, c.toAddr)); got != c.want {
			t.Errorf("%v → %v: %q, want %q", c.from, c.to, got, c.want)
		}
	}
	// A city configured without its province is still a city: a 济南 party is outside 泰安.
	pl = newPlacer(nil, "CN", "", "泰安")
	if got := direction(pl.sideOf([]string{"泰安泰山电气有限公司"}, ""), pl.sideOf([]string{"济南力源科技有限公司"}, "")); got != DirOut {
		t.Errorf("city without province: %q, want out", got)
	}
}
