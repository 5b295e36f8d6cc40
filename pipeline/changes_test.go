package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/warning"
)

// changeRow is one publication of the hand-written CNIPA-style exports of TestChangeClasses:
// what day 1 says, and what day 2 says where it differs.
type changeRow struct {
	pub, app, applicant string
	status, owner       [2]string // 法律状态, 当前权利人 on day 1 and day 2
	transfers, licences [2]string
	pledges, invalid    [2]string
	ownerAddr, ownerCC  [2]string // 当前权利人地址, 当前权利人国别代码
	grant               [2]string // 授权公告日
}

// TestChangeClasses is the nightly refresh with one change of each kind, each to a different
// publication of a small hand-written CNIPA-style export (no real data): a lapse, a grant, a
// refusal, a grant shown by its grant date alone, an invalidation, a transfer abroad, a transfer home, a pledge and a licence, and one
// publication that does not change. Each change is classified by landscape.Changes, is listed in
// the bulletin's patent changes, is a bulletin signal when its level is watch or above (lapse,
// grant, refusal, invalidation, transfers across the border) and only evidence otherwise
// (pledge, licence, domestic transfer count), and is in the holder's enterprise navigation when
// the holder is the family's applicant.
func TestChangeClasses(t *testing.T) {
	const holder = "泰安示例科技有限公司"
	const foreign = "Acme Robotics GmbH"
	same := func(s string) [2]string { return [2]string{s, s} }
	alive := same("有权-审定授权")
	rows := []changeRow{
		{pub: "CN210000001U", app: "CN202020000001.0", applicant: holder, status: [2]string{"有权-审定授权", "无权-未缴年费"}, owner: same(holder)},
		{pub: "CN110000002A", app: "CN202010000002.0", applicant: holder, status: [2]string{"审中-实质审查", "有权-审定授权"}, owner: same(holder), grant: [2]string{"", "2026-11-24"}},
		{pub: "CN110000003A", app: "CN202010000003.0", applicant: holder, status: [2]string{"审中-实质审查", "无权-驳回"}, owner: same(holder)},
		{pub: "CN210000004U", app: "CN202020000004.0", applicant: holder, status: alive, owner: same(holder), invalid: [2]string{"", "全部无效"}},
		{pub: "CN210000005U", app: "CN202020000005.0", applicant: holder, status: alive, owner: [2]string{holder, foreign}, transfers: [2]string{"0", "1"}},
		{pub: "CN210000006U", app: "CN202020000006.0", applicant: foreign, status: alive, owner: [2]string{foreign, holder}, transfers: [2]string{"0", "1"}},
		{pub: "CN210000007U", app: "CN202020000007.0", applicant: holder, status: alive, owner: same(holder), pledges: [2]string{"0", "1"}},
		{pub: "CN210000008U", app: "CN202020000008.0", applicant: holder, status: alive, owner: same(holder), licences: [2]string{"0", "1"}},
		{pub: "CN210000009U", app: "CN202020000009.0", applicant: holder, status: alive, owner: same(holder)},
		// A Latin-script owner the export places in China: a domestic transfer (its name alone
		// would say abroad). A Han-script owner the export places in Japan: a transfer abroad (its
		// name alone would say CN); the old owner's place is stated on day 1.
		{pub: "CN210000011U", app: "CN202020000011.0", applicant: holder, status: alive, owner: [2]string{holder, "Shenzhen Example Robotics Co., Ltd."},
			ownerAddr: [2]string{"", "广东省深圳市南山区科技园"}},
		{pub: "CN210000012U", app: "CN202020000012.0", applicant: holder, status: alive, owner: [2]string{holder, "日立示例株式会社"},
			ownerAddr: [2]string{"山东省泰安市高新区", ""}, ownerCC: [2]string{"", "日本"}},
		// A grant shown by its date alone (no status stated either day).
		{pub: "CN110000010A", app: "CN202010000010.0", applicant: holder, owner: same(holder), grant: [2]string{"", "2026-11-24"}},
	}
	dir := t.TempDir()
	day1 := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
	day2 := day1.AddDate(0, 0, 1)
	lk := filepath.Join(dir, "lake")
	ctx := context.Background()
	for d, day := range []time.Time{day1, day2} {
		path := writeChangeExport(t, dir, fmt.Sprintf("cnipa_day%d.csv", d+1), day, rows, d)
		if _, err := ingest.Run(ctx, []string{path}, ingest.Options{Lake: lk, MaxBad: 0}); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Parse([]byte(fmt.Sprintf(`lake: %s
out: %s
industry:
  name: {zh: 测试产业, en: Test industry}
  scope:
    codes: [H04W]
branches:
  - {id: all, name: {zh: 全部, en: All}, codes: [H04W]}
region: {name: {zh: 中国, en: China}, country: CN}
analysis: {from: 1980, languages: [zh, en]}
clustering: {disabled: true}
enterprises:
  - {id: holder, name: {zh: 持有人, en: Holder}, names: [%q]}
`, lk, filepath.Join(dir, "out"), holder)), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j, err := Open(ctx, cfg, JobOptions{Now: day2.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	ents, err := j.Enterprises(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := j.Bulletin(ctx)
	if err != nil {
		t.Fatal(err)
	}

	type want struct {
		pub, field, old, new, event, level string
		signal, enterprise                 bool
	}
	wants := []want{
		{"CN210000001U", "legal_status", "alive", "lapsed", landscape.EventLapsed, "watch", true, true},
		{"CN110000002A", "legal_status", "pending", "alive", landscape.EventGranted, "watch", true, true},
		{"CN110000003A", "legal_status", "pending", "lapsed", landscape.EventRefused, "watch", true, true},
		// CN110000002A's grant is one change (its status), not two; CN110000010A's is its grant.
		{"CN110000010A", "granted", "", "true", landscape.EventGranted, "watch", true, true},
		{"CN210000004U", "invalidated", "", "true", landscape.EventInvalidated, "watch", true, true},
		{"CN210000005U", "current_owner", holder, foreign, landscape.EventTransferAbroad, "warning", true, true},
		{"CN210000005U", "transfer_count", "0", "1", landscape.EventTransferred, "info", false, true},
		// The holder acquired CN210000006U: its navigation lists the changes of families it
		// applied for (fam_app), so an acquisition is not among them.
		{"CN210000006U", "current_owner", foreign, holder, landscape.EventTransferHome, "warning", true, false},
		{"CN210000006U", "transfer_count", "0", "1", landscape.EventTransferred, "info", false, false},
		{"CN210000011U", "current_owner", holder, "Shenzhen Example Robotics Co., Ltd.", landscape.EventTransferred, "info", false, true},
		{"CN210000012U", "current_owner", holder, "日立示例株式会社", landscape.EventTransferAbroad, "warning", true, true},
		{"CN210000007U", "pledge_count", "0", "1", landscape.EventPledged, "info", false, true},
		{"CN210000008U", "licence_count", "0", "1", landscape.EventLicensed, "info", false, true},
	}
	find := func(cs []landscape.PatentChange, pub, field string) *landscape.PatentChange {
		for i := range cs {
			if cs[i].PubNumber == pub && cs[i].Field == field {
				return &cs[i]
			}
		}
		return nil
	}
	var ent []landscape.PatentChange
	for _, e := range ents {
		if e.ID == "holder" {
			ent = e.Changes
		}
	}
	for _, w := range wants {
		c := find(b.PatentChanges, w.pub, w.field)
		if c == nil {
			t.Errorf("%s %s: not in the bulletin's patent changes %+v", w.pub, w.field, b.PatentChanges)
			continue
		}
		if c.Old != w.old || c.New != w.new || c.Event != w.event || c.Level != w.level || c.Observed != "2026-12-01" || c.SourceFile != "cnipa_day2.csv" {
			t.Errorf("%s %s: got %+v, want %s → %s, %s (%s), observed 2026-12-01 in cnipa_day2.csv", w.pub, w.field, *c, w.old, w.new, w.event, w.level)
		}
		if e := find(ent, w.pub, w.field); (e != nil) != w.enterprise {
			t.Errorf("%s %s: in the holder's enterprise changes: %v, want %v", w.pub, w.field, e != nil, w.enterprise)
		}
		var sig *warning.Signal
		for i, sg := range b.Signals {
			if sg.Kind == warning.KindChange && sg.Change != nil && sg.Change.PubNumber == w.pub && sg.Change.Field == w.field {
				sig = &b.Signals[i]
			}
		}
		switch {
		case !w.signal && sig != nil:
			t.Errorf("%s %s (%s): evidence only, but a signal %+v", w.pub, w.field, w.event, *sig)
		case w.signal && sig == nil:
			t.Errorf("%s %s (%s): no signal", w.pub, w.field, w.event)
		case w.signal:
			// Watch events of a core patent rise to warning (changeSignals).
			ok := sig.Level == w.level || w.level == "watch" && sig.Level == warning.LevelWarning
			if !ok || sig.State != warning.StateNew || sig.Date != "2026-12-01" || !strings.Contains(sig.Key, "event="+w.event) {
				t.Errorf("%s %s: signal %+v", w.pub, w.field, *sig)
			}
		}
	}
	// The owners' countries and their basis: stated beside the owner, else the name's script.
	for _, w := range []struct{ pub, from, fromBasis, to, toBasis string }{
		{"CN210000005U", "CN", landscape.OwnerBasisName, "XX", landscape.OwnerBasisName},
		{"CN210000006U", "XX", landscape.OwnerBasisName, "CN", landscape.OwnerBasisName},
		{"CN210000011U", "CN", landscape.OwnerBasisName, "CN", landscape.OwnerBasisAddress},
		{"CN210000012U", "CN", landscape.OwnerBasisAddress, "JP", landscape.OwnerBasisCountry},
	} {
		c := find(b.PatentChanges, w.pub, "current_owner")
		if c == nil || c.FromCountry != w.from || c.FromBasis != w.fromBasis || c.ToCountry != w.to || c.ToBasis != w.toBasis {
			t.Errorf("%s: owner change %+v, want %s (%s) → %s (%s)", w.pub, c, w.from, w.fromBasis, w.to, w.toBasis)
		}
	}
	// Nothing else changed: every change listed is one of the above.
	if len(b.PatentChanges) != len(wants) {
		t.Errorf("%d patent changes, want %d: %+v", len(b.PatentChanges), len(wants), b.PatentChanges)
	}
	for _, c := range b.PatentChanges {
		if c.PubNumber == "CN210000009U" {
			t.Errorf("the unchanged publication changed: %+v", c)
		}
	}
}

// writeChangeExport writes day d (0 or 1) of rows as a CNIPA-style CSV dated day.
func writeChangeExport(t *testing.T, dir, name string, day time.Time, rows []changeRow, d int) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"公开(公告)号", "申请号", "专利名称", "申请人", "申请日", "主分类号", "法律状态", "当前权利人",
		"当前权利人地址", "当前权利人国别代码", "专利转移次数", "许可次数", "质押次数", "无效宣告", "授权公告日"})
	zero := func(s string) string {
		if s == "" {
			return "0"
		}
		return s
	}
	for i, r := range rows {
		w.Write([]string{r.pub, r.app, fmt.Sprintf("一种无线网络装置%d", i+1), r.applicant, fmt.Sprintf("2020-03-%02d", i+1), "H04W84/18",
			r.status[d], r.owner[d], r.ownerAddr[d], r.ownerCC[d], zero(r.transfers[d]), zero(r.licences[d]), zero(r.pledges[d]), r.invalid[d], r.grant[d]})
	}
	w.Flush()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, day, day)
	return path
}
