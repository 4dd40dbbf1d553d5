package campaign

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads normalised texts (package textnorm: simplified,
// half-width, ASCII digits, no punctuation): numbers masked for
// shingling, result testimonials and the personal claims they make, and
// the host's calls to action.

// numMask stands for a number in a masked text.
const numMask = '#'

// number is one number of a text and the unit that follows it.
type number struct {
	val  float64
	pos  int // rune index in the masked text
	unit string
}

// maskNumbers writes norm with every number (3, 3.2, 1:1, 90%) replaced
// by numMask into runes, and appends the numbers to nums.
func maskNumbers(norm string, runes []rune, nums []number) ([]rune, []number) {
	runes = runes[:0]
	for i := 0; i < len(norm); {
		c := norm[i]
		if c >= '0' && c <= '9' {
			j := i + 1
			for j < len(norm) && (isDigit(norm[j]) || (strings.IndexByte(".:/-%", norm[j]) >= 0 && j+1 < len(norm) && isDigit(norm[j+1])) || (norm[j] == '%' && isDigit(norm[j-1]))) {
				j++
			}
			v := leadingFloat(norm[i:j])
			k := j
			unit := ""
			if k < len(norm) {
				_, w := utf8.DecodeRuneInString(norm[k:])
				unit = norm[k : k+w]
				if unit == "个" || unit == "公" { // 1个月, 3公斤
					if k+w < len(norm) {
						_, w2 := utf8.DecodeRuneInString(norm[k+w:])
						unit = norm[k : k+w+w2]
					}
				} else if (unit == "k" || unit == "j") && k+1 < len(norm) && norm[k+1] == 'g' { // kg, jg
					unit = norm[k : k+2]
				}
			}
			nums = append(nums, number{val: v, pos: len(runes), unit: unit})
			runes = append(runes, numMask)
			i = j
			continue
		}
		r, w := utf8.DecodeRuneInString(norm[i:])
		runes = append(runes, r)
		i += w
	}
	return runes, nums
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// leadingFloat parses the decimal number at the start of s (3, 3.2; 1:1
// and 3-5 give their first part).
func leadingFloat(s string) float64 {
	j := 0
	for j < len(s) && (isDigit(s[j]) || (s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]))) {
		j++
	}
	v, err := strconv.ParseFloat(s[:j], 64)
	if err != nil {
		return 0
	}
	return v
}

// Lexicons of testimonials, normalised. A testimonial is a first-person
// claim of a result: a result or efficacy term, a repurchase, a denial of
// being a shill, or using the goods for a stated time or with praise.
var (
	resultTerms = newLexicon(
		"瘦了", "瘦#", "掉了", "掉#", "减了", "减掉", "轻了", "掉秤", "小了#码", "瘦下来",
		"白了", "变白", "亮了", "淡了", "消了", "没了痘", "痘痘没", "痘没了", "斑没", "斑淡",
		"不疼了", "不痛了", "睡得好", "睡得香", "降下来", "稳定了", "不掉发", "长头发",
		"有效", "管用", "见效", "效果", "神奇", "治好", "好多了", "改善", "好用", "有用", "好使",
	)
	repurchaseTerms = newLexicon("回购", "复购", "又买", "老顾客", "第#次买", "第#次来买", "囤了")
	shillTerms      = newLexicon("不是托", "没收钱", "不是广告", "真实评价", "真实反馈", "亲测", "亲身", "良心推荐", "强烈推荐", "自用")
	usageTerms      = newLexicon("吃了", "用了", "喝了", "涂了", "抹了", "敷了", "坚持", "才吃", "才用", "才喝")
	praiseTerms     = newLexicon("不错", "好用", "好吃", "真好", "很好", "满意", "喜欢", "推荐", "值", "舒服", "好了", "棒")
	questionTerms   = newLexicon("吗", "么", "真的假的", "能不能", "是不是", "有没有", "会不会", "多少", "哪", "怎么", "什么", "几", "咋")
)

// promoTerms are commercial speech besides testimonials: urging to buy,
// vouching for the host or the goods, praising price or quality.
var promoTerms = newLexicon(
	"赶紧", "快下单", "赶快下单", "直接拍", "快拍", "放心冲", "放心买", "放心拍", "不会后悔", "不后悔", "不亏",
	"闭眼入", "冲就完了", "拍就对了", "入手", "划算", "便宜太多", "性价比", "值得", "物超所值", "质量好",
	"质量真的好", "没得说", "毛病", "没有任何问题", "满意", "真的好", "是真的", "没骗人", "相信主播", "良心",
	"靠谱", "推荐", "安利", "太好了", "好用", "好使", "有效", "效果", "管用", "有用",
	// comparing the price with other sellers is selling too
	"买贵了", "别家贵", "比别家", "比实体店", "比专柜", "比超市", "外面卖", "外面买",
)

