package textnorm

// The pinyin tables (see pinyin.go for how they are matched). A false
// replacement creates false findings, so a spelling is listed only when
// it is unambiguous in live-room text. Every entry has a case in
// TestNormalize.
//
// Left out on purpose, with the reason:
//
//   - Whole spellings with a second common reading: xiaoyan (the given
//     name 晓燕; xiao炎 and 消yan are listed), baozhi (包治, but also 保质
//     and 报纸; bao治 and baozhibaibing are listed), zhiyu (治愈, 至于),
//     yisheng (医生, but also 一生; 医sheng is listed), zhuanjia (专家, but
//     also 专价 and 转嫁; zhuan家 is listed), fuke (复刻, but also 妇科;
//     fu刻 is listed), yuandan (原单, but also 元旦; yuan单 is listed),
//     xuetang (血糖, but also 学堂; xue糖, 降xuetang and jiangxuetang are
//     listed), xuezhi (血脂, but also 学制), yaowu (药物, but also 要务;
//     药wu and yao物 are listed), wuxiao (无效, but also 武校 and 五小;
//     无xiao, wu效, wuxiao退 and wuxiaotuikuan are listed), mifang (秘方,
//     but also the name 米芳; 祖传mifang is listed), zuoyong (作用, but
//     also 坐拥; 副zuoyong is listed).
//   - One syllable next to a character it also forms another word with:
//     shou身 (瘦身, but also 收身, a cut of clothes) and shou了 (收了),
//     yi生 (医生, but also 一生, and 一生推荐 is itself a review phrase),
//     专jia (专家, but also 专价), 复ke (复课), 高fang (高仿, but also
//     高房价 and 高防), 包zhi (包治, but also 包纸), jiang血 and jiang脂
//     (将血压…, 将脂肪…: 将 is a common function word), mi方 (mi also
//     spells 米, 密 and 迷; 祖传mifang and 秘fang are listed).
//   - More such: 补shen (补肾, but also 补身, a lawful word for tonic
//     food), 鼻yan (鼻炎, but also 鼻烟, snuff and its bottles), zhi力
//     (智力, but also 致力), jiahuo (假货, but also 家伙), weiyan (胃炎, but
//     also 威严), chunyuan (纯原, but also names), 去dou (去痘, but also 去都),
//     肉du (肉毒, but also 肉都), jian盘 (腰间盘, but also 键盘).
//   - Initials (jf, ss, zl, yz): jf is 积分 and zl 质量 far more often than
//     减肥 or 治疗, and yyds, xswl and the like are everyday slang.
//   - Tone numbers (jian3fei2) and digits for look-alike letters
//     (sh0ushen, zhil1ao): the digit would be taken from a number that
//     may follow (jianfei3天, V50).
//   - Homophone and split characters (受了5斤 and 兽了5斤 for 瘦了5斤, 要
//     for 药, 减月巴 for 减肥): 受 and 要 are common words, and mapping
//     characters in context would take the characters (月, 受, 要) off the
//     plain fast path that most text goes through. They belong in the rule
//     pack as literal terms.
//   - Terms with a numeral (sangao for 三高): their normalised form has a
//     digit (3高), which numeric patterns read as a number; not listed
//     until a rule needs it.
//
// Tone marks, fancy letters (full-width, mathematical, circled) and
// look-alike Cyrillic letters are folded to plain ASCII letters before
// matching (see fold.go), so jiǎnféi, ｊｉａｎｆｅｉ and 𝐣𝐢𝐚𝐧𝐟𝐞𝐢 read
// jianfei.

// pinyinTerms are whole-term spellings: a letter run made up entirely of
// them is replaced.
var pinyinTerms = map[string]string{
	// weight loss
	"jianfei":  "减肥",
	"shoushen": "瘦身",
	// cure and treatment
	"zhiliao":       "治疗",
	"genzhi":        "根治",
	"baozhibaibing": "包治百病",
	// cancer
	"fangai":  "防癌",
	"zhiai":   "治癌",
	"kangai":  "抗癌",
	"aizheng": "癌症",
	// blood pressure, sugar and lipids; diabetes
	"jiangya":      "降压",
	"jiangtang":    "降糖",
	"xueya":        "血压",
	"gaoxueya":     "高血压",
	"gaoxuetang":   "高血糖",
	"gaoxuezhi":    "高血脂",
	"jiangxueya":   "降血压",
	"jiangxuetang": "降血糖",
	"jiangxuezhi":  "降血脂",
	"tangniao":     "糖尿",
	"tangniaobing": "糖尿病",
	// side effects, guarantees, secret recipes
	"fuzuoyong":     "副作用",
	"wuxiaotuikuan": "无效退款",
	"zuchuan":       "祖传",
	"zuchuanmifang": "祖传秘方",
	"mianjian":      "免检",
	// counterfeits
	"gaofang": "高仿",
	"putian":  "莆田",
	// absolute terms and cosmetics
	"quanwang": "全网",
	"zuihao":   "最好",
	"meibai":   "美白",
	"qudou":    "祛痘",
}

