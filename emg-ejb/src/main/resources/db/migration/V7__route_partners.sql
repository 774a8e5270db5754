-- The other connectors a queued part may leave by when its own cannot send (a held connector, a bind down):
-- FAILOVER and LB partners and route fallbacks, as ",b,c," (RoutePartners); NULL for none.
ALTER TABLE emg_message ADD COLUMN IF NOT EXISTS partners VARCHAR(512);
