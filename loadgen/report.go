package loadgen

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Text renders the report for people, with labels in Chinese and English.
func (r Report) Text() string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }

	line("清朗压测报告 / Qinglang load report")
	line("  目标 target:              %s（运行编号 run id %s）", r.URL, r.RunID)
	if r.Canceled {
		line("  注意 note:                运行被中断，以下为中断前的结果 / the run was interrupted; figures are up to that point")
	}
	line("  用时 elapsed:             %s（发送 sending %s）", fmtDur(r.Elapsed), fmtDur(r.SendPhase))
	line("  事件 events:              发送 sent %d = 接受 accepted %d + 拒绝 rejected %d + 失败 failed %d",
		r.Sent, r.Accepted, r.Rejected, r.Failed)
	line("  吞吐 throughput:          %.1f 事件/秒 events/s（已接受 accepted）", r.EventsPerSec)
	if r.Rate > 0 {
		line("  速率 rate:                给定 offered %.1f/s，实际发送 achieved %.1f/s", r.Rate, r.SendRate)
		if r.Behind {
			line("  注意 note:                服务器跟不上给定速率 / the server was slower than the offered rate")
		}
	} else {
		line("  速率 rate:                不限速 unlimited，实际发送 achieved %.1f/s", r.SendRate)
	}
	if len(r.FailedPosts) > 0 {
		causes := make([]string, 0, len(r.FailedPosts))
		for k, v := range r.FailedPosts {
			causes = append(causes, fmt.Sprintf("%s ×%d", k, v))
		}
		slices.Sort(causes)
		line("  失败的请求 failed POSTs:  %s", strings.Join(causes, "，"))
	}
	if r.LastError != "" {
		line("  最后错误 last error:      %s", r.LastError)
	}
	line("  请求往返 POST round trip: p50 %s  p99 %s%s", fmtDur(r.PostP50), fmtDur(r.PostP99), sampledNote(r.PostSampled))

	if r.Probes == 0 && r.ProbesLost == 0 && r.ProbesMatched == 0 {
		line("  探针 probes:              无 none（未测量延迟 latency not measured）")
		return b.String()
	}
	line("  探针 probes:              已送达 delivered %d，匹配 matched %d，未匹配 unmatched %d，丢失 lost %d",
		r.Probes, r.ProbesMatched, r.ProbesUnmatched, r.ProbesLost)
	if r.ProbesUnmatched > 0 {
		line("  注意 note:                %d 个探针在等待 %s 后仍无发现 / %d probes had no finding after waiting %s",
			r.ProbesUnmatched, fmtDur(r.Wait), r.ProbesUnmatched, fmtDur(r.Wait))
	}
	if r.ProbesLost > 0 {
		line("  注意 note:                %d 个探针所在请求失败或被拒绝，不计入延迟 / %d probes were in failed POSTs or rejected and are not in the latency",
			r.ProbesLost, r.ProbesLost)
	}
	if r.StreamDrops > 0 {
		line("  注意 note:                发现流断开并重连 %d 次，期间的发现可能漏收 / the finding stream dropped %d times; findings in between may be missed",
			r.StreamDrops, r.StreamDrops)
	}
	if r.ProbesMatched > 0 {
		line("  摄入到发现 ingest→finding: p50 %s  p95 %s  p99 %s  max %s%s",
			fmtDur(r.LatencyP50), fmtDur(r.LatencyP95), fmtDur(r.LatencyP99), fmtDur(r.LatencyMax), sampledNote(r.LatencySampled))
	}
	if r.OtherFindings > 0 {
		line("  其他发现 other findings:  %d", r.OtherFindings)
	}
	return b.String()
}

// sampledNote marks percentiles estimated from a reservoir.
func sampledNote(sampled bool) string {
	if !sampled {
		return ""
	}
	return fmt.Sprintf("（按 %d 个样本估计 estimated from %d samples）", MaxSamples, MaxSamples)
}

// fmtDur rounds d for reading: microseconds below a millisecond, a tenth
// of a millisecond below a second, milliseconds above.
func fmtDur(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	case d < time.Second:
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}
