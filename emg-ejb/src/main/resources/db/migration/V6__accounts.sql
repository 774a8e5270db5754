-- Accounts (spec section 2): opened from a users file's BALANCE and POSTPAID the first time the file names the
-- user, never rewritten from it after. A part is paid while balance + postpaid_limit covers its price.
CREATE TABLE IF NOT EXISTS emg_account (
  username VARCHAR(64) PRIMARY KEY,
  balance NUMERIC(19,4) NOT NULL,
  postpaid_limit NUMERIC(19,4) NOT NULL,
  opened_at BIGINT NOT NULL
);
-- what a part cost its account at acceptance; null when it was free or has been refunded
ALTER TABLE emg_message ADD COLUMN IF NOT EXISTS charge NUMERIC(19,4);
