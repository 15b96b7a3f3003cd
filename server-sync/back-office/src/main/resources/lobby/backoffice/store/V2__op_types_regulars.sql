-- Kiosks report more than check-ins (a ticket that could not be printed, lamp events), and the
-- back office names regular customers' own advisors.
ALTER TABLE tickets ADD COLUMN print_problem TEXT;
CREATE TABLE kiosk_events (
  op_id     TEXT PRIMARY KEY,
  site      TEXT NOT NULL,
  kiosk     TEXT NOT NULL,
  type      TEXT NOT NULL,
  ticket_id TEXT,
  detail    TEXT,
  at        TEXT NOT NULL
);
CREATE INDEX kiosk_events_by_site ON kiosk_events (site, at);
CREATE TABLE regulars (
  site       TEXT NOT NULL,
  plate      TEXT NOT NULL,
  advisor_id TEXT NOT NULL,
  PRIMARY KEY (site, plate)
);
