-- Every state change rewrote these indexes: lease expiry and the VP sweep now look per connector through
-- emg_message_due (out_connector, state, ...), and without statistics H2 chose the state index over the
-- primary key for "WHERE id = ? AND state IN (..)" updates, walking the whole queue per row.
DROP INDEX IF EXISTS emg_message_state;
DROP INDEX IF EXISTS emg_message_expiry;
