package campaign

import (
	"strings"
	"testing"

	"github.com/qinglang/qinglang/textnorm"
)

func masked(s string) ([]rune, []number, string) {
	runes, nums := maskNumbers(textnorm.Normalize(s).Norm, nil, nil)
	return runes, nums, string(runes)
}

func TestMaskNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"瘦了3.2斤", "瘦了#斤"},
		{"吃了一个月瘦了三十五斤", "吃了#个月瘦了#斤"},
		{"1111", "#"},
		{"百分之九十有效", "#有效"},
		{"主播好", "主播好"},
	} {
		if _, _, got := masked(c.in); got != c.want {
			t.Errorf("mask(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	_, nums, _ := masked("瘦了16.6斤")
	if len(nums) != 1 || nums[0].val != 16.6 || nums[0].unit != "斤" {
		t.Errorf("numbers of 瘦了16.6斤: %+v", nums)
	}
}

func TestTestimonial(t *testing.T) {
	yes := []string{"吃了一个月瘦了10斤", "真的有效", "回购第3次了", "不是托，真的好用", "用了三天白了",
		"亲测有效", "之前买过别家的没用，这个真的有用", "讲真，14天下来称了一下，少了34.6斤",
		"膝盖疼了好几年，贴了3天就不疼了", "十几年的老胃病，吃了一个月好多了"}
	no := []string{"主播好", "多少钱", "真的有效吗", "这个减肥茶有用吗", "给我妈也买一个", "666", "家人们冲冲冲", "已拍", "吃几天能瘦", "好几年了还能用几天"}
	for _, s := range yes {
		runes, nums, m := masked(s)
		if !isTestimonial(m) && !hasResult(extractClaims(runes, nums, m, nil)) {
			t.Errorf("%q: not a testimonial", s)
		}
	}
	for _, s := range no {
		runes, nums, m := masked(s)
		if isTestimonial(m) || hasResult(extractClaims(runes, nums, m, nil)) {
			t.Errorf("%q: taken for a testimonial", s)
		}
	}
	if _, _, m := masked("还在犹豫的姐妹赶紧下单，不会后悔"); !isPromo(m) {
		t.Error("urging to buy is commercial speech")
	}
	if _, _, m := masked("主播声音好好听"); isPromo(m) {
		t.Error("chatter taken for commercial speech")
	}
}

func claimOf(t *testing.T, s string, ts int64, room uint32) claim {
	t.Helper()
	runes, nums, m := masked(s)
	cs := extractClaims(runes, nums, m, nil)
	if len(cs) == 0 {
		t.Fatalf("%q: no claim", s)
	}
	c := cs[len(cs)-1] // the result comes last: 吃了<N>天瘦了<N>斤
	c.ts, c.room, c.text = ts, room, s
	return c
}

func TestContradictions(t *testing.T) {
	const hour = 3_600_000
	const day = 24 * hour
	// the jelly case: one account, 瘦35斤 and 瘦16.6斤
	a, b := claimOf(t, "吃了一个月瘦了35斤", 0, 1), claimOf(t, "吃了两盒瘦了16.6斤", hour, 1)
	if !contradicts(a, b) {
		t.Error("瘦35斤 then 瘦16.6斤 should contradict")
	}
	// progress over days is not a contradiction; regress is
	if contradicts(claimOf(t, "瘦了3斤", 0, 1), claimOf(t, "瘦了5斤", 3*day, 2)) {
		t.Error("3 then 5 jin three days later is progress")
	}
	if !contradicts(claimOf(t, "瘦了8斤", 0, 1), claimOf(t, "瘦了5斤", 3*day, 2)) {
		t.Error("8 then 5 jin later should contradict")
	}
	// times of use in one broadcast
	if !contradicts(claimOf(t, "吃了一个月了", 0, 1), claimOf(t, "才吃了3天", hour, 1)) {
		t.Error("a month then three days in one room should contradict")
	}
	if contradicts(claimOf(t, "吃了一个月了", 0, 1), claimOf(t, "才吃了3天", hour, 2)) {
		t.Error("times of use in two rooms may be about two goods")
	}
	// repurchases do not shrink
	if !contradicts(claimOf(t, "回购第5次了", 0, 1), claimOf(t, "回购第2次了", day, 2)) {
		t.Error("repurchase count shrinking should contradict")
	}
	// a family member speaks of several bodies: numbers about someone
	// else contradict nothing (a viewer of the families hard case was
	// taken for contradicting itself so)
	if contradicts(claimOf(t, "我姐用了16天了，非要我再买", 0, 1), claimOf(t, "对象用了6天了", hour, 1)) {
		t.Error("two relatives' times of use taken for a contradiction")
	}
	if contradicts(claimOf(t, "我瘦了8斤", 0, 1), claimOf(t, "我妈吃了一个月，瘦了5斤", hour, 1)) {
		t.Error("the speaker's result and the mother's taken for a contradiction")
	}
	if !contradicts(claimOf(t, "家人们，吃了7天瘦了8斤", 0, 1), claimOf(t, "瘦了15斤，同事都问我", hour, 1)) {
		t.Error("a colleague named after the number makes the result no less the speaker's")
	}
}

func TestCallPhrase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"想要的家人们扣1", "1"},
		{"觉得主播辛苦的扣个主播辛苦了", "主播辛苦了"},
		{"家人们把冲冲冲打在公屏上", "冲冲冲"},
		{"福袋走一波，评论区打'谷语果冻真好吃'", "谷语果冻真好吃"},
		{"想要的打个想要", "想要"},
		{"点关注抽奖", ""},
	} {
		if got := callPhrase(c.in); got != c.want {
			t.Errorf("callPhrase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if !isCall(textnorm.Normalize("想要的家人们扣个1").Norm) || isCall(textnorm.Normalize("今天给大家准备了好多福利").Norm) {
		t.Error("isCall")
	}
}

func TestAnswersCall(t *testing.T) {
	r := &room{}
	runes, _ := maskNumbers(textnorm.Normalize("1").Norm, nil, nil)
	r.addCall(call{start: 1000, end: 2000, phrase: string(runes), sh: shingles(runes, nil)})
	ans := func(s string, ts int64) bool {
		runes, _, m := masked(s)
		sh := shingles(runes, nil)
		return r.answersCall(ts, m, func() []uint32 { return sh }, len(sh) <= contentFreeShingles)
	}
	if !ans("1111", 30_000) || !ans("扣1", 30_000) {
		t.Error("a flood of 1 answers 扣1")
	}
	if ans("吃了15天瘦了8斤", 30_000) {
		t.Error("a testimonial with a number does not answer 扣1")
	}
	if ans("1111", 2000+afterCall.Milliseconds()+1) {
		t.Error("too late to answer")
	}
}

// TestLexiconTermsReadAsTexts: a term is read as the texts are
// (normalised, numbers masked in masked texts, a # kept), so that terms
// written as people write them match: 扣一波 in a host's call, 第三次来买
// in a testimonial.
func TestLexiconTermsReadAsTexts(t *testing.T) {
	for _, c := range []struct {
		term string
		mask bool
		want string
	}{
		{"瘦#", true, "瘦#"}, {"第#次买", true, "第#次买"}, {"一直用", true, "#直用"}, {"痘痘没", true, "痘没"},
		{"扣一波", false, "扣1波"}, {"扣1", false, "扣1"},
	} {
		if got := readTerm(c.term, c.mask); got != c.want {
			t.Errorf("readTerm(%q, %v) = %q, want %q", c.term, c.mask, got, c.want)
		}
	}
	if _, _, m := masked("第三次来买了，质量没得说"); !isTestimonial(m) {
		t.Errorf("%q is no testimonial", m)
	}
	if _, _, m := masked("吃了十几天，几十块钱"); strings.Contains(countWords.Replace(m), "几") {
		t.Errorf("count words left a 几 in %q: %q", m, countWords.Replace(m))
	}
	if n := textnorm.Normalize("家人们扣一波").Norm; !isCall(n) {
		t.Errorf("%q is no call to action", n)
	}
}
