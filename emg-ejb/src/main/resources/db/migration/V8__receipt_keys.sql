-- What a receipt is matched by: the SMSC's id of a submitted part, on its outgoing connector. A table of its own,
-- written once when the id comes: as the message table's index (out_connector, smsc_id) every part had an entry
-- written at acceptance, with no id yet, and moved when the id came (bench/RESULTS.md, "Receipt keys, queue state").
CREATE TABLE IF NOT EXISTS emg_receipt_key (
  out_connector VARCHAR(64) NOT NULL,
  smsc_id VARCHAR(80) NOT NULL,
  message_id BIGINT NOT NULL,
  PRIMARY KEY (out_connector, smsc_id, message_id)
);
INSERT INTO emg_receipt_key (out_connector, smsc_id, message_id)
  SELECT out_connector, smsc_id, id FROM emg_message WHERE out_connector IS NOT NULL AND smsc_id IS NOT NULL;
DROP INDEX IF EXISTS emg_message_smsc;
