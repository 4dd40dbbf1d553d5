-- Indexes for counting orders (UserOrders, RoomOrders): the orders of a
-- buyer and the orders of a room, each by ts.

-- +goose Up
CREATE INDEX orders_user_ts ON orders (platform, user_id, ts_us);
CREATE INDEX orders_room_ts ON orders (platform, room, ts_us);

-- +goose Down
DROP INDEX orders_room_ts;
DROP INDEX orders_user_ts;
