package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
)

// campaignsJudgeEvery is the event time between two judgements of a
// batch run, as in scan.
const campaignsJudgeEvery = 5 * time.Minute

// campaignsPage is how many events one read of the replay takes.
const campaignsPage = 5000

// campaignTypes are the event types the campaign detector uses.
var campaignTypes = []qinglang.EventType{qinglang.Comment, qinglang.Order, qinglang.Account,
	qinglang.Speech, qinglang.RoomStart, qinglang.RoomEnd}

// campaignsOptions are the flags of `qinglang campaigns`.
type campaignsOptions struct {
	dbOpts
	since    time.Duration
	until    string
	platform string
	format   string
	save     bool
}

func newCampaignsCmd() *cobra.Command {
	var o campaignsOptions
	c := &cobra.Command{
		Use:   "campaigns [--db DSN | --data-dir DIR] [--since 168h] [--until T] [--platform P] [--format text|json|ndjson] [--save]",
		Short: "对已存储的事件批量检测职业弹幕团伙 / find campaigns of coordinated comments in the stored events",
		Long: `把一个时段内已存储的事件（默认截止于最新事件的时间，向前 --since）按存储顺序回放给新的团伙检测器，
检测器先载入该时段内已存储的团伙，使团伙编号保持不变；按事件时间每 5 分钟研判一次、结束时再研判一次，然后输出团伙：
text 为每个团伙的中英文摘要（编号、严重度、评分、账号、直播间、证据数字、话术示例），json 为数组，ndjson 每行一个团伙（与 GET /v1/campaigns/{id} 相同）。
--save 把团伙及其发现写回存储（只写有变化的）。可与运行中的 serve 共用同一数据库。
Replays the events stored in a period (ending at the latest stored event time unless --until, going
back --since) in the order stored through a fresh campaign detector, seeded with the campaigns
stored for the period so that their ids are kept; judges every 5 minutes of event time and at the
end, then prints the campaigns: text, a bilingual summary per campaign (id, severity, score,
members, rooms, evidence numbers, example scripts); json, an array; ndjson, one campaign a line
(as GET /v1/campaigns/{id} answers). --save stores the campaigns and their findings (those that
changed). It may run beside a serve using the same database.

退出码 / exit: 0 无团伙 no campaigns, 1 有团伙 campaigns found, 2 用法错误 usage, 3 失败 failure.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			until, err := o.check()
			if err != nil {
				return err
			}
			store, err := o.open(c.Context(), false)
			if err != nil {
				return err
			}
			defer store.Close()
			found, err := runCampaigns(c.Context(), store, newCampaignDetector(0, nil), o, until, c.OutOrStdout(), c.ErrOrStderr())
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			if found > 0 {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	o.dbOpts.flags(c)
	f := c.Flags()
	f.DurationVar(&o.since, "since", 7*24*time.Hour, "时段长度（向前）/ length of the period, going back")
	f.StringVar(&o.until, "until", "", "时段终点（RFC 3339，不含）；默认最新存储事件的时间 / end of the period (RFC 3339, exclusive); default: the latest stored event time")
	f.StringVar(&o.platform, "platform", "", "只看这个平台 / only this platform")
	f.StringVar(&o.format, "format", "text", "输出格式 output format: text, json, ndjson")
	f.BoolVar(&o.save, "save", false, "把团伙及其发现写回存储 / store the campaigns and their findings")
	return c
}

// check validates the flags and returns --until (zero when not given).
func (o *campaignsOptions) check() (time.Time, error) {
	switch o.format {
	case "text", "json", "ndjson":
	default:
		return time.Time{}, usageError("未知输出格式 %q（text、json、ndjson）/ unknown format %q (text, json, ndjson)", o.format, o.format)
	}
	if o.since <= 0 {
		return time.Time{}, usageError("--since 须大于 0（例如 168h）/ --since must be > 0 (for example 168h)")
	}
	if o.until == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, o.until)
	if err != nil {
		return time.Time{}, usageError("--until %q 不是带时区的 RFC 3339 时间（例如 2025-06-12T20:00:00+08:00）/ --until %q is not an RFC 3339 time with offset (for example 2025-06-12T20:00:00+08:00)", o.until, o.until)
	}
	return t, nil
}

// runCampaigns replays the period's stored events through det (seeded with
// the campaigns stored for the period), prints the campaigns found in
// o.format, stores them with o.save, and returns how many it printed. A
// zero until means the latest stored event time.
func runCampaigns(ctx context.Context, store qinglang.Store, det qinglang.CampaignDetector, o campaignsOptions,
	until time.Time, out, errw io.Writer) (int, error) {
	if until.IsZero() {
		mark, err := store.EventMark(ctx)
		if err != nil {
			return 0, err
		}
		if mark.Latest.IsZero() {
			fmt.Fprintln(errw, "存储中没有事件 / no events are stored")
			return 0, writeCampaigns(out, o.format, nil)
		}
		until = mark.Latest.Add(time.Microsecond) // the period includes the latest event
	}
	from := until.Add(-o.since)
	var restored []qinglang.CampaignRecord
	for cursor := ""; ; {
		page, err := store.Campaigns(ctx, qinglang.CampaignFilter{Platform: o.platform, Since: from, Cursor: cursor, Limit: 1000})
		if err != nil {
			return 0, err
		}
		restored = append(restored, page.Campaigns...)
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if err := det.Restore(restored); err != nil {
		fmt.Fprintf(errw, "警告：部分已存储的团伙无法载入，将从事件中重新发现 / warning: some stored campaigns could not be loaded; they are found again from the events: %v\n", err)
	}
	found := map[string]qinglang.CampaignChange{}
	judge := func(now time.Time) {
		for _, ch := range det.Judge(now) {
			if prev, ok := found[ch.Record.ID]; ok {
				ch = keepFlags(prev, ch)
			}
			found[ch.Record.ID] = ch
		}
	}
	var next time.Time
	replayed := 0
	for after := ""; ; {
		evs, more, err := store.ScanEvents(ctx, qinglang.EventScan{Platform: o.platform, Types: campaignTypes,
			From: from, To: until, After: after, Limit: campaignsPage})
		if err != nil {
			return 0, err
		}
		for i := range evs {
			det.Observe(&evs[i])
			switch ts := evs[i].TS; {
			case next.IsZero():
				next = ts.Add(campaignsJudgeEvery)
			case !ts.Before(next):
				judge(time.Time{})
				next = ts.Add(campaignsJudgeEvery)
			}
		}
		replayed += len(evs)
		if after = more; after == "" {
			break
		}
		if err := ctx.Err(); err != nil {
			return 0, qinglang.Wrap(qinglang.EUNAVAILABLE, err, "已取消", "cancelled")
		}
	}
	judge(time.Time{})
	for _, ch := range det.Campaigns() { // the current state, restored campaigns included
		found[ch.Record.ID] = keepFlags(found[ch.Record.ID], ch)
	}
	chosen := campaignsIn(found, o.platform, from, until)
	if err := writeCampaigns(out, o.format, chosen); err != nil {
		return 0, &exitError{code: exitFailure, err: fmt.Errorf("写出团伙失败 / writing the campaigns failed: %w", err)}
	}
	fmt.Fprintf(errw, "时段 period %s – %s；回放事件 %d 条，载入已存团伙 %d 个，团伙 %d 个 / replayed %d events, loaded %d stored campaigns, %d campaigns\n",
		from.Format(time.RFC3339), until.Format(time.RFC3339), replayed, len(restored), len(chosen), replayed, len(restored), len(chosen))
	if o.save {
		changed, err := saveCampaigns(ctx, store, chosen)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(errw, "已保存 %d 个团伙，其中 %d 个有变化 / saved %d campaigns, %d of them changed\n", len(chosen), changed, len(chosen), changed)
	}
	return len(chosen), nil
}

// keepFlags returns cur with the New and Added of the changes reported for
// the same campaign during the run (reported holds those before cur): a
// campaign new in the run stays new, and the accounts added add up.
func keepFlags(reported, cur qinglang.CampaignChange) qinglang.CampaignChange {
	cur.New = reported.New || cur.New
	added := slices.Clone(reported.Added)
	for _, u := range cur.Added {
		if !slices.Contains(added, u) {
			added = append(added, u)
		}
	}
	slices.Sort(added)
	cur.Added = added
	return cur
}

// campaignsIn returns the campaigns of the platform (any when empty) that
// were active in [from, until), the last seen first.
func campaignsIn(found map[string]qinglang.CampaignChange, platform string, from, until time.Time) []qinglang.CampaignChange {
	var out []qinglang.CampaignChange
	for _, ch := range found {
		r := ch.Record
		if (platform == "" || r.Platform == platform) && !r.LastSeen.Before(from) && r.FirstSeen.Before(until) {
			out = append(out, ch)
		}
	}
	slices.SortFunc(out, func(a, b qinglang.CampaignChange) int {
		if c := b.Record.LastSeen.Compare(a.Record.LastSeen); c != 0 {
			return c
		}
		return cmp.Compare(a.Record.ID, b.Record.ID)
	})
	return out
}

// saveCampaigns stores each campaign and its finding, one transaction
// each, and returns how many changed.
func saveCampaigns(ctx context.Context, store qinglang.Store, cs []qinglang.CampaignChange) (int, error) {
	changed := 0
	for i := range cs {
		tx, err := store.Begin(ctx)
		if err != nil {
			return changed, err
		}
		rec, f := cs[i].Record, cs[i].Finding
		c1, err := tx.PutCampaign(ctx, &rec)
		var c2 bool
		if err == nil {
			c2, err = tx.PutFinding(ctx, &f)
		}
		if err == nil {
			err = tx.Commit()
		}
		if err != nil {
			_ = tx.Rollback()
			return changed, err
		}
		if c1 || c2 {
			changed++
		}
	}
	return changed, nil
}

// writeCampaigns prints the campaigns: their whole state as JSON (an array
// or a line each), or a readable summary each.
func writeCampaigns(w io.Writer, format string, cs []qinglang.CampaignChange) error {
	switch format {
	case "json":
		bodies := make([]json.RawMessage, len(cs))
		for i := range cs {
			bodies[i] = cs[i].Record.Body
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(bodies)
	case "ndjson":
		for i := range cs {
			if _, err := fmt.Fprintf(w, "%s\n", cs[i].Record.Body); err != nil {
				return err
			}
		}
		return nil
	}
	return writeCampaignsText(w, cs)
}
