package applicant

// surnameChars are single-character Chinese surnames: the single surnames of the Hundred Family
// Surnames (百家姓) plus frequent modern surnames missing from it (肖, 付, 仉, 亓, 覃 …). Used by
// Kind to recognise Chinese personal names.
const surnameChars = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎" +
	"鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄" +
	"和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭" +
	"梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚" +
	"程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫" +
	"宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双" +
	"闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容" +
	"向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空" +
	"曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公" +
	"肖付仉亓覃冼佟岳帅代母仝来银门达种候隋迟由修衣初矫牟展战阳兰信练植黑鲜区揭豆凃涂蔺邸谯禤" +
	"粟麦原苑冀蹇税晋官海续艺庹綦操漆佘郇尉迮伞谌卿闫寇钞"

// compoundSurnameList are two-character Chinese surnames.
var compoundSurnameList = []string{
	"万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫", "尉迟", "公羊",
	"澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "公孙", "仲孙", "轩辕", "令狐",
	"钟离", "宇文", "长孙", "慕容", "鲜于", "闾丘", "司徒", "司空", "端木", "拓跋", "百里", "东郭",
	"南宫", "西门", "呼延", "第五",
}

var surnames = func() map[rune]bool {
	m := make(map[rune]bool, 600)
	for _, r := range surnameChars {
		m[r] = true
	}
	return m
}()

var compoundSurnames = func() map[[2]rune]bool {
	m := make(map[[2]rune]bool, len(compoundSurnameList))
	for _, s := range compoundSurnameList {
		rs := []rune(s)
		m[[2]rune{rs[0], rs[1]}] = true
	}
	return m
}()
