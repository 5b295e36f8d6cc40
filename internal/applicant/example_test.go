package applicant_test

import (
	"fmt"

	"github.com/patnav/patnav/internal/applicant"
)

func ExampleNormalize() {
	fmt.Println(applicant.Normalize("DJI Technology Co., Ltd."))
	fmt.Println(applicant.Normalize("SZ DJI TECHNOLOGY CO LTD"))
	fmt.Println(applicant.Normalize("深圳市大疆创新科技有限公司"))
	fmt.Println(applicant.Normalize("ＳＯＮＹ　ＣＯＲＰ"))
	// Output:
	// DJI TECHNOLOGY
	// SZ DJI TECHNOLOGY
	// 深圳市大疆创新科技
	// SONY
}

func ExampleKind() {
	for _, name := range []string{"清华大学", "UNIV DALIAN TECH", "国网电力科学研究院有限公司", "中国科学院自动化研究所", "US NAVY", "KESLER MORRIS P", "李玉泉"} {
		fmt.Println(name, applicant.Kind(name))
	}
	// Output:
	// 清华大学 university
	// UNIV DALIAN TECH university
	// 国网电力科学研究院有限公司 enterprise
	// 中国科学院自动化研究所 institute
	// US NAVY government
	// KESLER MORRIS P individual
	// 李玉泉 individual
}
