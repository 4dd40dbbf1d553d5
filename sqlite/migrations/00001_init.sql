-- Qinglang store schema, SQLite dialect. Times are UTC unix microseconds
-- (ts_us and *_us columns) so that ordering and range queries are correct
-- across offsets; an event's original offset is kept in its JSON body.

-- +goose Up

-- Every accepted event, as evidence, its JSON in body. An event with an
-- id is known by (platform, event_id) and its origin (where in the log it
-- came from) is not kept: origin is NULL. An event without an id is known
-- by its origin. Either key is unique: a re-delivered event is not stored
-- twice. Columns beside body are only those the queries filter on.
CREATE TABLE events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT    NOT NULL,
    room     TEXT    NOT NULL DEFAULT '',
    type     TEXT    NOT NULL,
    ts_us    INTEGER NOT NULL,
    event_id TEXT,
    origin   TEXT,
    body     TEXT    NOT NULL
);
CREATE UNIQUE INDEX events_platform_event_id ON events (platform, event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX events_origin ON events (origin) WHERE origin IS NOT NULL;
-- Events of a room by ts (Events). Room counts them by type in
-- room_events, not through an index here: one index less per event.
CREATE INDEX events_room_ts ON events (platform, room, ts_us);

-- Paid orders, for price and sales cross-checks (LowestOrder, LastOrderBefore).
CREATE TABLE orders (
    event_seq      INTEGER PRIMARY KEY,
    platform       TEXT    NOT NULL,
    product        TEXT    NOT NULL,
    ts_us          INTEGER NOT NULL,
    ts_off         INTEGER NOT NULL,
    unit_price_fen INTEGER NOT NULL,
    qty            INTEGER NOT NULL,
    amount_fen     INTEGER NOT NULL,
    event_id       TEXT    NOT NULL DEFAULT '',
    room           TEXT    NOT NULL DEFAULT '',
    user_id        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX orders_product_ts ON orders (platform, product, ts_us);

-- Price history: every listing event. listings_product_ts serves both
-- Listings and ComparedListings (a range of ts).
CREATE TABLE listings (
    event_seq          INTEGER PRIMARY KEY,
    platform           TEXT    NOT NULL,
    product            TEXT    NOT NULL,
    ts_us              INTEGER NOT NULL,
    price_fen          INTEGER NOT NULL,
    original_price_fen INTEGER,
    merchant           TEXT    NOT NULL DEFAULT '',
    category           TEXT    NOT NULL DEFAULT '',
    title              TEXT    NOT NULL DEFAULT '',
    brand              TEXT    NOT NULL DEFAULT '',
    room               TEXT    NOT NULL DEFAULT '',
    event_id           TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX listings_product_ts ON listings (platform, product, ts_us);

-- The latest account event (by ts) of each user.
CREATE TABLE accounts (
    platform      TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    ts_us         INTEGER NOT NULL,
    created_at_us INTEGER,
    followers     INTEGER,
    event_seq     INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id)
);

-- One row per broadcast, kept up to date by every event of it.
CREATE TABLE rooms (
    platform      TEXT    NOT NULL,
    room          TEXT    NOT NULL,
    host          TEXT,
    operator      TEXT,
    merchant      TEXT,
    agency        TEXT,
    title         TEXT,
    started_at_us INTEGER,
    ended_at_us   INTEGER,
    first_ts_us   INTEGER NOT NULL,
    last_ts_us    INTEGER NOT NULL,
    PRIMARY KEY (platform, room)
);

-- The number of stored events of each room by type, kept up to date by
-- every transaction that stores events of the room.
CREATE TABLE room_events (
    platform TEXT    NOT NULL,
    room     TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (platform, room, type)
) WITHOUT ROWID;

-- Findings; seq orders them as stored and is the paging cursor.
CREATE TABLE findings (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL,
    rule        TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    platform    TEXT    NOT NULL,
    room        TEXT    NOT NULL DEFAULT '',
    ts_us       INTEGER NOT NULL,
    detected_us INTEGER NOT NULL,
    body        TEXT    NOT NULL
);
CREATE INDEX findings_platform_seq ON findings (platform, seq);
CREATE INDEX findings_room_seq ON findings (platform, room, seq);

-- +goose Down
DROP TABLE findings;
DROP TABLE room_events;
DROP TABLE rooms;
DROP TABLE accounts;
DROP TABLE listings;
DROP TABLE orders;
DROP TABLE events;
