package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"math"
	"strings"

	"github.com/qinglang/qinglang"
)

// Page sizes of Campaigns.
const (
	DefaultCampaignsLimit = 100
	MaxCampaignsLimit     = 1000
)

// campaignCursorPrefix versions the campaigns' cursor format.
const campaignCursorPrefix = "c1:"

// campaignIndexRows is how many rows one statement writes into
// campaign_members or campaign_rooms (3 bind parameters a row).
const campaignIndexRows = 500

// PutCampaign inserts the campaign rec.ID or replaces the stored one: its
// row (with a new seq: the campaigns updated last come first) and its
// member and room index rows. When the stored record is the same (every
// field but UpdatedAt; Body compared as compact JSON) nothing is written
// and it reports false. It sets rec.UpdatedAt (from Store.Now, or the
// stored one when unchanged), compacts rec.Body, removes repeated Members
// and Rooms (nil becomes an empty list) and sets an empty Platform to the
// default platform. A record without an id, with an unknown severity or a
// Body that is not JSON is an EINVALID error.
func (t *Tx) PutCampaign(ctx context.Context, rec *qinglang.CampaignRecord) (bool, error) {
	if err := prepareCampaign(rec); err != nil {
		return false, err
	}
	if err := t.open(); err != nil {
		return false, err
	}
	members, err := json.Marshal(rec.Members)
	if err != nil {
		return false, qinglang.Wrap(qinglang.EINVALID, err, "团伙 %s 的账号无法编码", "the members of campaign %s cannot be encoded", rec.ID)
	}
	rooms, err := json.Marshal(rec.Rooms)
	if err != nil {
		return false, qinglang.Wrap(qinglang.EINVALID, err, "团伙 %s 的直播间无法编码", "the rooms of campaign %s cannot be encoded", rec.ID)
	}
	row := t.tx.QueryRowContext(ctx, t.s.rebind(`SELECT platform, severity, score, first_seen_us, last_seen_us,
		updated_us, members, rooms, body FROM campaigns WHERE id = ?`), rec.ID)
	var old struct {
		platform, severity, members, rooms, body string
		score                                    float64
		first, last, updated                     int64
	}
	err = row.Scan(&old.platform, &old.severity, &old.score, &old.first, &old.last, &old.updated, &old.members, &old.rooms, &old.body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, t.s.wrap(err, "读取团伙 %s 失败", "reading campaign %s failed", rec.ID)
	default:
		if old.platform == rec.Platform && old.severity == string(rec.Severity) && old.score == rec.Score &&
			old.first == micros(rec.FirstSeen) && old.last == micros(rec.LastSeen) &&
			old.members == string(members) && old.rooms == string(rooms) && old.body == string(rec.Body) {
			rec.UpdatedAt = fromMicros(old.updated)
			return false, nil
		}
		for _, q := range []string{
			"DELETE FROM campaigns WHERE id = ?",
			"DELETE FROM campaign_members WHERE campaign_id = ?",
			"DELETE FROM campaign_rooms WHERE campaign_id = ?",
		} {
			if _, err := t.tx.ExecContext(ctx, t.s.rebind(q), rec.ID); err != nil {
				return false, t.s.wrap(err, "替换团伙 %s 失败", "replacing campaign %s failed", rec.ID)
			}
		}
	}
	rec.UpdatedAt = t.s.now()
	_, err = t.tx.ExecContext(ctx, t.s.rebind(`INSERT INTO campaigns
		(id, platform, severity, score, first_seen_us, last_seen_us, updated_us, members, rooms, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		rec.ID, rec.Platform, string(rec.Severity), rec.Score, micros(rec.FirstSeen), micros(rec.LastSeen),
		micros(rec.UpdatedAt), string(members), string(rooms), string(rec.Body))
	if err != nil {
		return false, t.s.wrap(err, "写入团伙 %s 失败", "storing campaign %s failed", rec.ID)
	}
	if err := t.putCampaignIndex(ctx, "campaign_members", "user_id", rec.ID, rec.Platform, rec.Members); err != nil {
		return false, t.s.wrap(err, "写入团伙 %s 的账号失败", "storing the members of campaign %s failed", rec.ID)
	}
	if err := t.putCampaignIndex(ctx, "campaign_rooms", "room", rec.ID, rec.Platform, rec.Rooms); err != nil {
		return false, t.s.wrap(err, "写入团伙 %s 的直播间失败", "storing the rooms of campaign %s failed", rec.ID)
	}
	return true, nil
}

// prepareCampaign checks rec and brings it to the stored form.
func prepareCampaign(rec *qinglang.CampaignRecord) error {
	if rec == nil {
		return qinglang.Errorf(qinglang.EINVALID, "团伙记录为空", "the campaign record is nil")
	}
	if rec.ID == "" {
		return qinglang.Errorf(qinglang.EINVALID, "团伙记录缺少 id", "the campaign record has no id")
	}
	if rec.Severity.Rank() == 0 {
		return qinglang.Errorf(qinglang.EINVALID, "团伙 %s 的严重度 %q 无效（low、medium、high、critical）",
			"campaign %s has an invalid severity %q (low, medium, high, critical)", rec.ID, rec.Severity)
	}
	if math.IsNaN(rec.Score) || math.IsInf(rec.Score, 0) {
		return qinglang.Errorf(qinglang.EINVALID, "团伙 %s 的评分 score 不是有限数", "campaign %s has a score that is not a finite number", rec.ID)
	}
	var body bytes.Buffer
	if err := json.Compact(&body, rec.Body); err != nil || body.Len() == 0 {
		return qinglang.Errorf(qinglang.EINVALID, "团伙 %s 的内容 body 不是有效的 JSON", "the body of campaign %s is not valid JSON", rec.ID)
	}
	rec.Body = body.Bytes()
	rec.Platform = platformOr(rec.Platform)
	rec.Members = distinct(rec.Members)
	rec.Rooms = distinct(rec.Rooms)
	return nil
}

// distinct returns ss without repeats, in order, never nil.
func distinct(ss []string) []string {
	out := make([]string, 0, len(ss))
	seen := make(map[string]bool, len(ss))
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// putCampaignIndex writes one row (key, platform, campaign) per key into
// table, whose first column is col.
func (t *Tx) putCampaignIndex(ctx context.Context, table, col, id, platform string, keys []string) error {
	for len(keys) > 0 {
		n := min(len(keys), campaignIndexRows)
		q := "INSERT INTO " + table + " (" + col + ", platform, campaign_id) VALUES (?, ?, ?)" +
			strings.Repeat(", (?, ?, ?)", n-1)
		args := make([]any, 0, 3*n)
		for _, k := range keys[:n] {
			args = append(args, k, platform, id)
		}
		if _, err := t.tx.ExecContext(ctx, t.s.rebind(q), args...); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// campaignColumns are the columns a CampaignRecord is read from, body last.
const campaignColumns = "seq, id, platform, severity, score, first_seen_us, last_seen_us, updated_us, members, rooms"

// Campaigns returns stored campaigns, the most recently updated first,
// filtered by f: Account and Room select the campaigns with that member or
// broadcast, Since those last seen at or after it; zero fields do not
// filter. f.Limit is 1..1000 and 0 means 100; a negative limit or one over
// 1000 is an EINVALID error, and so is a cursor this store did not hand
// out. Next is set when more campaigns follow; pass it as f.Cursor for the
// next page. Times come back in UTC.
func (s *Store) Campaigns(ctx context.Context, f qinglang.CampaignFilter) (qinglang.CampaignPage, error) {
	limit, err := pageLimit(f.Limit, DefaultCampaignsLimit, MaxCampaignsLimit)
	if err != nil {
		return qinglang.CampaignPage{}, err
	}
	var where []string
	var args []any
	add := func(cond string, vs ...any) {
		where = append(where, cond)
		args = append(args, vs...)
	}
	if f.Cursor != "" {
		seq, err := decodePos(campaignCursorPrefix, f.Cursor, 1, "cursor")
		if err != nil {
			return qinglang.CampaignPage{}, err
		}
		add("seq < ?", seq)
	}
	if f.Platform != "" {
		add("platform = ?", f.Platform)
	}
	if f.Severity != "" {
		add("severity = ?", string(f.Severity))
	}
	if !f.Since.IsZero() {
		add("last_seen_us >= ?", micros(f.Since))
	}
	if f.Account != "" {
		add("id IN (SELECT campaign_id FROM campaign_members WHERE user_id = ?)", f.Account)
	}
	if f.Room != "" {
		add("id IN (SELECT campaign_id FROM campaign_rooms WHERE room = ?)", f.Room)
	}
	cols := campaignColumns + ", body"
	if f.OmitBody {
		cols = campaignColumns + ", ''"
	}
	q := "SELECT " + cols + " FROM campaigns"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY seq DESC LIMIT ?"
	args = append(args, limit+1) // one more tells whether a next page exists

	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return qinglang.CampaignPage{}, s.wrap(err, "查询团伙列表失败", "listing campaigns failed")
	}
	defer rows.Close()
	page := qinglang.CampaignPage{Campaigns: []qinglang.CampaignRecord{}}
	var last int64
	for rows.Next() {
		if len(page.Campaigns) == limit {
			page.Next = encodePos(campaignCursorPrefix, last)
			break
		}
		rec, seq, err := scanCampaign(rows)
		if err != nil {
			return qinglang.CampaignPage{}, s.wrap(err, "读取团伙列表失败", "reading campaigns failed")
		}
		last = seq
		page.Campaigns = append(page.Campaigns, rec)
	}
	if err := rows.Err(); err != nil {
		return qinglang.CampaignPage{}, s.wrap(err, "读取团伙列表失败", "reading campaigns failed")
	}
	return page, nil
}

// Campaign returns the stored campaign with the id, or an ENOTFOUND error.
func (s *Store) Campaign(ctx context.Context, id string) (qinglang.CampaignRecord, error) {
	row := s.db.QueryRowContext(ctx, s.rebind("SELECT "+campaignColumns+", body FROM campaigns WHERE id = ?"), id)
	rec, _, err := scanCampaign(row)
	if errors.Is(err, sql.ErrNoRows) {
		return qinglang.CampaignRecord{}, qinglang.Errorf(qinglang.ENOTFOUND, "没有找到团伙 %s", "campaign %s not found", id)
	}
	if err != nil {
		return qinglang.CampaignRecord{}, s.wrap(err, "读取团伙 %s 失败", "reading campaign %s failed", id)
	}
	return rec, nil
}

// scanCampaign reads one row of campaignColumns and body.
func scanCampaign(row interface{ Scan(...any) error }) (qinglang.CampaignRecord, int64, error) {
	var rec qinglang.CampaignRecord
	var seq, first, last, updated int64
	var severity, members, rooms, body string
	err := row.Scan(&seq, &rec.ID, &rec.Platform, &severity, &rec.Score, &first, &last, &updated, &members, &rooms, &body)
	if err != nil {
		return rec, 0, err
	}
	rec.Severity = qinglang.Severity(severity)
	rec.FirstSeen, rec.LastSeen, rec.UpdatedAt = fromMicros(first), fromMicros(last), fromMicros(updated)
	if err := json.Unmarshal([]byte(members), &rec.Members); err != nil {
		return rec, 0, qinglang.Wrap(qinglang.EINTERNAL, err, "团伙 %s 存储的账号无法解码", "the stored members of campaign %s cannot be decoded", rec.ID)
	}
	if err := json.Unmarshal([]byte(rooms), &rec.Rooms); err != nil {
		return rec, 0, qinglang.Wrap(qinglang.EINTERNAL, err, "团伙 %s 存储的直播间无法解码", "the stored rooms of campaign %s cannot be decoded", rec.ID)
	}
	if rec.Members == nil {
		rec.Members = []string{}
	}
	if rec.Rooms == nil {
		rec.Rooms = []string{}
	}
	if body != "" {
		rec.Body = json.RawMessage(body)
	}
	return rec, seq, nil
}
