package cluster

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// englishStop are English function words (after the Snowball English stop list).
const englishStop = `a about above after again against all also am an and any are aren as at be because
been before being below between both but by can cannot could did do does doing don down during each
either else etc few for from further had has have having he her here hers herself him himself his how
however if in into is isn it its itself just let may me might more most must my myself no nor not now
of off on once only or other otherwise ought our ours ourselves out over own per same shall she should
since so some such than that the their theirs them themselves then there these they this those through
thus to too under until up upon very via was we were what when where whether which while who whom why
will with within without would yet you your yours yourself yourselves`

// patentStop is English patent boilerplate: words every claim and abstract uses whatever the
// technology.
const patentStop = `method methods device devices system systems apparatus apparatuses arrangement assembly
wherein whereby wherefrom thereof therein thereon thereto thereby therewith herein hereby said such
comprising comprises comprise comprised including includes include included having has consisting
consists provided provide provides providing disclosed disclose discloses disclosure invention
inventive present embodiment embodiments example examples configured configure adapted operable
according based using use used uses utilizing one two three four first second third plurality least
respective respectively corresponding correspond associated related further furthermore particular
particularly generally substantially various certain portion part parts member members unit units
means element elements step steps process processes claim claims claimed described describe
describes same thereafter accordance different another each set sets type types form forms
capable able improved improvement new novel enable enables enabling allow allows allowing multiple
product products structure structures technical field`

// chineseStop are Chinese function words and patent boilerplate (一种, 方法, 装置, 系统 …).
const chineseStop = `的 了 和 与 及 或 在 是 为 有 由 于 将 对 其 并 上 下 中 内 外 后 前 被 把 从 到 以 可 该 此 各 个 等 种 使 用
之 而 也 就 都 即 若 则 又 还 所 如 至 着 过 给 向 当 其中 以及 或者 并且 而且 通过 用于 用来 具有 设有 设置 设于
一种 一个 一些 两个 多个 若干 至少 所述 上述 如下 以下 以上 进行 实现 提供 包括 包含 含有 采用 利用 根据 使得 从而
能够 可以 可 能 由于 因此 其特征 特征 在于 特征在于 本发明 本实用新型 实用新型 发明 公开 涉及 领域 技术领域 技术
方法 装置 系统 设备 结构 组件 部件 单元 模块 机构 主体 本体 部分 方案 步骤 一端 另一端 两端 一侧 另一侧 两侧 之间
相连 连接 固定 安装 位于 分别 相应 对应 同时 以便 使其 有效 提高 降低 简单 方便 解决 问题 目的 效果 优点 良好
较好 较高 较低 进一步 其它 其他 所在 这种 该种 一 二 三 第一 第二 第三 其上 其内 内部 外部 表面 底部 顶部 所示
及其 新型 使用 省略 视图 主视图 立体图 后视图 左视图 右视图 俯视图 仰视图`

var (
	enStop   = wordSet(englishStop, patentStop)
	stemStop = stemSet(patentStop)
	zhStop   = wordSet(chineseStop)
)

func wordSet(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// stemSet holds the stems of the boilerplate words, so that inflected forms ("configuring")
// are dropped too.
func stemSet(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[english.Stem(w, false)] = true
		}
	}
	return m
}
