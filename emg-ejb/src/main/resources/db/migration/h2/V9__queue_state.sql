-- The claim's index held every part's state, so each state change moved the part's entry: after the send as well
-- (SUBMITTED, then DELIVERED or FAILED), where no query of the index looks. It now holds queue_state, the state while
-- the part is unsettled (QUEUED, INFLIGHT) and NULL after, computed by the database: a receipt no longer moves it
-- (bench/RESULTS.md, "Receipt keys, queue state").
ALTER TABLE emg_message ADD COLUMN queue_state SMALLINT GENERATED ALWAYS AS (CASE WHEN state IN (0, 1) THEN state END);
DROP INDEX IF EXISTS emg_message_due;
CREATE INDEX emg_message_due ON emg_message (out_connector, queue_state, priority DESC, due_at, id);
