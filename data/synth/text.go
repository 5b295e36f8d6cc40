package synth

import (
	"math/rand/v2"
	"strings"
)

// textChoice is the vocabulary a family's title and abstract are built from.
type textChoice struct {
	pat, obj, obj2, tech, c1, c2, c3, fn, e1, e2 uint8
	doc                                          string
}

func chooseText(r *rand.Rand, leaf int, doc string) textChoice {
	d := &leafDefs[leaf]
	t := textChoice{doc: doc}
	t.pat = uint8(r.IntN(5))
	if doc != DocInvention && (t.pat == 1 || t.pat == 4) {
		t.pat = 0
	}
	t.obj = uint8(r.IntN(len(d.objs)))
	t.obj2 = uint8(r.IntN(len(d.objs)))
	if t.obj2 == t.obj {
		t.obj2 = uint8((int(t.obj) + 1) % len(d.objs))
	}
	if t.pat == 4 && !strings.Contains(d.objs[t.obj][0], "方法") {
		t.pat = 0 // "…、装置、设备及存储介质" titles are for methods
	}
	t.tech = uint8(r.IntN(len(d.techs)))
	perm := r.Perm(len(d.comps))
	t.c1, t.c2, t.c3 = uint8(perm[0]), uint8(perm[1]), uint8(perm[2])
	t.fn = uint8(r.IntN(len(d.funcs)))
	pref := l1Defs[leafL1[leaf]].effects
	if r.Float64() < 0.75 {
		t.e1 = uint8(pref[r.IntN(len(pref))])
	} else {
		t.e1 = uint8(r.IntN(len(effects)))
	}
	t.e2 = uint8(r.IntN(len(effects)))
	if t.e2 == t.e1 {
		t.e2 = uint8((int(t.e1) + 1) % len(effects))
	}
	return t
}

// appendTitleZh appends the Chinese title, e.g. 一种无人机姿态控制方法.
func appendTitleZh(b []byte, leaf int, t *textChoice) []byte {
	d := &leafDefs[leaf]
	if t.doc == DocDesign {
		return append(b, "无人机"...)
	}
	o, o2, tech := d.objs[t.obj][0], d.objs[t.obj2][0], d.techs[t.tech][0]
	switch t.pat {
	case 1:
		b = append(b, o...)
		b = append(b, "及"...)
		return append(b, o2...)
	case 2:
		b = append(b, "基于"...)
		b = append(b, tech...)
		b = append(b, "的"...)
		return append(b, o...)
	case 3:
		b = append(b, "一种"...)
		b = append(b, o...)
		return append(b, "及无人机"...)
	case 4:
		b = append(b, o...)
		return append(b, "、装置、设备及存储介质"...)
	}
	b = append(b, "一种"...)
	return append(b, o...)
}

// appendTitleEn appends the English title in Lens title case, e.g. "Attitude Control Method For
// Unmanned Aerial Vehicle".
func appendTitleEn(b []byte, leaf int, t *textChoice) []byte {
	d := &leafDefs[leaf]
	start := len(b)
	if t.doc == DocDesign {
		b = append(b, "unmanned aerial vehicle"...)
	} else {
		o, o2, tech := d.objs[t.obj][1], d.objs[t.obj2][1], d.techs[t.tech][1]
		b = append(b, o...)
		switch t.pat {
		case 1:
			b = append(b, " and "...)
			b = append(b, o2...)
		case 2:
			b = append(b, " based on "...)
			b = append(b, tech...)
		case 3:
			b = append(b, " and unmanned aerial vehicle"...)
		case 4:
			b = append(b, ", device, equipment and storage medium"...)
		}
	}
	up := true
	for i := start; i < len(b); i++ {
		c := b[i]
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
		up = c == ' ' || c == '-'
	}
	return b
}

// appendAbstractZh appends the Chinese abstract.
func appendAbstractZh(b []byte, leaf int, t *textChoice) []byte {
	d := &leafDefs[leaf]
	if t.doc == DocDesign {
		return append(b, "1.本外观设计产品的名称：无人机。2.本外观设计产品的用途：用于航拍及巡检。3.本外观设计产品的设计要点：在于形状。4.最能表明设计要点的图片或照片：立体图。"...)
	}
	self := "本发明"
	if t.doc == DocUtilityModel {
		self = "本实用新型"
	}
	b = append(b, self...)
	b = append(b, "公开了"...)
	b = appendTitleZh(b, leaf, t)
	b = append(b, "，包括"...)
	b = append(b, d.comps[t.c1][0]...)
	b = append(b, "、"...)
	b = append(b, d.comps[t.c2][0]...)
	b = append(b, "和"...)
	b = append(b, d.comps[t.c3][0]...)
	b = append(b, "，所述"...)
	b = append(b, d.comps[t.c1][0]...)
	b = append(b, "用于"...)
	b = append(b, d.funcs[t.fn][0]...)
	b = append(b, "，所述"...)
	b = append(b, d.comps[t.c2][0]...)
	b = append(b, "与所述"...)
	b = append(b, d.comps[t.c3][0]...)
	b = append(b, "连接。"...)
	b = append(b, self...)
	b = append(b, effects[t.e1][0]...)
	b = append(b, "，并"...)
	b = append(b, effects[t.e2][0]...)
	return append(b, "。"...)
}

