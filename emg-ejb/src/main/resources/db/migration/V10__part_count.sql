-- A message's parts have consecutive ids from its own (at most 255), so the primary key finds them by a range and the
-- parent index goes: its entry was a fifth of what H2 wrote per message of SMPP with DLRs (bench/RESULTS.md, "No parent
-- index"). part_count says how many there are, so that a part of a one-part message is known whole without a range
-- read; parts stored before it have none and are read by the whole range.
ALTER TABLE emg_message ADD COLUMN part_count SMALLINT;
DROP INDEX IF EXISTS emg_message_parent;
