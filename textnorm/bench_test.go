package textnorm

import (
	"sync"
	"testing"
)

// comments are realistic live-room bullet comments.
var comments = []string{
	"主播好", "多少钱", "瘦了3.2斤太开心了", "已下单", "家人们冲冲冲", "哈哈哈哈",
	"发什么快递", "什么时候发货", "有没有优惠券", "主播好漂亮😍😍", "链接在哪里",
	"三号链接还有吗", "我吃了一个月瘦了五斤", "这个适合油皮吗？", "已拍两件", "求返场！！！",
	"宝宝们这个真的好用", "上次买的还没用完", "主播能试一下黑色吗", "XL码还有吗",
	"１８０斤能穿吗", "老粉了支持", "下单了下单了", "什么时候上新", "666666",
	"包邮吗", "运费险有吗", "保质期多久", "孕妇能用吗", "这个减肥茶有用吗",
	"喝了三天瘦 五 斤 是真的吗", "百分之百有效？", "jianfei茶多少钱", "減肥産品不要買",
	"小黄车第一个", "给我爸买的降压的", "冲冲冲🔥🔥🔥", "好评好评👍", "已关注",
	"主播说话好好听", "100%纯棉吗", "一百五十块贵了", "等了好久终于开播了", "买了买了",
	"比上次便宜了二十块", "有赠品吗", "抢到了！", "没抢到呜呜呜", "还会补货吗",
	"Ｖ我５０", "第二件半价吗", "1:1复刻？", "2025新款吗", "根治鼻炎是真的吗",
}

func BenchmarkNormalize(b *testing.B) {
	var n Normalizer
	n.Normalize("预热")
	var runes int
	for _, c := range comments {
		runes += len([]rune(c))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		n.Normalize(comments[i%len(comments)])
	}
	b.StopTimer()
	sec := b.Elapsed().Seconds()
	if sec > 0 {
		b.ReportMetric(float64(b.N)/sec, "comments/s")
		b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(b.N)/(float64(runes)/float64(len(comments))), "ns/rune")
	}
}

// BenchmarkStream reads the same comments' normalised runes through a
// Stream: no normalised string, no offsets.
func BenchmarkStream(b *testing.B) {
	var st Stream
	b.ReportAllocs()
	for i := range b.N {
		st.Reset(comments[i%len(comments)])
		for st.Next() != nil {
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
}

// BenchmarkNormalize20 normalises one 20-rune comment with a little of
// everything: traditional characters, numerals, spaces, emoji, repeats.
func BenchmarkNormalize20(b *testing.B) {
	const c = "家人們這個茶我喝了三天瘦 五 斤😍哈哈哈"
	var n Normalizer
	b.ReportAllocs()
	for range b.N {
		n.Normalize(c)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
}

// latinComments are comments with letters in them: brands, slang,
// English and pinyin, the only texts the pinyin tables are looked at for.
var latinComments = []string{
	"iPhone 15 Pro有货吗", "jianfei茶多少钱", "yyds", "OK已拍", "Xiaomi手机", "gaoxueya能喝吗",
	"减fei茶还有吗", "NMN胶囊", "logo打码了吗", "VIP专享价", "XL码还有吗", "Fila的鞋",
	"jiǎnféi", "zhibo几点开始", "pure natural ingredients", "糖niao病能吃吗",
}

// BenchmarkNormalizeLatin normalises latinComments.
func BenchmarkNormalizeLatin(b *testing.B) {
	var n Normalizer
	b.ReportAllocs()
	for i := range b.N {
		n.Normalize(latinComments[i%len(latinComments)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "comments/s")
}

// BenchmarkNormalizeAlloc measures the allocating convenience function.
func BenchmarkNormalizeAlloc(b *testing.B) {
	b.ReportAllocs()
	for i := range b.N {
		Normalize(comments[i%len(comments)])
	}
}

func TestBenchComments(t *testing.T) {
	for _, c := range append(comments, latinComments...) {
		checkText(t, Normalize(c))
	}
	t.Logf("%d comments", len(comments))
}

func BenchmarkLoadTables(b *testing.B) {
	for range b.N {
		tableOnce = sync.Once{}
		loadTables()
	}
}
