-- V7: kiosk and back office keep one queue (issue 6).
-- A rejected op is stored too, with its reason: its seq counts as received (the kiosk's later
-- ops are taken only after it, without gaps) and a retry gets the same answer. Null: applied.
ALTER TABLE applied_ops ADD COLUMN rejection TEXT;

-- The kiosk's clock as it issued the ticket, and the server's as the check-in arrived. A kiosk
-- that had not synchronised its clock (clock_synced 0) may be hours off: its ticket's events
-- are then timed by received_at. Tickets pushed before V7 count as synchronised.
ALTER TABLE tickets ADD COLUMN hlc TEXT;
ALTER TABLE tickets ADD COLUMN clock_synced INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tickets ADD COLUMN received_at TEXT;
-- A number given twice the same day is looked for at every check-in.
CREATE INDEX tickets_by_number ON tickets (site, day, number);

-- Ticket numbers leased to kiosks: per site, day and series the next number nobody holds
-- (1-999), and every block granted, for the record.
CREATE TABLE number_leases (
  site      TEXT    NOT NULL,
  day       TEXT    NOT NULL,
  series    TEXT    NOT NULL,  -- A, B or U (lobby.checkin.Ticket.series)
  next_free INTEGER NOT NULL,
  PRIMARY KEY (site, day, series)
);
CREATE TABLE number_grants (
  site         TEXT    NOT NULL,
  day          TEXT    NOT NULL,
  series       TEXT    NOT NULL,
  kiosk        TEXT    NOT NULL,
  first_number INTEGER NOT NULL,
  last_number  INTEGER NOT NULL,
  granted_at   TEXT    NOT NULL,
  PRIMARY KEY (site, day, series, first_number)
);
-- Each kiosk's letter for its own fallback series when it runs out of leased numbers offline;
-- given on its first lease request and kept for good.
CREATE TABLE kiosk_marks (
  site  TEXT NOT NULL,
  kiosk TEXT NOT NULL,
  mark  TEXT NOT NULL,
  PRIMARY KEY (site, kiosk),
  UNIQUE (site, mark)
);
