package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/campaign"
)

// Bounds of the text summary.
const (
	textMembers  = 20 // accounts named per campaign
	textRooms    = 10 // rooms named per campaign
	textExamples = 3  // example scripts per campaign
)

// writeCampaignsText prints a bilingual summary of each campaign: id,
// severity, score, when, members, rooms, the evidence numbers and example
// scripts.
func writeCampaignsText(w io.Writer, cs []qinglang.CampaignChange) error {
	if len(cs) == 0 {
		_, err := fmt.Fprintln(w, "没有发现团伙 / no campaigns")
		return err
	}
	var b strings.Builder
	for i := range cs {
		if i > 0 {
			b.WriteString("\n")
		}
		var c campaign.Campaign
		if err := json.Unmarshal(cs[i].Record.Body, &c); err != nil {
			fmt.Fprintf(&b, "团伙 campaign %s：内容无法读取 / its state cannot be read: %v\n", cs[i].Record.ID, err)
			continue
		}
		summarise(&b, &c, cs[i])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// summarise writes one campaign's summary.
func summarise(b *strings.Builder, c *campaign.Campaign, ch qinglang.CampaignChange) {
	state := ""
	switch {
	case ch.New:
		state = "  【新 new】"
	case len(ch.Added) > 0:
		state = fmt.Sprintf("  【新增 %d 个账号 grew by %d】", len(ch.Added), len(ch.Added))
	}
	fmt.Fprintf(b, "团伙 campaign %s  严重度 severity %s  评分 score %.2f  平台 platform %s%s\n",
		c.ID, c.Severity, c.Score, c.Platform, state)
	fmt.Fprintf(b, "  时间 seen: %s – %s\n", c.FirstSeen.Format(time.RFC3339), c.LastSeen.Format(time.RFC3339))
	users := make([]string, len(c.Members))
	for i, m := range c.Members {
		users[i] = m.User
	}
	fmt.Fprintf(b, "  账号 members (%d): %s\n", len(users), listSome(users, textMembers))
	rooms := make([]string, len(c.Rooms))
	for i, r := range c.Rooms {
		rooms[i] = fmt.Sprintf("%s（%d 个账号 accounts，%d 条评论 comments，占 share %.0f%%）", r.Room, r.Members, r.Comments, 100*r.Share)
	}
	fmt.Fprintf(b, "  直播间 rooms (%d): %s\n", len(rooms), listSome(rooms, textRooms))
	e := c.Evidence
	age := "未知 unknown"
	if e.MedianAgeDays >= 0 {
		age = fmt.Sprintf("%.1f 天 days", e.MedianAgeDays)
	}
	fmt.Fprintf(b, "  证据 evidence: 协同评论 comments %d；商家 merchants %d；共用网段 sharing a network %d（网段 nets %d）；共用设备 sharing a device %d（同在团伙手机 on the crew's phones %d）；同在团伙 IPv6 /64 on the crew's /64 %d\n",
		e.Comments, e.Merchants, e.SharedIP, e.DistinctNets, e.SharedDevice, e.PhoneMates, e.PrefixMates)
	fmt.Fprintf(b, "    新账号 new accounts %d（账龄中位数 median age %s）；下过单 purchasers %d；未购买却发效果证言 testimonials without a purchase %d；下单不到 12 小时即称已见效 claiming results within 12 hours of ordering %d；自相矛盾 contradicting %d\n",
		e.NewAccounts, age, e.Purchasers, e.TestimonialsNoBuy, e.TestimonialsAfterOrder, e.Contradicting)
	fmt.Fprintf(b, "    同步度 synchrony %.2f；集中爆发 in bursts %d；专属话术网 tied by private scripts %d；喊话后 2 分钟内 within 2 min of a call to action %.0f%%；占直播间评论 share of the rooms' comments %.0f%%\n",
		e.Synchrony, e.Bursts, e.ScriptWeb, 100*e.AfterCallShare, 100*e.RoomShare)
	if len(c.Related) > 0 {
		rel := make([]string, len(c.Related))
		for i, r := range c.Related {
			rel[i] = fmt.Sprintf("%s（%s；共用设备 devices %d，网段 networks %d：%s）", r.ID, r.Platform,
				len(r.Devices), len(r.Networks), strings.Join(append(slices.Clone(r.Networks), r.Devices...)[:min(3, len(r.Networks)+len(r.Devices))], ", "))
		}
		fmt.Fprintf(b, "  关联团伙 related campaigns (%d): %s\n", len(rel), listSome(rel, textRooms))
	}
	if len(c.Scripts) > 0 {
		b.WriteString("  话术示例 example scripts:\n")
		for _, s := range c.Scripts[:min(len(c.Scripts), textExamples)] {
			ex := "—"
			if len(s.Examples) > 0 {
				ex = s.Examples[0]
			}
			fmt.Fprintf(b, "    「%s」（%d 个账号 accounts，%d 条 comments，%d 个直播间 rooms，团伙外 %d 个账号也发过 others）\n",
				ex, s.Members, s.Comments, s.Rooms, s.Others)
		}
	}
	for _, m := range c.Members {
		if len(m.Contradictions) > 0 {
			p := m.Contradictions[0]
			fmt.Fprintf(b, "  自相矛盾 contradiction: %s 「%s」 vs 「%s」\n", m.User, p[0], p[1])
			break
		}
	}
}

// listSome joins at most n items, saying how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" … 等另外 %d 个 / and %d more", len(items)-n, len(items)-n)
}
