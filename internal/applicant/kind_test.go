package applicant

import (
	"testing"

	"github.com/patnav/patnav/internal/patent"
)

func validKind(k string) bool {
	switch k {
	case patent.KindEnterprise, patent.KindUniversity, patent.KindInstitute, patent.KindIndividual,
		patent.KindGovernment, patent.KindUnknown:
		return true
	}
	return false
}

// Names are taken from, or modelled on, the real exports in ../shared/data/real (Lens drone
// exports, CNIPA Taian export) and well-known applicants.
func TestKind(t *testing.T) {
	const (
		ent  = patent.KindEnterprise
		univ = patent.KindUniversity
		inst = patent.KindInstitute
		ind  = patent.KindIndividual
		gov  = patent.KindGovernment
		unk  = patent.KindUnknown
	)
	tests := []struct{ name, want string }{
		// English / Latin enterprises.
		{"QUALCOMM INC", ent},
		{"SAMSUNG ELECTRONICS CO LTD", ent},
		{"THALES SA", ent},
		{"BOEING CO", ent},
		{"AT & T IP I LP", ent},
		{"SZ DJI TECHNOLOGY CO LTD", ent},
		{"DJI Technology Co., Ltd.", ent},
		{"BOSCH GMBH ROBERT", ent},
		{"ERICSSON TELEFON AB L M (PUBL)", ent},
		{"PARROT DRONES", ent},
		{"GEN ELECTRIC", ent},
		{"FLIR SYSTEMS", ent},
		{"NISSAN MOTOR", ent},
		{"TOYOTA JIDOSHA KABUSHIKI KAISHA", ent},
		{"Kabushiki Kaisha Toshiba", ent},
		{"SHANGHAI RESEARCH CO LTD", ent}, // a company named Research: enterprise
		{"STATE GRID CORP OF CHINA", ent},
		{"ISIS INNOVATION LTD", ent},
		{"ROLLS ROYCE DEUTSCHLAND", ent},
		{"PROCTER & GAMBLE", ent},
		{"OAO NPO SATURN", ent},
		{"ROSSIJSKAYA FEDERATSIYA OT IMENI KOTOROJ VYSTUPAET", gov},
		// Universities.
		{"UNIV DALIAN TECH", univ},
		{"UNIV HARBIN ENG", univ},
		{"MASSACHUSETTS INST TECHNOLOGY", univ},
		{"UNIV CALIFORNIA", univ},
		{"The Regents of the University of California", univ},
		{"President and Fellows of Harvard College", univ},
		{"ECOLE POLYTECHNIQUE FEDERALE DE LAUSANNE", univ},
		{"Technische Universität München", univ},
		{"KOREA ADVANCED INST SCI & TECH", univ},
		{"NATIONAL UNIVERSITY CORPORATION TOKYO UNIVERSITY", univ},
		{"G OBRAZOVATEL NOE UCHREZHDENIE", univ},
		// Institutes.
		{"Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.", inst},
		{"CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE", inst},
		{"COMMISSARIAT A L ENERGIE ATOMIQUE", inst},
		{"KOREA ELECTRONICS TELECOMM RES INST", inst},
		{"CHINESE ACAD SCI INST AUTOMATION", inst},
		{"SEMICONDUCTOR ENERGY LAB", inst},
		{"MAYO CLINIC", inst},
		// Government.
		{"US NAVY", gov},
		{"US ARMY", gov},
		{"UNITED STATES OF AMERICA AS REPRESENTED BY THE SECRETARY OF THE NAVY", gov},
		{"NASA", gov},
		{"US AIR FORCE", gov},
		{"STATE OF ISRAEL MINISTRY OF DEFENSE", gov},
		// Individuals.
		{"KESLER MORRIS P", ind},
		{"HALL KATHERINE L", ind},
		{"MARKOWETZ FRANZ", ind},
		{"Bingchen LIU", ind},
		{"SMITH, JOHN A", ind},
		{"KOCHETOV OLEG SAVEL EVICH", ind},
		// Unknown.
		{"IBM", unk},
		{"SONY", unk},
		{"A B", unk},
		{"", unk},
		{"ONE TWO THREE FOUR FIVE", unk},

		// Chinese.
		{"深圳市大疆创新科技有限公司", ent},
		{"泰安市轴承厂", ent},
		{"胜利油田会战指挥部测井公司", ent},
		{"泰安电业局", ent}, // a state power bureau is an enterprise, not a government office
		{"国家电网公司", ent},
		{"国家电网", ent},
		{"国网电力科学研究院有限公司", ent}, // research institute company
		{"海尔集团", ent},
		{"泰安市岱岳区某某五金经营部", ent},
		{"株式会社日立製作所", ent},
		{"삼성전자 주식회사", ent},
		{"清华大学", univ},
		{"山东科技大学泰安校区", univ},
		{"山东省矿业学院", univ},
		{"泰安师范专科学校", univ},
		{"中国科学院大学", univ},
		{"清华大学深圳国际研究生院", univ},
		{"中国科学院自动化研究所", inst},
		{"中国科学院", inst},
		{"泰安市农科所", inst},
		{"山东省果树研究所", inst},
		{"泰安市中医医院", inst},
		{"中国人民解放军第八十八医院", inst},
		{"浙江清华长三角研究院", inst},
		{"北京市人民政府", gov},
		{"国家知识产权局专利局专利审查协作北京中心", gov},
		{"中华人民共和国科学技术部", gov},
		{"泰安市公安局", gov},
		{"中国人民解放军总后勤部", gov},
		{"泰安市郊区大汶口镇农机管理服务站", gov},
		{"李玉泉", ind},
		{"徐凯军", ind},
		{"张传省", ind}, // 省 inside a personal name
		{"仉勃生", ind},
		{"欧阳明", ind},
		{"司马相如", ind},
		{"买买提·艾力", ind},
		{"김철수", ind},
		{"大疆", unk}, // no surname: a brand, not a person
	}
	for _, tt := range tests {
		if got := Kind(tt.name); got != tt.want {
			t.Errorf("Kind(%q) = %s, want %s", tt.name, got, tt.want)
		}
	}
	if len(tests) < 40 {
		t.Fatalf("only %d cases", len(tests))
	}
}

func FuzzKind(f *testing.F) {
	for _, s := range []string{"清华大学", "QUALCOMM INC", "KESLER MORRIS P", "买买提·艾力", "学院学院科学院", "局", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k := Kind(s); !validKind(k) {
			t.Fatalf("Kind(%q) = %q", s, k)
		}
	})
}

func BenchmarkKind(b *testing.B) {
	names := []string{"SAMSUNG ELECTRONICS CO LTD", "UNIV DALIAN TECH", "KESLER MORRIS P", "深圳市大疆创新科技有限公司", "清华大学", "李玉泉", "中国科学院自动化研究所", "US NAVY"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Kind(names[i%len(names)])
	}
}
