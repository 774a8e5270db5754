-- messages whose DLR was issued: a repeated receipt or a late result must not issue a second one
CREATE TABLE IF NOT EXISTS emg_reported_message (
  message_id BIGINT PRIMARY KEY,
  reported_at BIGINT NOT NULL
);
