-- +goose Up
-- GET /v1/rooms lists broadcasts most recently active first, across
-- platforms or on one: these indexes serve both orders without a sort.
CREATE INDEX rooms_last_ts ON rooms (last_ts_us DESC, platform, room);
CREATE INDEX rooms_platform_last_ts ON rooms (platform, last_ts_us DESC, room);

-- +goose Down
DROP INDEX rooms_platform_last_ts;
DROP INDEX rooms_last_ts;