func appendArticle(b []byte, s string) []byte {
	if s != "" {
		switch s[0] {
		case 'a', 'e', 'i', 'o', 'u':
			return append(b, "an "...)
		}
	}
	return append(b, "a "...)
}

// appendAbstractEn appends the English abstract.
func appendAbstractEn(b []byte, leaf int, t *textChoice) []byte {
	d := &leafDefs[leaf]
	if t.doc == DocDesign {
		return append(b, "1. Name of the product: unmanned aerial vehicle. 2. Use: aerial photography and inspection. 3. Design points: the shape. 4. The picture that best shows the design points: perspective view."...)
	}
	self := "The invention"
	if t.doc == DocUtilityModel {
		self = "The utility model"
	}
	o := d.objs[t.obj][1]
	b = append(b, self...)
	b = append(b, " discloses "...)
	b = appendArticle(b, o)
	b = append(b, o...)
	if t.pat == 2 {
		b = append(b, " based on "...)
		b = append(b, d.techs[t.tech][1]...)
	}
	b = append(b, ", comprising "...)
	c1, c2, c3 := d.comps[t.c1][1], d.comps[t.c2][1], d.comps[t.c3][1]
	b = appendArticle(b, c1)
	b = append(b, c1...)
	b = append(b, ", "...)
	b = appendArticle(b, c2)
	b = append(b, c2...)
	b = append(b, " and "...)
	b = appendArticle(b, c3)
	b = append(b, c3...)
	b = append(b, ". The "...)
	b = append(b, c1...)
	b = append(b, " is used to "...)
	b = append(b, d.funcs[t.fn][1]...)
	b = append(b, ", and the "...)
	b = append(b, c2...)
	b = append(b, " is connected with the "...)
	b = append(b, c3...)
	b = append(b, ". "...)
	b = append(b, self...)
	b = append(b, ' ')
	b = append(b, effects[t.e1][1]...)
	b = append(b, " and "...)
	b = append(b, effects[t.e2][1]...)
	return append(b, '.')
}

// TitleZh returns the family's Chinese title.
func (f *Family) TitleZh() string { return string(appendTitleZh(nil, f.leaf, &f.txt)) }

// TitleEn returns the family's English title (Lens title case).
func (f *Family) TitleEn() string { return string(appendTitleEn(nil, f.leaf, &f.txt)) }

// AbstractZh returns the family's Chinese abstract.
func (f *Family) AbstractZh() string { return string(appendAbstractZh(nil, f.leaf, &f.txt)) }

// AbstractEn returns the family's English abstract.
func (f *Family) AbstractEn() string { return string(appendAbstractEn(nil, f.leaf, &f.txt)) }

// appendNPL appends the k-th synthetic non-patent citation of a family.
func appendNPL(b []byte, f *Family, k int, year int) []byte {
	d := &leafDefs[f.leaf]
	fp := &foreignPools[(f.Index+k)%len(foreignPools)]
	b = append(b, fp.surnames[(f.Index*7+k)%len(fp.surnames)]...)
	b = append(b, " ET AL: \""...)
	start := len(b)
	b = append(b, d.objs[(f.Index+k)%len(d.objs)][1]...)
	if len(b) > start && b[start] >= 'a' && b[start] <= 'z' {
		b[start] -= 32
	}
	journals := [...]string{"IEEE TRANSACTIONS ON AEROSPACE AND ELECTRONIC SYSTEMS", "JOURNAL OF INTELLIGENT & ROBOTIC SYSTEMS", "IEEE ROBOTICS AND AUTOMATION LETTERS", "DRONES", "SENSORS"}
	b = append(b, "\", "...)
	b = append(b, journals[(f.Index+k*3)%len(journals)]...)
	b = append(b, ", vol. "...)
	b = appendPadded(b, int64(1+(f.Index+k)%40), 1)
	b = append(b, ", "...)
	return appendPadded(b, int64(year-1-(k%4)), 4)
}
