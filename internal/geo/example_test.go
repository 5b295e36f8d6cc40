package geo_test

import (
	"fmt"

	"github.com/patnav/patnav/internal/geo"
)

func ExampleFromAddress() {
	fmt.Println(geo.FromAddress("271000 山东省泰安市泰山区东岳大街"))
	fmt.Println(geo.FromAddress("深圳市南山区科技园"))
	fmt.Println(geo.FromAddress("Shenzhen, Guangdong, CN"))
	fmt.Println(geo.FromAddress("日本东京都千代田区"))
	// Output:
	// CN 山东省 泰安市
	// CN 广东省 深圳市
	// CN 广东省 深圳市
	// JP
}

func ExampleFromCode() {
	fmt.Println(geo.FromCode("山东;37"))
	fmt.Println(geo.FromCode("CN 11"))
	fmt.Println(geo.FromCode("US"))
	// Output:
	// CN 山东省
	// CN 北京市
	// US
}
