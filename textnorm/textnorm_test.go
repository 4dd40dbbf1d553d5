package textnorm

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// 1. width, case, traditional → simplified
		{"full-width", "ＡＢＣ１２３", "abc123"},
		{"full-width punctuation", "３．２％！", "3.2%"},
		{"case", "Hello WORLD", "heloworld"},
		{"traditional", "減肥", "减肥"},
		{"traditional phrase", "根治頭髮問題", "根治头发问题"},
		{"simplified stays", "瘦身", "瘦身"},
		{"traditional numerals", "貳萬", "2万"},
		// 2. digits and numerals
		{"styled digits", "⑤❺⒌Ⅴ⑸➎⓹𝟓５", "555555555"},
		{"circled twenty", "⑳", "20"},
		{"five", "五", "5"},
		{"fifteen", "十五", "15"},
		{"thirty-five", "三十五", "35"},
		{"twenty", "二十", "20"},
		{"hundred", "一百", "100"},
		{"hundred and five", "一百零五", "105"},
		{"colloquial", "一百五", "150"},
		{"thousands", "三千零五十", "3050"},
		{"two", "两个", "2个"},
		{"zero", "零添加", "0添加"},
		{"wan stays", "已售三万单", "已售3万单"},
		{"wan and digit", "一万二", "1万2"},
		{"year digit by digit", "二〇二五年", "2025年"},
		{"half stays", "半斤", "半斤"},
		{"in a word", "第一", "第1"},
		{"decimal", "3.2斤", "3.2斤"},
		{"chinese decimal", "三点二斤", "3.2斤"},
		{"decimal digits", "三点一四", "3.14"},
		{"dian not decimal", "三点钟", "3点钟"},
		{"percent phrase", "有效率百分之九十八", "有效率98%"},
		{"percent phrase decimal", "百分之九十九点九", "99.9%"},
		{"percent phrase with noise", "百 分 分 之，五 十", "50%"},
		{"percent phrase digits", "百分之90", "90%"},
		{"baifenbai stays", "百分百", "百分百"},
		{"qianwan stays", "千万不要", "千万不要"},
		// 3. noise
		{"spaces", "瘦 了 五 斤", "瘦了5斤"},
		{"star", "根*治", "根治"},
		{"emoji", "根😀治", "根治"},
		{"zero width", "根\u200b治\u200d\ufeff\u2060", "根治"},
		{"variation selector", "❤️好", "好"},
		{"keycap", "5️⃣斤", "5斤"},
		{"percent", "100%有效", "100%有效"},
		{"percent not after digit", "有效%", "有效"},
		{"ratio", "1:1复刻", "1:1复刻"},
		{"slash", "1/2", "1/2"},
		{"range", "3~5天", "3-5天"},
		{"separators collapse", "3..2 3点点5", "3.23.5"},
		{"dot not between digits", "好.评", "好评"},
		{"comma in number", "1,000", "1000"},
		{"chinese punctuation", "太好了！！！。。。", "太好了"},
		{"currency", "￥99", "¥99"},
		{"strike-through", "根\u0336治\u0336", "根治"},
		// 4. repeats
		{"repeat", "瘦瘦瘦了", "瘦了"},
		{"laugh", "哈哈哈哈", "哈"},
		{"digits do not collapse", "100", "100"},
		{"repeat across noise", "冲 冲 冲", "冲"},
		// 5. pinyin
		{"pinyin term", "jianfei", "减肥"},
		{"pinyin spaced", "Jian Fei茶", "减肥茶"},
		{"pinyin before", "jian肥", "减肥"},
		{"pinyin after", "减fei", "减肥"},
		{"pinyin sou", "sou了5斤", "瘦了5斤"},
		{"pinyin terms", "genzhi", "根治"},
		{"pinyin concatenated", "jianfeishoushen", "减肥瘦身"},
		{"pinyin jiangtang", "jiangtang茶", "降糖茶"},
		{"pinyin doubled", "jiannfei", "减肥"},
		{"pinyin word unknown", "jianfeiba", "jianfeiba"},
		{"sou alone", "sou一下", "sou1下"},
		{"xiaoyan is a name", "xiaoyan", "xiaoyan"},
		{"xiao yan context", "xiao炎", "消炎"},
		// 5a. split forms: noise between the characters of a term
		{"split space", "减 肥", "减肥"},
		{"split hyphen", "减-肥", "减肥"},
		{"split dot", "减.肥", "减肥"},
		{"split underscore", "减_肥", "减肥"},
		{"split heart", "减♥肥", "减肥"},
		{"split middle dot", "减·肥茶", "减肥茶"},
		{"split slash", "减/肥", "减肥"},
		{"split ideographic space", "减　肥", "减肥"},
		{"split pinyin hyphen", "jian-fei", "减肥"},
		{"split pinyin dots", "j.i.a.n.f.e.i", "减肥"},
		{"split pinyin heart", "jian♥fei茶", "减肥茶"},
		{"split syllable and character", "jian 肥", "减肥"},
		{"split character and syllable", "减 - fei", "减肥"},
		// 5b. tone marks, fancy and look-alike letters
		{"tone marks", "jiǎnféi", "减肥"},
		{"tone mark after character", "减féi", "减肥"},
		{"tone mark before character", "jiǎn肥", "减肥"},
		{"tone marks upper case", "JIǍNFÉI", "减肥"},
		{"combining tone mark", "jiǎnféi", "减肥"},
		{"tone marks zhiliao", "zhìliáo", "治疗"},
		{"pinyin alpha and script g", "ɑizhenɡ", "癌症"},
		{"tone mark u umlaut", "lǜ", "lu"},
		{"tone mark alone", "féi", "fei"},
		{"full-width pinyin", "ｊｉａｎｆｅｉ", "减肥"},
		{"full-width pinyin upper", "ＪＩＡＮ肥", "减肥"},
		{"mathematical bold pinyin", "𝐣𝐢𝐚𝐧𝐟𝐞𝐢", "减肥"},
		{"mathematical script pinyin", "𝒿𝒾𝒶𝓃𝒻ℯ𝒾", "减肥"},
		{"circled pinyin", "ⓙⓘⓐⓝⓕⓔⓘ", "减肥"},
		{"circled pinyin upper", "ⒿⒾⒶⓃ肥", "减肥"},
		{"parenthesised pinyin", "⒥⒤⒜⒩⒡⒠⒤", "减肥"},
		{"squared pinyin", "🄹🄸🄰🄽🄵🄴🄸", "减肥"},
		{"negative squared pinyin", "🅹🅸🅰🅽🅵🅴🅸", "减肥"},
		{"cyrillic look-alikes", "jiаnfеi", "减肥"},
		{"small capitals", "ᴊɪᴀɴꜰᴇɪ", "减肥"},
		{"latin diacritics", "Café", "cafe"},
		{"flag stays noise", "🇨🇳好", "好"},
		{"greek stays", "α-硫辛酸", "α硫辛酸"},
		// 5c. whole-term spellings
		{"pinyin shoushen", "shoushen", "瘦身"},
		{"pinyin zhiliao", "zhiliao", "治疗"},
		{"pinyin fangai", "fangai", "防癌"},
		{"pinyin zhiai", "zhiai", "治癌"},
		{"pinyin kangai", "kangai", "抗癌"},
		{"pinyin aizheng", "aizheng", "癌症"},
		{"pinyin jiangya", "jiangya", "降压"},
		{"pinyin xueya", "xueya", "血压"},
		{"pinyin gaoxueya", "gaoxueya", "高血压"},
		{"pinyin gaoxuetang", "gao xue tang", "高血糖"},
		{"pinyin gaoxuezhi", "gaoxuezhi", "高血脂"},
		{"pinyin jiangxueya", "jiangxueya", "降血压"},
		{"pinyin jiangxuetang", "jiangxuetang", "降血糖"},
		{"pinyin jiangxuezhi", "jiangxuezhi", "降血脂"},
		{"pinyin tangniao", "tangniao", "糖尿"},
		{"pinyin tangniaobing", "TangNiaoBing", "糖尿病"},
		{"pinyin fuzuoyong", "fuzuoyong", "副作用"},
		{"pinyin wuxiaotuikuan", "wuxiaotuikuan", "无效退款"},
		{"pinyin zuchuan", "zuchuan", "祖传"},
		{"pinyin zuchuanmifang", "zuchuanmifang", "祖传秘方"},
		{"pinyin baozhibaibing", "baozhibaibing", "包治百病"},
		{"pinyin mianjian", "mianjian", "免检"},
		{"pinyin gaofang", "gaofang", "高仿"},
		{"pinyin putian", "putian", "莆田"},
		{"pinyin terms in a sentence", "我的gaoxueya降下来了", "我的高血压降下来了"},
		{"pinyin quanwang", "quanwang最低", "全网最低"},
		{"pinyin zuihao", "zuihao的", "最好的"},
		{"pinyin meibai", "meibai精华", "美白精华"},
		{"pinyin qudou", "qudou膏", "祛痘膏"},
		// 5d. part of a term next to the term's other character
		{"zhi liao", "zhi疗", "治疗"},
		{"zhi ai", "zhi癌", "治癌"},
		{"zhi liao after", "治liao", "治疗"},
		{"gen zhi", "gen治", "根治"},
		{"gen zhi after", "根zhi", "根治"},
		{"sou shen", "sou身", "瘦身"},
		{"shou shen after", "瘦shen", "瘦身"},
		{"ai zheng", "癌zheng", "癌症"},
		{"ai zheng before", "ai症", "癌症"},
		{"tang niao bing", "糖niao病", "糖尿病"},
		{"tang niao before", "tang尿病", "糖尿病"},
		{"tang niao bing after", "糖尿bing", "糖尿病"},
		{"tang niaobing", "糖niaobing", "糖尿病"},
		{"gao xue ya", "高xue压", "高血压"},
		{"xue tang", "xue糖", "血糖"},
		{"xue zhi", "降xue脂", "降血脂"},
		{"xue ya after", "血ya", "血压"},
		{"xue tang after", "血tang", "血糖"},
		{"xue zhi after", "血zhi", "血脂"},
		{"jiang xuetang", "降xuetang", "降血糖"},
		{"gao xuetang", "高xuetang", "高血糖"},
		{"jiang xuezhi", "降xuezhi", "降血脂"},
		{"gao xuezhi", "高xuezhi", "高血脂"},
		{"jiang ya", "jiang压", "降压"},
		{"jiang tang", "jiang糖", "降糖"},
		{"jiang ya after", "降ya", "降压"},
		{"jiang tang after", "降tang", "降糖"},
		{"fang ai", "fang癌", "防癌"},
		{"fang ai after", "防ai", "防癌"},
		{"zhi ai after", "治ai", "治癌"},
		{"kang ai", "kang癌", "抗癌"},
		{"kang ai after", "抗ai", "抗癌"},
		{"xiao yan after", "消yan", "消炎"},
		{"yao wu", "药wu", "药物"},
		{"yao wu before", "yao物", "药物"},
		{"yi sheng after", "医sheng推荐", "医生推荐"},
		{"zhuan jia", "zhuan家", "专家"},
		{"gao fang", "gao仿", "高仿"},
		{"fu ke", "fu刻", "复刻"},
		{"yuan dan", "yuan单", "原单"},
		{"pu tian", "pu田", "莆田"},
		{"mian jian", "mian检", "免检"},
		{"zu chuan after", "祖chuan秘方", "祖传秘方"},
		{"zu chuan before", "zu传秘方", "祖传秘方"},
		{"mi fang after", "祖传mifang", "祖传秘方"},
		{"mi fang syllable after", "秘fang", "秘方"},
		{"bao zhi", "bao治百病", "包治百病"},
		{"wu xiao after", "无xiao退款", "无效退款"},
		{"wu xiao before", "wu效退款", "无效退款"},
		{"wuxiao before tui", "wuxiao退款", "无效退款"},
		{"fu zuo yong", "fu作用", "副作用"},
		{"fu zuoyong", "副zuoyong", "副作用"},
		{"wei yan", "胃yan", "胃炎"},
		{"chang yan", "肠yan", "肠炎"},
		{"gan yan", "肝yan", "肝炎"},
		{"zui hao", "zui好", "最好"},
		{"zui di", "全网zui低", "全网最低"},
		{"zui gao", "zui高", "最高"},
		{"zui jia", "zui佳", "最佳"},
		{"zui you", "zui优", "最优"},
		{"zui qiang", "zui强", "最强"},
		{"quan wang", "全wang第yi", "全网第1"},
		{"mei bai", "美bai", "美白"},
		{"qu dou", "祛dou", "祛痘"},
		{"xin zang", "心zang", "心脏"},
		{"chun yuan", "chun原", "纯原"},
		{"jia huo", "jia货", "假货"},
		{"ti dai", "替dai母乳", "替代母乳"},
		{"yuan dan after", "原dan", "原单"},
		{"mu ru", "mu乳", "母乳"},
		{"chu fang", "不用chu方", "不用处方"},
		{"du shu", "度shu降了", "度数降了"},
		{"shi mian", "对shī眠有效", "对失眠有效"},
		{"yi gan", "乙gan转阴", "乙肝转阴"},
		{"zhi fang gan", "脂肪gan", "脂肪肝"},
		{"hu gan", "护gan片", "护肝片"},
		{"er ming", "耳míng", "耳鸣"},
		{"shen yao", "shen药", "神药"},
		{"gan alone", "gan了", "gan了"},
		{"rou du left alone", "肉du", "肉du"},
		{"zui alone", "zui", "zui"},
		{"yi after other", "唯yi", "唯yi"},
		{"context across noise", "kang 😀 癌", "抗癌"},
		{"context traditional", "減fei", "减肥"},
		{"context in a sentence", "这个能zhi疗糖niao病吗", "这个能治疗糖尿病吗"},
		// 5e. left alone: ordinary words, brands, names, slang, ambiguity
		{"fei alone", "fei", "fei"},
		{"yi alone", "yi", "yi"},
		{"ai alone", "AI换脸", "ai换脸"},
		{"brand fila", "Fila", "fila"},
		{"brand xiaomi", "Xiaomi手机", "xiaomi手机"},
		{"iphone", "iPhone 15 Pro", "iphone15pro"},
		{"ok", "OK", "ok"},
		{"yyds", "yyds", "yds"},
		{"zhibo", "zhibo", "zhibo"},
		{"zhibojian", "zhibojian", "zhibojian"},
		{"english word", "pure natural", "purenatural"},
		{"initials jf", "jf", "jf"},
		{"initials jf points", "jf兑换", "jf兑换"},
		{"shou shen ambiguous", "shou身款", "shou身款"},
		{"shou le ambiguous", "shou了", "shou了"},
		{"yi sheng ambiguous", "yi生推荐", "yi生推荐"},
		{"yisheng ambiguous", "yisheng", "yisheng"},
		{"zhuanjia ambiguous", "zhuanjia", "zhuanjia"},
		{"zhuan jia ambiguous", "专jia", "专jia"},
		{"fuke ambiguous", "fuke", "fuke"},
		{"yuandan ambiguous", "yuandan快乐", "yuandan快乐"},
		{"xuetang ambiguous", "xuetang", "xuetang"},
		{"xuezhi ambiguous", "xuezhi", "xuezhi"},
		{"yaowu ambiguous", "yaowu", "yaowu"},
		{"wuxiao ambiguous", "wuxiao", "wuxiao"},
		{"mifang ambiguous", "mifang", "mifang"},
		{"zuoyong ambiguous", "zuoyong", "zuoyong"},
		{"baozhi ambiguous", "baozhi", "baozhi"},
		{"gao fang ambiguous", "高fang价", "高fang价"},
		{"bao zhi ambiguous", "包zhi", "包zhi"},
		{"jiang xue ambiguous", "jiang血压降下来", "jiang血压降下来"},
		{"xue wrong partner", "xue校", "xue校"},
		{"ai wrong partner", "爱ai", "爱ai"},
		{"tone numbers", "jian3fei2", "jian3fei2"},
		{"term inside a word", "putianxia", "putianxia"},
		{"homophone stays", "受了5斤", "受了5斤"},
		{"split character stays", "减月巴", "减月巴"},
		// whole comments
		{"comment", "吃了它三天瘦 五 斤", "吃了它3天瘦5斤"},
		{"empty", "", ""},
		{"only noise", " 😀！ ", ""},
		{"invalid utf-8", "根\xff治", "根治"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got.Norm != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got.Norm, tt.want)
			}
			if got.Orig != tt.in {
				t.Errorf("Orig = %q", got.Orig)
			}
			checkText(t, got)
		})
	}
}

