-- What purging the evidence past its retention needs: the findings by ts.

-- +goose Up

-- Findings by ts: the findings older than the retention (PurgeEvidence),
-- in (ts, seq) order. The rowid (seq) is part of every SQLite index.
CREATE INDEX findings_ts ON findings (ts_us);

-- +goose Down
DROP INDEX findings_ts;
