-- V3: every step of a ticket's life, with its time, so that statistics are computed from what
-- happened rather than from a status that only says where a ticket ended up.
-- Times are fixed-width UTC instants as in V1. id orders events of the same instant; it is
-- SQLite's rowid here (PostgreSQL: a generated identity column).
CREATE TABLE ticket_events (
  id           INTEGER PRIMARY KEY,
  site         TEXT NOT NULL,
  ticket_id    TEXT NOT NULL REFERENCES tickets (id),
  type         TEXT NOT NULL,    -- ISSUED, LAMP_LIT, ACKNOWLEDGED, CALLED, RECALLED, TRANSFERRED, STARTED, DONE, NO_SHOW, CANCELLED, PRINT_FAILED, LAMP_ESCALATED
  at           TEXT NOT NULL,
  advisor_id   TEXT,             -- who owns the ticket after the event
  from_advisor TEXT,             -- TRANSFERRED only
  to_advisor   TEXT,             -- TRANSFERRED only
  actor        TEXT NOT NULL,    -- the user name, or the kiosk id for kiosk events
  detail       TEXT
);
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);
CREATE INDEX ticket_events_by_site ON ticket_events (site, type, at);

-- The board lists the latest calls; keeping the time on the ticket avoids a scan of events.
ALTER TABLE tickets ADD COLUMN last_called_at TEXT;
CREATE INDEX tickets_by_status ON tickets (site, day, status);

-- Tickets pushed before V3 get their ISSUED event, so their visits count.
INSERT INTO ticket_events (site, ticket_id, type, at, advisor_id, actor)
  SELECT site, id, 'ISSUED', issued_at, advisor_id, kiosk FROM tickets;
