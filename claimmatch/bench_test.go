package claimmatch

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/rules"
)

// comments are live-room comments of the kind the matcher screens, most of
// them harmless, some with claims.
var comments = []string{
	"主播好", "多少钱", "瘦了3.2斤太开心了", "全网最低价吗", "666", "主播今天好漂亮",
	"已下单", "什么时候发货", "能便宜点吗", "这个颜色好看", "有没有优惠券", "链接在哪里",
	"点第一个链接", "求上链接", "主播穿的是哪个码", "160斤能穿吗", "包邮吗", "有赠品吗",
	"吃了三天瘦五斤", "真的能根治吗", "孕妇可以用吗", "小孩能吃吗", "敏感肌能用吗",
	"已经回购三次了", "上次买的很好用", "质量怎么样", "会不会起球", "发什么快递",
	"新疆包邮吗", "这个是正品吗", "是不是高仿", "有防伪码吗", "主播好可爱哈哈哈哈",
	"来了来了", "刚来，讲的什么", "多少钱一斤", "保质期多久", "生产日期是什么时候",
	"有效率98%是真的吗", "三天见效吗", "吃了能降血压吗", "我妈有糖尿病能吃吗", "不好用能退吗",
	"七天无理由吗", "运费险有吗", "拍了两件", "怎么改地址", "能不能备注", "主播喝口水吧",
	"这个价格太香了", "比超市便宜多了", "去年买过", "全网第一好用", "家人们冲啊",
	"最好的面膜没有之一", "国家级产品吗", "第一次来直播间", "关注了", "点赞点赞",
	"主播声音好好听", "背景音乐叫什么", "还有库存吗", "库存不多了快抢", "秒杀什么时候开始",
	"这个月销10万单吗", "已售5万单是真的假的", "买一送一吗", "满减怎么算", "能叠加优惠吗",
	"有没有小样", "试用装有吗", "适合油皮吗", "干皮能用吗", "美白效果好吗", "祛斑吗",
	"孩子长高有用吗", "老人能吃吗", "一天吃几粒", "饭前吃还是饭后吃", "有副作用吗",
	"ＯＫ已拍", "主播 讲 慢 一 点", "瘦 了 五 斤", "根*治", "这个能治好失眠吗",
	"最近在减肥", "特级初榨橄榄油吗", "纯天然的吗", "无添加吗", "有检测报告吗",
	"明天还播吗", "几点下播", "主播晚安", "下次什么时候上新", "这个款还会补货吗",
	"同款同价吗", "官方旗舰店吗", "假一赔十吗", "卖得最好的是哪个", "谢谢主播",
}

// realTerms seed the synthetic pack with the words real packs hold.
var realTerms = []string{
	"最好", "最好的", "最佳", "第一", "全网第一", "全网最低价", "最低价", "国家级", "世界级",
	"顶级", "极品", "根治", "治愈", "包治百病", "降血压", "降血糖", "抗癌", "防癌", "祛斑",
	"美白", "高仿", "原单", "a货", "超a", "复刻", "假一赔十", "无副作用", "纯天然",
	"零添加", "秒杀全网", "史上最低", "销量第一", "月销10万", "特效", "神药", "立竿见影",
}

var exceptions = []string{"第一个链接", "第一次", "最近", "最好看"}

var patternSeeds = []string{
	"{N}天瘦{N}斤", "瘦了{N}斤", "有效率{N}%", "已售{N}万单", "月销{N}万",
	"{N}天见效", "好评率{N}%", "回购率{N}%", "治愈率{N}%", "{N}倍功效",
}

