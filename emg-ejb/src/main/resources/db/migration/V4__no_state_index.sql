-- Every state change rewrote this index: lease expiry now looks per connector through emg_message_due
-- (out_connector, state, ...), and without statistics H2 chose this index over the primary key for
-- "WHERE id = ? AND state IN (..)" updates, walking the whole queue per row.
DROP INDEX IF EXISTS emg_message_state;
