-- What purging the evidence past its retention needs: the findings by ts.

-- +goose Up

-- Findings by ts: the findings older than the retention (PurgeEvidence),
-- in (ts, seq) order; seq in the index orders equal ts without a sort.
CREATE INDEX findings_ts ON findings (ts_us, seq);

-- +goose Down
DROP INDEX findings_ts;
