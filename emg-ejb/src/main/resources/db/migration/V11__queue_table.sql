-- The claim's index leaves the message table: every part had an entry there, also the parts handed to their
-- dispatcher in memory that no claim ever reads (each original and each DLR; a quarter of what H2 wrote per message of
-- SMPP with DLRs, bench/RESULTS.md, "No parent index"). emg_queue holds a row per part waiting to be claimed (QUEUED)
-- or claimed from it (INFLIGHT); a part handed over in memory is found after a crash by its hand-over range instead.
-- Parts unsettled now are copied in, INFLIGHT ones included: start-up requeues those as it did.
CREATE TABLE emg_queue (
  id BIGINT PRIMARY KEY,
  out_connector VARCHAR(64),
  queue_state SMALLINT NOT NULL,
  priority SMALLINT NOT NULL,
  due_at BIGINT NOT NULL
);
INSERT INTO emg_queue (id, out_connector, queue_state, priority, due_at)
  SELECT id, out_connector, state, priority, due_at FROM emg_message WHERE state IN (0, 1);
-- in the claim's ORDER BY, so that FETCH FIRST n reads n rows, not the whole queue
CREATE INDEX emg_queue_due ON emg_queue (out_connector, queue_state, priority DESC, due_at, id);
-- Ids of parts inserted INFLIGHT and handed over in memory, first to last (other rows may lie between), under the
-- lease of those parts: deleted with the last of them to settle; one whose lease ran out is recovered by its range.
CREATE TABLE emg_hand_over (
  first_id BIGINT PRIMARY KEY,
  last_id BIGINT NOT NULL,
  lease_until BIGINT NOT NULL
);
DROP INDEX IF EXISTS emg_message_due;
ALTER TABLE emg_message DROP COLUMN queue_state;
