-- The last delivery report of each part, for /bin/status: the MESSAGESTATE it reported (a receipt's, or the
-- gateway's own for connectors without receipts and for VP expiry), when, and the SMSC's error if it gave one.
ALTER TABLE emg_message ADD COLUMN IF NOT EXISTS report_state VARCHAR(16);
ALTER TABLE emg_message ADD COLUMN IF NOT EXISTS report_at BIGINT;
ALTER TABLE emg_message ADD COLUMN IF NOT EXISTS report_error VARCHAR(16);
-- a receipt that overtook its submit_sm_resp keeps the same until it is applied
ALTER TABLE emg_early_receipt ADD COLUMN IF NOT EXISTS report_state VARCHAR(16);
ALTER TABLE emg_early_receipt ADD COLUMN IF NOT EXISTS report_error VARCHAR(16);
-- the DLR message issued for a message, when it had a way back
ALTER TABLE emg_reported_message ADD COLUMN IF NOT EXISTS dlr_id BIGINT;
-- queued parts whose VP ran out, found by the expiry sweep without reading the whole queue
CREATE INDEX IF NOT EXISTS emg_message_expiry ON emg_message (state, expires_at);
