package sim

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/qinglang/qinglang"
)

// What crews say. A bank holds the script ideas for a kind of goods; each
// idea has several phrasings, the first the canonical one that a crew
// with identical scripts copies. Placeholders: {x} the member's personal
// result (a number), {d} the member's days of use, {n} the goods, {b} the
// brand.

// crewIdea is one thing a crew's script says.
type crewIdea struct {
	result bool // a personal result with the number {x}
	says   []string
}

// crewBank is the script of a crew for one kind of goods.
type crewBank struct {
	ideas  []crewIdea
	lo, hi int     // range of the personal result {x}
	frac   float64 // share of results with a decimal (16.6)
	fixed  [2]float64
}

var (
	// bankSlim is the weight-loss script of the jelly case.
	bankSlim = &crewBank{lo: 3, hi: 40, frac: 0.3, fixed: [2]float64{35, 16.6}, ideas: []crewIdea{
		{true, []string{"吃了{d}天瘦了{x}斤，真的有效", "我吃了{d}天，掉了{x}斤", "才{d}天就瘦了{x}斤，太神了",
			"{d}天下来称了一下，少了{x}斤", "坚持吃了{d}天，体重掉了{x}斤", "瘦了{x}斤，才吃了{d}天而已"}},
		{true, []string{"一个月瘦了{x}斤，不用节食", "吃了一个月，{x}斤没了，饭照吃", "不用饿肚子，一个月掉秤{x}斤",
			"照常吃饭，一个月瘦了{x}斤", "没节食没运动，一个月轻了{x}斤"}},
		{false, []string{"效果真的太好了，已经推荐给闺蜜了", "我闺蜜看我瘦了也跟着买了", "太有效了，推荐给我闺蜜了",
			"效果好到闺蜜都来问链接"}},
		{false, []string{"之前买过别家的没用，这个真的有用", "别家的都没用，就这个管用", "试过好多家，只有这个有效果",
			"之前踩过很多坑，这个是真的有用"}},
		{false, []string{"还在犹豫的姐妹赶紧下单，不会后悔", "犹豫的姐妹直接拍，不后悔", "姐妹们放心冲，真的不会后悔",
			"别犹豫了，拍就对了"}},
		{false, []string{"主播没骗人，{n}真的好用", "主播说的都是真的，{n}太好了", "{b}{n}真的绝了，主播没骗人",
			"相信主播，{n}是真的好"}},
	}}
	// bankSkin is the script for cosmetics.
	bankSkin = &crewBank{lo: 2, hi: 6, fixed: [2]float64{3, 5}, ideas: []crewIdea{
		{true, []string{"用了{d}天，脸白了{x}个度", "才用{d}天就白了{x}个度", "{d}天白了{x}个度，同事都问我",
			"坚持用了{d}天，肤色亮了{x}个度"}},
		{true, []string{"脸上的斑{d}天淡了{x}成", "用了{d}天，斑淡了{x}成", "斑点淡了{x}成，才{d}天"}},
		{false, []string{"敏感肌用了一点都不过敏", "我敏感肌，用着完全没问题", "烂脸期用的，一点不刺激"}},
		{false, []string{"闭口全没了，太神奇了", "痘痘都消了，真的好用", "用完痘印都淡了"}},
		{false, []string{"姐妹们放心买，真的好用", "犹豫的姐妹直接拍，不后悔", "冲就完了，不会后悔的"}},
		{false, []string{"主播没骗人，{n}真的好用", "{b}{n}是真的好，回购了", "相信主播，{n}是真的好"}},
	}}
	// bankGoods is the script for any other goods.
	bankGoods = &crewBank{lo: 2, hi: 9, fixed: [2]float64{3, 6}, ideas: []crewIdea{
		{true, []string{"回购第{x}次了，质量没得说", "已经买了{x}次了，真的好", "第{x}次来买了，一直用这个",
			"买了{x}回了，每次都满意"}},
		{true, []string{"用了{d}天了，一点毛病没有", "{d}天了，质量真的好", "到手{d}天了，没有任何问题"}},
		{false, []string{"比实体店便宜太多了", "在别家买贵了好多，后悔", "这个价格真的划算"}},
		{false, []string{"家人们赶紧拍，不会后悔", "还在犹豫的直接拍", "放心冲，真的不错"}},
		{false, []string{"主播人真好，{n}真的好", "{b}{n}质量真的好", "相信主播，东西是真的好"}},
	}}
)

