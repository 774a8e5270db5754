-- The node that claimed a part from the queue, on its INFLIGHT row: a node starting again takes back at once what it
-- had claimed itself, and what another node claimed only once its lease ran out (that node may still be sending it).
-- NULL on rows claimed before this version, when one node was all there was: a start takes those back as before.
ALTER TABLE emg_queue ADD COLUMN claimed_by INTEGER;
