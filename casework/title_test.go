package casework

import (
	"testing"

	"github.com/qinglang/qinglang"
)

func TestTitle(t *testing.T) {
	host := qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h1"}
	tests := []struct {
		s      qinglang.Subject
		lead   qinglang.Kind
		n      int
		zh, en string
	}{
		{host, qinglang.KindClaim, 1, "主播 h1：虚假宣传", "Host h1: false claims"},
		{host, qinglang.KindClaim, 2, "主播 h1：虚假宣传等 2 项发现", "Host h1: false claims and 1 more finding"},
		{host, qinglang.KindClaim, 3, "主播 h1：虚假宣传等 3 项发现", "Host h1: false claims and 2 more findings"},
		{host, qinglang.KindClaim, 0, "主播 h1：虚假宣传", "Host h1: false claims"},
		{qinglang.Subject{Kind: qinglang.SubjectRoom, ID: "r9"}, qinglang.KindCampaign, 1,
			"直播间 r9：虚假弹幕", "Live room r9: fake bullet comments"},
		{qinglang.Subject{Kind: qinglang.SubjectAgency, ID: "mcn"}, qinglang.KindListing, 12,
			"主播服务机构（MCN） mcn：假冒或未授权商品等 12 项发现", "Host agency (MCN) mcn: counterfeit or unauthorised goods and 11 more findings"},
		{qinglang.Subject{Kind: qinglang.SubjectMerchant, ID: "m1"}, qinglang.KindQualification, 1,
			"商家 m1：资质问题", "Merchant m1: qualification problems"},
		{qinglang.Subject{Kind: qinglang.SubjectOperator, ID: "o1"}, "pricing", 2,
			"直播间运营者 o1：pricing等 2 项发现", "Live-room operator o1: pricing and 1 more finding"},
	}
	for _, tt := range tests {
		zh, en := Title(tt.s, tt.lead, tt.n)
		if zh != tt.zh || en != tt.en {
			t.Errorf("Title(%v, %s, %d) = %q / %q, want %q / %q", tt.s, tt.lead, tt.n, zh, en, tt.zh, tt.en)
		}
	}
}

func TestRetitle(t *testing.T) {
	host := qinglang.Subject{Kind: qinglang.SubjectHost, Platform: "p1", ID: "h1"}
	c := qinglang.Case{Subject: host, Findings: []string{"f1"}}
	c.Title, c.TitleEN = Title(host, qinglang.KindListing, 1)
	for n, want := range map[int][2]string{
		1: {"主播 h1：假冒或未授权商品", "Host h1: counterfeit or unauthorised goods"},
		2: {"主播 h1：假冒或未授权商品等 2 项发现", "Host h1: counterfeit or unauthorised goods and 1 more finding"},
		5: {"主播 h1：假冒或未授权商品等 5 项发现", "Host h1: counterfeit or unauthorised goods and 4 more findings"},
	} {
		c.Findings = make([]string, n)
		got := Retitle(c)
		if got.Title != want[0] || got.TitleEN != want[1] {
			t.Errorf("%d findings: %q / %q", n, got.Title, got.TitleEN)
		}
		// Retitling again (and from any count) is stable.
		if again := Retitle(got); again.Title != got.Title || again.TitleEN != got.TitleEN {
			t.Errorf("not stable: %q", again.Title)
		}
	}
	// A title a person wrote is left alone, in each language.
	c.Title, c.TitleEN = "李某虚假宣传专案", "Host h1: "
	c.Findings = []string{"f1", "f2"}
	if got := Retitle(c); got.Title != c.Title || got.TitleEN != c.TitleEN {
		t.Errorf("a written title changed: %q / %q", got.Title, got.TitleEN)
	}
	c.Title, c.TitleEN = "主播 h1：抽检不合格", "Spot check failed"
	if got := Retitle(c); got.Title != "主播 h1：抽检不合格等 2 项发现" || got.TitleEN != "Spot check failed" {
		t.Errorf("retitled %q / %q", got.Title, got.TitleEN)
	}
}