// bankFor returns the crew script for goods of category c.
func bankFor(c qinglang.Category) *crewBank {
	switch c {
	case qinglang.CatFood, qinglang.CatHealthFood, qinglang.CatDrug:
		return bankSlim
	case qinglang.CatCosmetics:
		return bankSkin
	}
	return bankGoods
}

// crewDays are the days of use members talk about.
var crewDays = []int{3, 5, 7, 10, 14, 15, 20, 21, 30}

// Paraphrase decorations.
var (
	crewPrefixes  = []string{"真的，", "说实话，", "姐妹们，", "家人们，", "亲测，", "我跟你们说，", "讲真，", "不骗你们，"}
	crewParticles = []string{"啊", "呀", "哦", "呢", "啦", "哈"}
	crewSuffixes  = []string{"！", "！！", "~", "[赞]", "[比心]", "👍", "💪", "😂", "[强]", "。", "！！！"}
	crewSynonyms  = [][2]string{{"真的", "确实"}, {"太", "超"}, {"姐妹", "宝子"}, {"赶紧", "快"}, {"效果", "作用"},
		{"好用", "好使"}, {"瘦了", "掉了"}, {"推荐", "安利"}, {"不后悔", "不亏"}, {"主播", "姐姐"}}
)

// text writes one script comment of idea i: the canonical phrasing with
// the crew's fixed numbers when identical, a paraphrase at degree p
// otherwise. x is the member's result, d the days.
func (b *crewBank) text(rng *rand.Rand, i int, x float64, d int, identical bool, p float64) string {
	says := b.ideas[i].says
	t := says[0]
	if !identical && rng.Float64() < p {
		t = says[rng.IntN(len(says))]
	}
	cn := !identical && rng.Float64() < p*0.4
	t = strings.ReplaceAll(t, "{x}", number(x, cn))
	t = strings.ReplaceAll(t, "{d}", number(float64(d), cn && rng.IntN(2) == 0))
	if identical {
		return t
	}
	if rng.Float64() < p*0.4 {
		s := crewSynonyms[rng.IntN(len(crewSynonyms))]
		t = strings.Replace(t, s[0], s[1], 1)
	}
	if parts := strings.Split(t, "，"); len(parts) > 1 && rng.Float64() < p*0.4 {
		t = strings.Join(append(parts[1:], parts[0]), "，")
	}
	if rng.Float64() < p*0.35 {
		t = pick(rng, crewPrefixes) + t
	}
	if rng.Float64() < p*0.45 {
		t += pick(rng, crewParticles)
	}
	if rng.Float64() < p*0.6 {
		t += pick(rng, crewSuffixes)
	}
	return t
}

// result draws a personal result of the bank's range.
func (b *crewBank) result(h uint64) float64 {
	x := float64(b.lo + int(h%uint64(b.hi-b.lo+1)))
	if unit(hash(h, 1)) < b.frac {
		x += float64(1+hash(h, 2)%9) / 10
	}
	return x
}

// number formats a result as members type it: 5, 16.6, or in Chinese
// numerals (五, 十六点六).
func number(x float64, chinese bool) string {
	n := int(x)
	tenth := int(x*10+0.5) % 10
	if !chinese || n > 99 {
		if tenth == 0 {
			return strconv.Itoa(n)
		}
		return strconv.Itoa(n) + "." + strconv.Itoa(tenth)
	}
	s := chineseInt(n)
	if tenth != 0 {
		s += "点" + cnDigits[tenth]
	}
	return s
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseInt writes 0 .. 99 in Chinese numerals: 5 五, 10 十, 16 十六, 35 三十五.
func chineseInt(n int) string {
	switch {
	case n < 10:
		return cnDigits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(cnDigits[n%10], "零")
	}
	s := cnDigits[n/10] + "十"
	if n%10 != 0 {
		s += cnDigits[n%10]
	}
	return s
}
