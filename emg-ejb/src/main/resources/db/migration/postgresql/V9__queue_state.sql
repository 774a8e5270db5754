-- As h2/V9__queue_state.sql, with PostgreSQL's stored generated column. With state out of every index, a receipt's
-- update of a submitted part changes no indexed column and can stay a heap-only (HOT) update.
ALTER TABLE emg_message ADD COLUMN queue_state SMALLINT GENERATED ALWAYS AS (CASE WHEN state IN (0, 1) THEN state END) STORED;
DROP INDEX IF EXISTS emg_message_due;
CREATE INDEX emg_message_due ON emg_message (out_connector, queue_state, priority DESC, due_at, id);
