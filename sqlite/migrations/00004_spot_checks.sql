-- Recorded spot-check results (抽检) and what a failed one needs: the
-- listings of a product on every platform.

-- +goose Up

-- One row per recorded result: the result and what it led to as JSON in
-- body (package spotcheck's Stored), and the columns it is looked up and
-- filtered by. A result is recorded once (id is derived from it); seq
-- orders the results as recorded and is the paging cursor. pass is 1 for
-- a result that passed, 0 for a failed one.
CREATE TABLE spot_checks (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    product     TEXT    NOT NULL,
    batch       TEXT    NOT NULL DEFAULT '',
    platform    TEXT    NOT NULL,
    pass        INTEGER NOT NULL,
    tested_us   INTEGER NOT NULL,
    recorded_us INTEGER NOT NULL,
    body        TEXT    NOT NULL
);
-- The latest result of a product tested at or before a time
-- (LatestSpotCheck), and the results of a product (SpotChecks). The rowid
-- (seq) is part of every SQLite index.
CREATE INDEX spot_checks_product_tested ON spot_checks (product, tested_us);
CREATE INDEX spot_checks_platform_seq ON spot_checks (platform, seq);
-- The failed results, the ones published (SpotChecks, FailedOnly).
CREATE INDEX spot_checks_failed_seq ON spot_checks (seq) WHERE NOT pass;

-- The listings of a product on every platform by ts (ProductListings).
CREATE INDEX listings_product_all_ts ON listings (product, ts_us);

-- +goose Down
DROP INDEX listings_product_all_ts;
DROP TABLE spot_checks;
