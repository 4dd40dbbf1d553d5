package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/qinglang/qinglang"
)

// PutFinding stores a finding that changes over time (a campaign that
// grows) under f.ID, which must be set. A new id is inserted. A stored
// finding with that id is replaced when its content differs (DetectedAt
// aside): the old row is deleted and the new version inserted, so that it
// gets the next seq and comes after every finding stored before it, for
// Findings with After (a live feed resuming) as for the newest-first
// lists. The same content put again writes nothing and reports false. f's
// DetectedAt is set (from Store.Now, or the stored one when unchanged), a
// nil EventIDs becomes an empty list and an empty Platform the default
// platform.
func (t *Tx) PutFinding(ctx context.Context, f *qinglang.Finding) (bool, error) {
	if f == nil {
		return false, qinglang.Errorf(qinglang.EINVALID, "发现为空", "the finding is nil")
	}
	if f.ID == "" {
		return false, qinglang.Errorf(qinglang.EINVALID, "发现缺少 id（规则 %s）：PutFinding 按 id 保存",
			"the finding has no id (rule %s): PutFinding stores by id", f.Rule)
	}
	if err := t.open(); err != nil {
		return false, err
	}
	f.Platform = platformOr(f.Platform)
	if f.EventIDs == nil {
		f.EventIDs = []string{}
	}
	content, err := findingContent(*f)
	if err != nil {
		return false, qinglang.Wrap(qinglang.EINVALID, err, "发现 %s 无法编码为 JSON（规则 %s）", "finding %s cannot be encoded as JSON (rule %s)", f.ID, f.Rule)
	}
	var stored string
	err = t.stmt(ctx, stmtFinding).QueryRowContext(ctx, f.ID).Scan(&stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, t.s.wrap(err, "读取发现 %s 失败", "reading finding %s failed", f.ID)
	default:
		old, err := decodeFinding(stored)
		if err != nil {
			return false, err
		}
		oldContent, err := findingContent(old)
		if err != nil {
			return false, qinglang.Wrap(qinglang.EINTERNAL, err, "存储的发现 %s 无法编码", "the stored finding %s cannot be encoded", f.ID)
		}
		if bytes.Equal(content, oldContent) {
			f.DetectedAt = old.DetectedAt
			return false, nil
		}
		if _, err := t.tx.ExecContext(ctx, t.s.rebind("DELETE FROM findings WHERE id = ?"), f.ID); err != nil {
			return false, t.s.wrap(err, "替换发现 %s 失败", "replacing finding %s failed", f.ID)
		}
	}
	inserted, err := t.insertFinding(ctx, f)
	if err != nil {
		return false, err
	}
	if !inserted {
		// Another transaction wrote the same id meanwhile: try again.
		return false, qinglang.Errorf(qinglang.EUNAVAILABLE, "发现 %s 正被另一事务写入，请重试",
			"finding %s is being written by another transaction; try again", f.ID)
	}
	return true, nil
}

// findingContent is what PutFinding compares: the finding as JSON without
// DetectedAt, with an empty list for no event ids.
func findingContent(f qinglang.Finding) ([]byte, error) {
	f.DetectedAt = time.Time{}
	if f.EventIDs == nil {
		f.EventIDs = []string{}
	}
	return json.Marshal(f)
}