// TestLongPunctuationRun checks that a run of punctuation after a digit
// is scanned once: token by token it took seconds (quadratic).
func TestLongPunctuationRun(t *testing.T) {
	for _, s := range []string{
		"1" + strings.Repeat("-", 200000),
		"1" + strings.Repeat("-%", 100000) + "2",
		"3" + strings.Repeat(".", 100000) + "点" + strings.Repeat(":", 100000),
	} {
		start := time.Now()
		x := Normalize(s)
		var st Stream
		st.Reset(s)
		for st.Next() != nil {
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Normalize of %d bytes took %v", len(s), d)
		}
		if len(x.Norm) > 8 {
			t.Errorf("Normalize(%.20q…) = %q", s, x.Norm)
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		in, norm string // norm is a substring of Normalize(in).Norm
		want     string // the original it must map to
	}{
		{"吃了它三天瘦 五 斤", "瘦5斤", "瘦 五 斤"},
		{"吃了它三天瘦 五 斤", "3天", "三天"},
		{"吃了它三天瘦 五 斤", "5", "五"},
		{"一百零五斤", "105", "一百零五"},
		{"一百零五斤", "0", "一百零五"},
		{"瘦瘦瘦了", "瘦", "瘦瘦瘦"},
		{"根😀治好了", "根治", "根😀治"},
		{"喝了jian fei茶", "减肥", "jian fei"},
		{"喝了jian fei茶", "肥", "jian fei"},
		{"喝jianfeishoushen茶", "瘦身", "shoushen"},
		{"有效率百分之九十八", "%", "百分之九十八"},
		{"ＡＢＣ１２３", "c1", "Ｃ１"},
		{"減肥茶", "减肥", "減肥"},
		{"3 . 2斤", "3.2", "3 . 2"},
		{"减féi茶", "肥", "féi"},
		{"喝jiǎn féi茶", "减肥", "jiǎn féi"},
		{"这是gao仿的", "高仿", "gao仿"},
		{"糖niaobing人群", "尿病", "niaobing"},
		{"糖niaobing人群", "病", "niaobing"},
		{"买𝐣𝐢𝐚𝐧𝐟𝐞𝐢茶", "减肥茶", "𝐣𝐢𝐚𝐧𝐟𝐞𝐢茶"},
		{"无xiao 退款", "效", "xiao"},
	}
	for _, tt := range tests {
		x := Normalize(tt.in)
		i := strings.Index(x.Norm, tt.norm)
		if i < 0 {
			t.Errorf("Normalize(%q).Norm = %q, has no %q", tt.in, x.Norm, tt.norm)
			continue
		}
		s, e := x.Span(i, i+len(tt.norm))
		if got := tt.in[s:e]; got != tt.want {
			t.Errorf("Normalize(%q): Span of %q = %q, want %q", tt.in, tt.norm, got, tt.want)
		}
	}
}

func TestSpanClamps(t *testing.T) {
	x := Normalize("瘦 五 斤 ")
	for _, c := range [][2]int{{-5, 100}, {100, -5}, {3, 3}, {len(x.Norm), len(x.Norm)}, {0, 0}} {
		s, e := x.Span(c[0], c[1])
		if s < 0 || s > e || e > len(x.Orig) {
			t.Errorf("Span(%d,%d) = %d,%d", c[0], c[1], s, e)
		}
	}
	if s, e := x.Span(-5, 100); x.Orig[s:e] != "瘦 五 斤" {
		t.Errorf("Span(all) = %q", x.Orig[s:e])
	}
	var empty Text
	if s, e := empty.Span(0, 3); s != 0 || e != 0 {
		t.Errorf("empty Span = %d,%d", s, e)
	}
}

func TestNormalizerReuse(t *testing.T) {
	var n Normalizer
	a := n.Normalize("減肥三天瘦五斤").Norm
	b := n.Normalize("哈哈哈").Norm
	if a != "减肥3天瘦5斤" || b != "哈" {
		t.Fatalf("got %q, %q", a, b)
	}
	for i := 0; i < 2000; i++ { // fill several arena chunks
		n.Normalize("第" + strings.Repeat("一", i%7) + "名")
	}
	if a != "减肥3天瘦5斤" || b != "哈" {
		t.Fatalf("Norm strings changed after reuse: %q, %q", a, b)
	}
	x := n.Normalize("瘦 五 斤")
	if s, e := x.Span(0, len(x.Norm)); x.Orig[s:e] != "瘦 五 斤" {
		t.Fatalf("Span = %q", x.Orig[s:e])
	}
}

// TestTableFixedPoints checks that every rune the tables keep maps to a
// rune that maps to itself: the basis of idempotence.
func TestTableFixedPoints(t *testing.T) {
	loadTables()
	check := func(r rune) {
		e := lookup(r)
		if e.cls() != cOther && e.cls() != cLetter {
			return
		}
		m := e.r()
		if f := lookup(m); f.cls() != e.cls() || f.r() != m {
			t.Errorf("%U %q → %q, which maps to %q (class %d)", r, r, m, f.r(), f.cls())
		}
	}
	for r := rune(0); r < denseSize; r++ {
		check(r)
	}
	for k, v := range tsMap {
		check(k)
		check(v)
	}
	for _, r := range []rune{0x1F600, 0x1D7D3, 0x20000, 0x2A6D6, 0xE0100, 0xE0041} {
		check(r)
	}
	if !unicode.IsDigit(0x1D7D3) || lookup(0x1D7D3).cls() != cDigit || lookup(0x1D7D3).val() != 5 {
		t.Errorf("𝟓 is not 5")
	}
}

func TestPinyinTable(t *testing.T) {
	longest := 0
	spelling := func(k string) {
		if k != strings.ToLower(k) || strings.Trim(k, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("%q is not lower-case ASCII letters", k)
		}
		for i := 1; i < len(k); i++ {
			if k[i] == k[i-1] {
				t.Errorf("%q has a doubled letter: it could never match", k)
			}
		}
	}
	fixed := func(k, v string) {
		if got := Normalize(v).Norm; got != v {
			t.Errorf("%q → %q, which normalises to %q", k, v, got)
		}
	}
	for k, v := range pinyinTerms {
		longest = max(longest, len(k))
		spelling(k)
		fixed(k, v)
		if got := Normalize(k).Norm; got != v {
			t.Errorf("Normalize(%q) = %q, want %q", k, got, v)
		}
	}
	if longest != maxTerm {
		t.Errorf("maxTerm = %d, the longest term is %d letters", maxTerm, longest)
	}
	for k, ss := range pinyinSyllables {
		spelling(k)
		for _, s := range ss {
			fixed(k, s.out)
			var in, want string
			switch {
			case s.prev != 0 && s.next != 0:
				t.Errorf("%q: an entry has both prev and next", k)
			case s.prev != 0:
				in, want = string(s.prev)+k, string(s.prev)+s.out
			case s.next != 0:
				in, want = k+string(s.next), s.out+string(s.next)
			default:
				t.Errorf("%q: an entry has no context", k)
			}
			if got := Normalize(in).Norm; got != want {
				t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
			}
			if got := Normalize(k).Norm; got != k {
				t.Errorf("Normalize(%q) = %q, want it left alone", k, got)
			}
		}
	}
}

func TestFoldTable(t *testing.T) {
	loadTables()
	seen := map[rune]bool{}
	for line := range strings.Lines(latinFolds) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if len(line) < 3 || line[1] != ':' || line[0] < 'a' || line[0] > 'z' {
			t.Fatalf("bad line %q", line)
		}
		for _, r := range line[2:] {
			if seen[r] {
				t.Errorf("%q is listed twice", r)
			}
			seen[r] = true
			if unicode.ToLower(r) != r {
				t.Errorf("%q is not lower-case: classify would never see it", r)
			}
			if e := lookup(r); e.cls() != cLetter || e.r() != rune(line[0]) {
				t.Errorf("%q does not fold to %q", r, line[0])
			}
			if e := lookup(unicode.ToUpper(r)); e.cls() != cLetter || e.r() != rune(line[0]) {
				t.Errorf("%q (upper case of %q) does not fold to %q", unicode.ToUpper(r), r, line[0])
			}
		}
	}
	if len([]rune(letterlike)) != len(letterlikeTo) {
		t.Fatalf("letterlike and letterlikeTo differ in length")
	}
	// Every letter of the mathematical, circled and squared alphabets.
	for _, from := range []rune{0x1D400, 0x1D41A, 0x1D5EE, 0x1D670, 0x249C, 0x24B6, 0x24D0, 0x1F110, 0x1F130, 0x1F150, 0x1F170} {
		for k := range rune(26) {
			r := from + k
			if !unicode.IsLetter(r) && !unicode.Is(unicode.So, r) {
				continue // a hole of the mathematical alphabets, filled by letterlike
			}
			if e := lookup(r); e.cls() != cLetter || e.r() != 'a'+k {
				t.Errorf("%U %q does not fold to %q", r, r, 'a'+k)
			}
		}
	}
	for _, r := range "🇦🇿αβγ" {
		if lookup(r).cls() == cLetter {
			t.Errorf("%q folds to a letter", r)
		}
	}
}

// TestUnchanged checks that Unchanged maps every byte to itself and that
// the next Normalize maps through its offsets again.
func TestUnchanged(t *testing.T) {
	var n Normalizer
	x := n.Unchanged("主播好漂亮")
	if x.Norm != "主播好漂亮" || x.Orig != x.Norm {
		t.Fatalf("Unchanged = %+v", x)
	}
	for _, c := range [][4]int{{0, 6, 0, 6}, {3, 9, 3, 9}, {-5, 100, 0, 15}, {9, 3, 9, 9}, {15, 15, 15, 15}} {
		if s, e := x.Span(c[0], c[1]); s != c[2] || e != c[3] {
			t.Errorf("Span(%d,%d) = %d,%d, want %d,%d", c[0], c[1], s, e, c[2], c[3])
		}
	}
	y := n.Normalize("瘦 五 斤")
	if s, e := y.Span(0, len(y.Norm)); y.Orig[s:e] != "瘦 五 斤" {
		t.Fatalf("Normalize after Unchanged: Span = %q", y.Orig[s:e])
	}
}