// maxTerm is the length of the longest key of pinyinTerms.
const maxTerm = 13

// syllable says that a spelling stands for out when the rune written
// just before it is prev, or the rune just after it is next.
type syllable struct {
	prev, next rune
	out        string
}

// pinyinSyllables are spellings of part of a term (mostly one syllable),
// replaced only next to one of the term's other characters: jian肥, 减fei,
// 糖niao病, 降xuetang. Entries are tried in order.
var pinyinSyllables = map[string][]syllable{
	"jian":  {{next: '肥', out: "减"}},
	"fei":   {{prev: '减', out: "肥"}},
	"sou":   {{next: '了', out: "瘦"}, {next: '身', out: "瘦"}},
	"shen":  {{prev: '瘦', out: "身"}, {next: '药', out: "神"}},
	"shi":   {{next: '眠', out: "失"}},
	"gan":   {{prev: '乙', out: "肝"}, {prev: '肪', out: "肝"}, {prev: '护', out: "肝"}},
	"ming":  {{prev: '耳', out: "鸣"}},
	"gen":   {{next: '治', out: "根"}},
	"zhi":   {{prev: '根', out: "治"}, {next: '疗', out: "治"}, {next: '癌', out: "治"}, {prev: '血', out: "脂"}},
	"liao":  {{prev: '治', out: "疗"}},
	"fang":  {{next: '癌', out: "防"}, {prev: '秘', out: "方"}},
	"kang":  {{next: '癌', out: "抗"}},
	"ai":    {{prev: '防', out: "癌"}, {prev: '治', out: "癌"}, {prev: '抗', out: "癌"}, {next: '症', out: "癌"}},
	"zheng": {{prev: '癌', out: "症"}},
	"xiao":  {{next: '炎', out: "消"}, {prev: '无', out: "效"}},
	"yan":   {{prev: '消', out: "炎"}, {prev: '胃', out: "炎"}, {prev: '肠', out: "炎"}, {prev: '肝', out: "炎"}},
	"jiang": {{next: '压', out: "降"}, {next: '糖', out: "降"}},
	"ya":    {{prev: '降', out: "压"}, {prev: '血', out: "压"}},
	"tang":  {{prev: '降', out: "糖"}, {prev: '血', out: "糖"}, {next: '尿', out: "糖"}},
	"xue":   {{next: '压', out: "血"}, {next: '糖', out: "血"}, {next: '脂', out: "血"}},
	"niao":  {{prev: '糖', out: "尿"}},
	"bing":  {{prev: '尿', out: "病"}},
	"yao":   {{next: '物', out: "药"}},
	"wu":    {{prev: '药', out: "物"}, {next: '效', out: "无"}},
	"sheng": {{prev: '医', out: "生"}},
	"zhuan": {{next: '家', out: "专"}},
	"gao":   {{next: '仿', out: "高"}},
	"fu":    {{next: '刻', out: "复"}, {next: '作', out: "副"}},
	"yuan":  {{next: '单', out: "原"}},
	"dan":   {{prev: '原', out: "单"}},
	"pu":    {{next: '田', out: "莆"}},
	"mian":  {{next: '检', out: "免"}},
	"zu":    {{next: '传', out: "祖"}},
	"chuan": {{prev: '祖', out: "传"}},
	"bao":   {{next: '治', out: "包"}},
	// absolute terms: zui好 zui低 全wang 第yi
	"zui":  {{next: '好', out: "最"}, {next: '低', out: "最"}, {next: '高', out: "最"}, {next: '佳', out: "最"}, {next: '优', out: "最"}, {next: '强', out: "最"}},
	"wang": {{prev: '全', out: "网"}},
	"yi":   {{prev: '第', out: "1"}}, // numerals read as digits
	// cosmetics and body: 美bai 祛dou 心zang
	"bai":  {{prev: '美', out: "白"}},
	"dou":  {{prev: '祛', out: "痘"}},
	"zang": {{prev: '心', out: "脏"}},
	// counterfeits and infant formula: chun原 jia货 替dai
	"chun": {{next: '原', out: "纯"}},
	"jia":  {{next: '货', out: "假"}},
	"dai":  {{prev: '替', out: "代"}},
	"mu":   {{next: '乳', out: "母"}},
	// prescriptions and eyesight: chu方 度shu
	"chu": {{next: '方', out: "处"}},
	"shu": {{prev: '度', out: "数"}},
	// several syllables whose whole spelling is left out (see above)
	"xuetang":  {{prev: '降', out: "血糖"}, {prev: '高', out: "血糖"}},
	"xuezhi":   {{prev: '降', out: "血脂"}, {prev: '高', out: "血脂"}},
	"niaobing": {{prev: '糖', out: "尿病"}},
	"zuoyong":  {{prev: '副', out: "作用"}},
	"mifang":   {{prev: '传', out: "秘方"}},
	"wuxiao":   {{next: '退', out: "无效"}},
}