// syntheticPack builds rules with about nterms terms in all and 50
// patterns; rules have ten terms each and a few carry scopes and
// exceptions, like a real pack.
func syntheticPack(nterms int) []rules.Rule {
	rng := rand.New(rand.NewSource(int64(nterms)))
	pool := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞")
	word := func() string {
		n := 2 + rng.Intn(4) // 2..5 runes
		var b strings.Builder
		for range n {
			b.WriteRune(pool[rng.Intn(len(pool))])
		}
		return b.String()
	}
	seen := map[string]bool{}
	var terms []string
	for _, t := range realTerms {
		seen[t] = true
		terms = append(terms, t)
	}
	for len(terms) < nterms {
		if w := word(); !seen[w] {
			seen[w] = true
			terms = append(terms, w)
		}
	}
	var rs []rules.Rule
	for i := 0; i < len(terms); i += 10 {
		r := rules.Rule{ID: fmt.Sprintf("syn.%05d", i/10), Terms: terms[i:min(i+10, len(terms))]}
		switch i / 10 % 7 {
		case 1:
			r.ExceptCategories = []qinglang.Category{qinglang.CatDrug}
		case 3:
			r.Categories = []qinglang.Category{qinglang.CatFood, qinglang.CatHealthFood, qinglang.CatGeneral}
		case 5:
			r.Where = []rules.Source{rules.SourceSpeech, rules.SourceComment}
		}
		if i/10%4 == 0 {
			e := i / 40 % len(exceptions)
			r.Exceptions = exceptions[e : e+1]
		}
		rs = append(rs, r)
	}
	units := []string{"", "天", "次", "盒", "瓶"}
	for i := range 50 {
		p := patternSeeds[i%len(patternSeeds)]
		if u := units[i/len(patternSeeds)]; u != "" {
			p = strings.Replace(p, "{N}", "{N}"+u+"内", 1)
		}
		rs = append(rs, rules.Rule{ID: fmt.Sprintf("num.%02d", i), Patterns: []string{p}})
	}
	return rs
}

var commentCtx = Context{Category: qinglang.CatHealthFood, Where: rules.SourceComment}

func benchMatcher(b *testing.B, nterms int) *Matcher {
	m, err := Compile(syntheticPack(nterms))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

func reportRate(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
}

// BenchmarkBareAutomaton runs only the automaton of the 1k pack over the
// raw comments' bytes: no normalisation, context or verification.
func BenchmarkBareAutomaton(b *testing.B) {
	m := benchMatcher(b, 1000)
	var hits []hit
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		hits = m.ac.find(comments[i%len(comments)], hits[:0])
		n += len(hits)
	}
	reportRate(b)
}

// BenchmarkScan is the full screening of one comment with the 1k pack.
func BenchmarkScan(b *testing.B) {
	benchScan(b, benchMatcher(b, 1000))
}

func benchScan(b *testing.B, m *Matcher) {
	s := m.NewScanner()
	var out []Match
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = s.Scan(comments[i%len(comments)], commentCtx, out[:0])
	}
	reportRate(b)
}

// BenchmarkScanTerms measures how the pack's size changes screening.
func BenchmarkScanTerms(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			benchScan(b, benchMatcher(b, n))
		})
	}
}

// BenchmarkScanP99 times each scan and reports the 99th percentile (and
// the median) per comment, with the 1k and 50k packs.
func BenchmarkScanP99(b *testing.B) {
	for _, n := range []int{1000, 50000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			m := benchMatcher(b, n)
			s := m.NewScanner()
			var out []Match
			const bucket, nb = 10, 100_000 // 10 ns buckets up to 1 ms
			hist := make([]int, nb+1)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				out = s.Scan(comments[i%len(comments)], commentCtx, out[:0])
				d := int(time.Since(t0) / bucket)
				hist[min(d, nb)]++
			}
			b.StopTimer()
			pct := func(p float64) float64 {
				want, acc := int(p*float64(b.N)), 0
				for i, c := range hist {
					if acc += c; acc > want {
						return float64(i * bucket)
					}
				}
				return float64(nb * bucket)
			}
			b.ReportMetric(pct(0.50), "p50-ns")
			b.ReportMetric(pct(0.99), "p99-ns")
		})
	}
}