// isPromo reports whether the masked text is commercial speech: a
// testimonial, or urging, vouching or praising the goods.
func isPromo(masked string) bool {
	return !isQuestion(masked) && promoTerms.in(masked)
}

// countWords are the 几 of a rough count (好几年, 十几天, 几十块), not of a
// question (几号链接, 吃几天); read as the texts are (十几 → #几, readTerm).
var countWords = wordsRemover("好几", "十几", "几十", "几百", "几千", "几万")

// wordsRemover returns a replacer deleting words from masked texts, each
// word read as the texts are (readTerm).
func wordsRemover(words ...string) *strings.Replacer {
	args := make([]string, 0, 2*len(words))
	for _, w := range words {
		args = append(args, readTerm(w, true), "")
	}
	return strings.NewReplacer(args...)
}

// isQuestion reports whether the masked text asks something.
func isQuestion(masked string) bool {
	if !questionTerms.in(masked) {
		return false
	}
	return !strings.Contains(masked, "几") || questionTerms.in(countWords.Replace(masked))
}

// isTestimonial reports whether the masked text is a first-person result
// testimonial (瘦了<N>斤, 吃了1个月好了, 用了<N>天白了, 真的有效, 回购<N>次,
// 不是托); questions are not.
func isTestimonial(masked string) bool {
	if isQuestion(masked) {
		return false
	}
	if resultTerms.in(masked) || repurchaseTerms.in(masked) || shillTerms.in(masked) {
		return true
	}
	return usageTerms.in(masked) && (strings.ContainsRune(masked, numMask) || praiseTerms.in(masked))
}

// isUse reports whether testimonial masked tells of the goods' use: a
// result (瘦了, 斑淡了, 好用) or a time of use (吃了<N>天). A repurchase or
// a shill's denial alone is not one.
func isUse(masked string) bool {
	return resultTerms.in(masked) || (usageTerms.in(masked) && (strings.ContainsRune(masked, numMask) || praiseTerms.in(masked)))
}

// Kinds of personal claims.
const (
	claimWeight     uint8 = iota + 1 // 瘦<N>斤: weight lost, in jin
	claimTone                        // 白了<N>个度: skin lighter by N shades
	claimSpots                       // 斑淡了<N>成: spots faded by N tenths
	claimDuration                    // 吃了<N>天: time of use, in days
	claimRepurchase                  // 回购<N>次: times bought
	claimFirstTime                   // 第1次买: bought for the first time
)

// claim is one personal claim of a testimonial.
type claim struct {
	kind  uint8
	other bool // about someone else: 我妈吃了<N>天 (otherPersons)
	val   float64
	ts    int64  // unix ms
	room  uint32 // room slot
	text  string
}

var (
	weightVerbs   = []rune("瘦掉减轻少秤")
	toneVerbs     = []rune("白亮")
	spotVerbs     = []rune("淡")
	durationVerbs = []rune("吃用喝涂抹敷坚才到")
	buyVerbs      = []rune("购买第")
)

// otherPersons name someone other than the speaker, a relative or a
// friend: a number after one is theirs ("婆婆用了35天了", "闺女瘦了5斤"). A
// family member praising for the family speaks of several bodies, and
// its numbers do not contradict one another.
var otherPersons = newLexicon("我妈", "妈妈", "老妈", "我爸", "爸爸", "老爸", "老公", "老婆", "婆婆", "公公", "丈母娘",
	"岳母", "我姐", "姐姐", "我妹", "妹妹", "我哥", "哥哥", "我弟", "弟弟", "闺女", "女儿", "儿子", "孩子", "宝宝",
	"老人", "对象", "男朋友", "女朋友", "奶奶", "爷爷", "外婆", "姥姥", "外公", "姥爷", "小姑子", "嫂子", "闺蜜",
	"同事", "朋友", "邻居", "室友")

// aboutOther reports whether the text before the number at rune position
// pos of runes (masked is string(runes)) names someone other than the
// speaker (otherPersons).
func aboutOther(runes []rune, masked string, pos int) bool {
	end := 0
	for _, r := range runes[:pos] {
		end += utf8.RuneLen(r)
	}
	return otherPersons.in(masked[:end])
}

