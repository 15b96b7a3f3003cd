-- V5: what the sync protocol keeps on the kiosk.
-- Ops the back office refused for good (dead letters): kept for staff, no longer sent.
ALTER TABLE outbox ADD COLUMN rejected_at TEXT;
ALTER TABLE outbox ADD COLUMN rejection TEXT;
-- Blocks of ticket numbers the back office leased to this kiosk; next is the next to give out.
CREATE TABLE leases (
  day    TEXT    NOT NULL,
  series TEXT    NOT NULL,
  first  INTEGER NOT NULL,
  last   INTEGER NOT NULL,
  next   INTEGER NOT NULL,
  PRIMARY KEY (day, series, first)
);
-- Whether the kiosk's clock was synchronised with the server's when the ticket was issued.
ALTER TABLE tickets ADD COLUMN clock_synced INTEGER NOT NULL DEFAULT 1;
