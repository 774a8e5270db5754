-- The schema as it was before versioning, statement for statement: created where absent, so a database
-- from then upgrades untouched and only records this version.

-- The message table: queue and message log at once (ARCHITECTURE.md). One row per message part; the
-- options live in one column, only what queries need is a column of its own.
CREATE TABLE IF NOT EXISTS emg_message (
  id BIGINT PRIMARY KEY,
  parent_id BIGINT NOT NULL,
  state SMALLINT NOT NULL,
  in_connector VARCHAR(64) NOT NULL,
  out_connector VARCHAR(64),
  priority SMALLINT NOT NULL,
  due_at BIGINT NOT NULL,
  lease_until BIGINT,
  attempts INT NOT NULL,
  destaddr VARCHAR(32),
  username VARCHAR(64),
  smsc_id VARCHAR(80),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  options VARCHAR(1000000) NOT NULL
);
-- in the claim's ORDER BY, so that FETCH FIRST n reads n rows, not the whole queue
DROP INDEX IF EXISTS emg_message_queue;
CREATE INDEX IF NOT EXISTS emg_message_due ON emg_message (out_connector, state, priority DESC, due_at, id);
-- VP as a point in time: a part still queued after it is EXPIRED instead of sent
ALTER TABLE emg_message ADD COLUMN IF NOT EXISTS expires_at BIGINT;
CREATE INDEX IF NOT EXISTS emg_message_smsc ON emg_message (out_connector, smsc_id);
CREATE INDEX IF NOT EXISTS emg_message_parent ON emg_message (parent_id);
CREATE INDEX IF NOT EXISTS emg_message_state ON emg_message (state, lease_until);

-- receipts that arrived before the submit_sm_resp they belong to was recorded
CREATE TABLE IF NOT EXISTS emg_early_receipt (
  out_connector VARCHAR(64) NOT NULL,
  smsc_id VARCHAR(80) NOT NULL,
  state SMALLINT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (out_connector, smsc_id)
);

-- one row per outgoing connector: recording submit results and matching receipts take turns on it
CREATE TABLE IF NOT EXISTS emg_connector_turn (
  connector VARCHAR(64) PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS emg_id_block (
  node_id INT PRIMARY KEY,
  next_seq BIGINT NOT NULL
);
