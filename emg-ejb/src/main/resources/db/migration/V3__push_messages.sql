-- WAP pushes (PAP): which message each address of a push became, so that a push-id can be asked about,
-- cancelled and refused as a duplicate while its push is pending. The unique key makes two pushes with
-- one push-id that arrive together collide, so only one is kept.
CREATE TABLE IF NOT EXISTS emg_push_message (
  message_id BIGINT PRIMARY KEY,
  in_connector VARCHAR(64) NOT NULL,
  owner VARCHAR(64) NOT NULL,
  push_id VARCHAR(255) NOT NULL,
  address_index INT NOT NULL,
  address_value VARCHAR(255) NOT NULL,
  received_at BIGINT NOT NULL,
  CONSTRAINT emg_push_message_address UNIQUE (in_connector, owner, push_id, address_index)
);