// TestSyntheticPackFindsClaims keeps the benchmark honest: the comments do
// hold claims the pack finds, and harmless ones stay clean.
func TestSyntheticPackFindsClaims(t *testing.T) {
	m, err := Compile(syntheticPack(1000))
	if err != nil {
		t.Fatal(err)
	}
	matched := 0
	for _, c := range comments {
		if len(m.Scan(c, commentCtx)) > 0 {
			matched++
		}
	}
	t.Logf("%d of %d comments match the 1k pack", matched, len(comments))
	if matched == 0 || matched == len(comments) {
		t.Errorf("%d of %d comments match", matched, len(comments))
	}
	ids := brief(t, "瘦了3.2斤", m.Scan("瘦了3.2斤", commentCtx))
	if !slices.Contains(ids, "num.01:瘦了3.2斤[3.2]") {
		t.Errorf("got %q", ids)
	}
}

// BenchmarkNormalizeOnly is the textnorm share of BenchmarkScan.
func BenchmarkNormalizeOnly(b *testing.B) {
	n := newNormalizer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		n.Normalize(comments[i%len(comments)])
	}
	reportRate(b)
}

// BenchmarkAutomatonNormalized runs the automaton over pre-normalised
// comments: the matcher's own share without textnorm.
func BenchmarkAutomatonNormalized(b *testing.B) {
	m := benchMatcher(b, 1000)
	norm := make([]string, len(comments))
	for i, c := range comments {
		norm[i] = normalizeString(c)
	}
	var hits []hit
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		hits = m.ac.find(norm[i%len(norm)], hits[:0])
	}
	reportRate(b)
}

// BenchmarkScanDefaultPack is the full screening of one comment with the
// built-in default pack, and BenchmarkBareAutomatonDefaultPack the bare
// automaton of that pack over the same raw bytes, in the same run.
func BenchmarkScanDefaultPack(b *testing.B) {
	benchScan(b, defaultPackMatcher(b))
}

func BenchmarkBareAutomatonDefaultPack(b *testing.B) {
	m := defaultPackMatcher(b)
	var hits []hit
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		hits = m.ac.find(comments[i%len(comments)], hits[:0])
	}
	reportRate(b)
}

// BenchmarkRatioDefaultPack alternates batches of the bare automaton and
// of full screening over the same comments, so that both see the same
// machine (a shared VM's speed drifts between benchmarks), and reports
// full screening's throughput as a fraction of the bare automaton's: over
// the whole run (full/bare), and the median of the batches' own fractions
// (median-batch), which a stall in one batch does not move.
func BenchmarkRatioDefaultPack(b *testing.B) {
	m := defaultPackMatcher(b)
	s := m.NewScanner()
	var hits []hit
	var out []Match
	var bare, full time.Duration
	var batches []float64
	const batch = 2000
	b.ResetTimer()
	for done := 0; done < b.N; done += batch {
		n := min(batch, b.N-done)
		t0 := time.Now()
		for i := range n {
			hits = m.ac.find(comments[(done+i)%len(comments)], hits[:0])
		}
		t1 := time.Now()
		for i := range n {
			out = s.Scan(comments[(done+i)%len(comments)], commentCtx, out[:0])
		}
		t2 := time.Now()
		bare, full = bare+t1.Sub(t0), full+t2.Sub(t1)
		batches = append(batches, float64(t1.Sub(t0))/float64(t2.Sub(t1)))
	}
	b.ReportMetric(float64(bare)/float64(full), "full/bare")
	slices.Sort(batches)
	b.ReportMetric(batches[len(batches)/2], "median-batch")
}

func defaultPackMatcher(tb testing.TB) *Matcher {
	_, m := defaultPack(tb)
	return m
}

// defaultPack loads the built-in default pack and compiles it.
func defaultPack(tb testing.TB) ([]rules.Rule, *Matcher) {
	tb.Helper()
	set, err := rules.Load()
	if err != nil {
		tb.Fatal(err)
	}
	m, err := Compile(set.Rules)
	if err != nil {
		tb.Fatal(err)
	}
	return set.Rules, m
}