// extractClaims appends the personal claims of a text (masked runes and
// their numbers; not a question) to out, each marked when it is about
// someone else (aboutOther).
func extractClaims(runes []rune, nums []number, masked string, out []claim) []claim {
	for _, n := range nums {
		had := len(out)
		switch n.unit {
		case "斤", "公斤", "kg", "jg", "克", "g":
			after := n.pos + 2 // "<N>斤没了"
			if verbBefore(runes, n.pos, weightVerbs, 4) || (after < len(runes) && (runes[after] == '没' || runes[after] == '不')) {
				v := n.val
				switch n.unit {
				case "公斤", "kg":
					v *= 2
				case "克", "g":
					v /= 500
				}
				out = append(out, claim{kind: claimWeight, val: v})
			}
		case "个度", "度":
			if verbBefore(runes, n.pos, toneVerbs, 3) {
				out = append(out, claim{kind: claimTone, val: n.val})
			}
		case "成":
			if verbBefore(runes, n.pos, spotVerbs, 3) {
				out = append(out, claim{kind: claimSpots, val: n.val})
			}
		case "天", "周", "星", "个星", "个月", "月", "年":
			if verbBefore(runes, n.pos, durationVerbs, 4) {
				v := n.val
				switch n.unit {
				case "周", "星", "个星":
					v *= 7
				case "个月", "月":
					v *= 30
				case "年":
					v *= 365
				}
				out = append(out, claim{kind: claimDuration, val: v})
			}
		case "次", "回":
			if verbBefore(runes, n.pos, buyVerbs, 3) && (n.val >= 2 || !strings.Contains(masked, "第")) {
				out = append(out, claim{kind: claimRepurchase, val: n.val})
			}
		}
		if len(out) > had {
			out[had].other = aboutOther(runes, masked, n.pos)
		}
	}
	if strings.Contains(masked, "第#次买") || strings.Contains(masked, "第#次用") || strings.Contains(masked, "第#次吃") || strings.Contains(masked, "刚入手") {
		first := true
		for _, n := range nums {
			if n.unit == "次" && n.val >= 2 {
				first = false
			}
		}
		if first {
			out = append(out, claim{kind: claimFirstTime, val: 1})
		}
	}
	return out
}

// hasResult reports whether claims hold a result on the body (weight,
// skin tone, spots): such a text is a testimonial whatever its words.
func hasResult(cs []claim) bool {
	for _, c := range cs {
		if c.kind == claimWeight || c.kind == claimTone || c.kind == claimSpots {
			return true
		}
	}
	return false
}

// verbBefore reports whether one of verbs is among the within runes before
// position pos.
func verbBefore(runes []rune, pos int, verbs []rune, within int) bool {
	for i := max(0, pos-within); i < pos; i++ {
		for _, v := range verbs {
			if runes[i] == v {
				return true
			}
		}
	}
	return false
}

// contradicts reports whether two claims of one account cannot both be
// true. A body is one: a different result on the body (weight, skin
// tone, spots) the same day, or a smaller one later, is a contradiction;
// so is a repurchase count that shrinks. A claim about someone else
// (claim.other) contradicts nothing. Times of use and first
// purchases may be about different goods, so only the same broadcast
// counts for them: a time of use that shrinks or grows far faster than
// time passes, or a first purchase and a repurchase, in one room on one
// day.
func contradicts(a, b claim) bool {
	if a.other || b.other {
		return false // another's body or use, not the speaker's
	}
	if a.ts > b.ts {
		a, b = b, a
	}
	days := float64(b.ts-a.ts) / 86_400_000
	if a.kind == b.kind {
		switch a.kind {
		case claimWeight, claimTone, claimSpots:
			diff := b.val - a.val
			tol := 0.1*max(a.val, b.val) + 0.01
			return diff < -tol || (days < 1 && diff > tol)
		case claimRepurchase:
			return b.val < a.val
		}
	}
	if a.room != b.room || days >= 1 {
		return false
	}
	switch {
	case a.kind == claimFirstTime && b.kind == claimRepurchase, a.kind == claimRepurchase && b.kind == claimFirstTime:
		return true
	case a.kind == claimDuration && b.kind == claimDuration:
		return b.val < a.val/2-1 || b.val > 2*a.val+days+1
	}
	return false
}

// callTerms are what a host says to make the crowd type (normalised).
var callTerms = newPlainLexicon(
	"扣1", "扣个", "扣波", "扣起来", "扣一波", "打在公屏", "公屏打", "公屏上打", "评论区打", "打个想要", "打想要",
	"打出来", "抽奖", "福袋", "点赞到", "刷起来", "刷一波", "口令", "扣在公屏", "想要的打",
)

// isCall reports whether a normalised speech text is a call to action.
func isCall(norm string) bool { return callTerms.in(norm) }
