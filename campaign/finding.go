package campaign

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/qinglang/qinglang"
)

// Basis of campaign findings: organised fake reviews are false commercial
// publicity (Anti-Unfair Competition Law art. 9 since its 2025 revision,
// art. 8 before; it also forbids helping others to it through fake
// transactions), and Order 117 forbids
// fake reviews to rooms and hosts and organising them to agencies
// (domain.md: art. 34 and 44, confidence R).
const (
	basis   = "《中华人民共和国反不正当竞争法》第九条（2025年修订前为第八条）；《直播电商监督管理办法》第三十四条、第四十四条"
	basisEN = "Anti-Unfair Competition Law of the PRC, art. 9 (art. 8 before the 2025 revision); Live E-commerce Supervision Measures (SAMR/CAC Order 117), arts. 34 and 44"
)

// finding is Campaign.Finding.
func finding(c *Campaign) qinglang.Finding {
	accounts := make([]string, len(c.Members))
	for i, m := range c.Members {
		accounts[i] = m.User
	}
	slices.Sort(accounts)
	room := ""
	if len(c.Rooms) == 1 {
		room = c.Rooms[0].Room
	}
	ev, err := json.Marshal(c)
	if err != nil { // a Campaign always marshals; keep the finding anyway
		ev = nil
	}
	e := c.Evidence
	related, relatedEN := "", ""
	if n := len(c.Related); n > 0 {
		related = fmt.Sprintf("；与另外 %d 个团伙共用设备或网段，疑为同一团伙", n)
		relatedEN = fmt.Sprintf("; shares devices or networks with %d other campaign(s), likely the same crew", n)
	}
	afterOrder, afterOrderEN := "", ""
	if n := e.TestimonialsAfterOrder; n > 0 {
		afterOrder = fmt.Sprintf("%d 个账号下单不到 12 小时即称已见效，", n)
		afterOrderEN = fmt.Sprintf("%d claiming results within 12 hours of ordering, ", n)
	}
	mates, matesEN := "", ""
	if n := e.PhoneMates; n > 0 {
		mates = fmt.Sprintf("，%d 个账号同在团伙的手机上", n)
		matesEN = fmt.Sprintf(", %d on the crew's phones", n)
	}
	if n := e.PrefixMates; n > 0 {
		mates += fmt.Sprintf("，%d 个账号同在团伙的 IPv6 /64 上", n)
		matesEN += fmt.Sprintf(", %d on the crew's IPv6 /64", n)
	}
	return qinglang.Finding{
		ID:       c.ID,
		Kind:     qinglang.KindCampaign,
		Rule:     Rule,
		Severity: c.Severity,
		Platform: c.Platform,
		Room:     room,
		TS:       c.LastSeen,
		EventIDs: slices.Clone(c.EventIDs),
		Accounts: accounts,
		Summary: fmt.Sprintf("疑似职业弹幕团伙：%d 个账号在 %d 个直播间发布 %d 条协同评论（%d 个账号未购买却发布效果证言，%s%d 个账号共用网段，%d 个新账号%s）%s",
			e.Members, e.Rooms, e.Comments, e.TestimonialsNoBuy, afterOrder, e.SharedIP, e.NewAccounts, mates, related),
		SummaryEN: fmt.Sprintf("Suspected paid comment crew: %d accounts posted %d coordinated comments in %d rooms (%d testimonials without a purchase, %s%d sharing a network, %d new accounts%s)%s",
			e.Members, e.Comments, e.Rooms, e.TestimonialsNoBuy, afterOrderEN, e.SharedIP, e.NewAccounts, matesEN, relatedEN),
		Basis:    basis,
		BasisEN:  basisEN,
		Evidence: ev,
		DedupKey: c.ID,
	}
}
