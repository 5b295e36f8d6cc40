package landscape

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// placeLake writes a CNIPA-style CSV of 8 CN invention families of 南京 applicants (H01H), with
// the applicant address column when addr (江苏省南京市…), else without any address (as the real
// Tai'an workbook: no 申请人地址, no 国省代码), ingests it and returns the lake.
func placeLake(t *testing.T, addr bool) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "fams.csv")
	fh, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(fh)
	head := []string{"公开（公告）号", "申请号", "申请日", "公开（公告）日", "名称", "摘要", "申请（专利权）人", "分类号", "专利类型"}
	if addr {
		head = append(head, "申请人地址")
	}
	w.Write(head)
	for i := 1; i <= 8; i++ {
		y := 2015 + i%4
		row := []string{fmt.Sprintf("CN1%08dA", i), fmt.Sprintf("CN%d1%07d.1", y, i), fmt.Sprintf("%d-03-01", y),
			fmt.Sprintf("%d-09-01", y+1), fmt.Sprintf("开关装置 %d", i), "一种开关装置。",
			fmt.Sprintf("南京开关厂%d有限公司", i%3), "H01H33/02", "发明"}
		if addr {
			row = append(row, "江苏省南京市玄武区中山路1号")
		}
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	lk := filepath.Join(dir, "lake")
	if _, err := ingest.Run(context.Background(), []string{p}, ingest.Options{Lake: lk, MaxBad: 0}); err != nil {
		t.Fatal(err)
	}
	return lk
}

// regionalCode builds the macro of lk for region and returns the regional section's reason code
// and its unavailable entry (failing when the section has rows: no family is in any region here).
func regionalCode(t *testing.T, lk string, region string) Unavailable {
	t.Helper()
	yml := `
industry:
  name: {en: Switchgear}
  scope: {codes: [H01H]}
branches:
  - {id: sw, name: {en: Switchgear}, codes: [H01H]}
region: ` + region + `
analysis: {from: 2015, cutoff: 2020-12-31}
`
	cfg, err := config.Parse([]byte(yml), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	m := macroOfConfig(t, cfg)
	if len(m.Regional.Rows) > 0 {
		t.Fatalf("region %s: %d regional rows, want none", region, len(m.Regional.Rows))
	}
	for _, u := range m.Unavailable {
		if u.Analysis == "regional" {
			return u
		}
	}
	t.Fatalf("region %s: no regional reason in %+v", region, m.Unavailable)
	return Unavailable{}
}

// TestRegionalPlaceLevel: a province or city region over sources that state no applicant
// province or city cannot be positioned — the reason says so (no_province_data, no_city_data),
// never "no family in the region" (not_in_region), which a reader takes for "the region has no
// patents in the industry". With addresses (province and city known, all in 江苏 南京) the same
// regions are rightly not_in_region. A country region over place data is not_in_region too.
func TestRegionalPlaceLevel(t *testing.T) {
	bare, placed := placeLake(t, false), placeLake(t, true)
	cases := []struct {
		name, lake, region, code string
	}{
		{"no addresses, province region", bare, "{country: CN, province: 山东省}", CodeNoProvinceData},
		{"no addresses, city region", bare, "{country: CN, province: 山东省, city: 泰安市}", CodeNoCityData},
		{"no addresses, country region", bare, "{country: US}", CodeNotInRegion},
		{"addresses, province region", placed, "{country: CN, province: 山东省}", CodeNotInRegion},
		{"addresses, city region", placed, "{country: CN, province: 山东省, city: 泰安市}", CodeNotInRegion},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := regionalCode(t, c.lake, c.region)
			if u.Code != c.code || u.N != 8 {
				t.Errorf("reason %+v, want code %s with N 8 (families with place data)", u, c.code)
			}
		})
	}
}
