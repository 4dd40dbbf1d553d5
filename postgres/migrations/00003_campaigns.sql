-- Campaigns (coordinated comment crews) and what replaying stored events
-- across rooms needs.

-- +goose Up

-- One row per campaign: its current state as JSON in body (package
-- campaign's Campaign), and the columns it is listed and filtered by.
-- seq orders the campaigns by their last update and is the paging cursor:
-- a campaign that changes is written again with a new seq. members and
-- rooms are JSON arrays of ids; campaign_members and campaign_rooms index
-- them.
CREATE TABLE campaigns (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    platform      TEXT    NOT NULL,
    severity      TEXT    NOT NULL,
    score         DOUBLE PRECISION NOT NULL,
    first_seen_us BIGINT  NOT NULL,
    last_seen_us  BIGINT  NOT NULL,
    updated_us    BIGINT  NOT NULL,
    members       TEXT    NOT NULL,
    rooms         TEXT    NOT NULL,
    body          TEXT    NOT NULL
);
CREATE INDEX campaigns_platform_seq ON campaigns (platform, seq);
CREATE INDEX campaigns_last_seen ON campaigns (last_seen_us);

-- The accounts of each campaign: which campaigns an account is in.
CREATE TABLE campaign_members (
    user_id     TEXT NOT NULL,
    platform    TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    PRIMARY KEY (user_id, platform, campaign_id)
);
CREATE INDEX campaign_members_campaign ON campaign_members (campaign_id);

-- The broadcasts of each campaign: which campaigns commented in a room.
CREATE TABLE campaign_rooms (
    room        TEXT NOT NULL,
    platform    TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    PRIMARY KEY (room, platform, campaign_id)
);
CREATE INDEX campaign_rooms_campaign ON campaign_rooms (campaign_id);

-- Events by ts across rooms: where a replay of a time window starts
-- (ScanEvents) and the latest event time (EventMark); seq in the index
-- lets both be answered from the index alone.
CREATE INDEX events_ts ON events (ts_us, seq);

-- +goose Down
DROP INDEX events_ts;
DROP TABLE campaign_rooms;
DROP TABLE campaign_members;
DROP TABLE campaigns;
