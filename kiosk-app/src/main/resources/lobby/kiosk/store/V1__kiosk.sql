-- The kiosk's own store: what it last received from the back office, its queue, and the
-- outbox of actions not yet acknowledged by the back office.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE advisors (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  desk     INTEGER NOT NULL,
  lamp_pin INTEGER NOT NULL,
  duty     TEXT NOT NULL
);
CREATE TABLE appointments (
  id            TEXT PRIMARY KEY,
  site_id       TEXT NOT NULL,
  day           TEXT NOT NULL,
  time          TEXT NOT NULL,
  plate         TEXT NOT NULL,
  plate_key     TEXT NOT NULL,
  customer_name TEXT,
  kind          TEXT NOT NULL,
  advisor_id    TEXT
);
CREATE INDEX appointments_by_plate ON appointments (plate_key, day);
CREATE TABLE counters (
  day    TEXT NOT NULL,
  series TEXT NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (day, series)
);
CREATE TABLE tickets (
  id             TEXT PRIMARY KEY,
  site_id        TEXT NOT NULL,
  kiosk_id       TEXT NOT NULL,
  day            TEXT NOT NULL,
  number         TEXT NOT NULL,
  kind           TEXT NOT NULL,
  advisor_id     TEXT,
  appointment_id TEXT UNIQUE,
  plate          TEXT,
  lounge         INTEGER NOT NULL,
  issued_at      TEXT NOT NULL,
  est_wait_min   INTEGER NOT NULL,
  printed        INTEGER NOT NULL DEFAULT 0,
  print_detail   TEXT,
  UNIQUE (day, number)
);
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY,
  op_id      TEXT NOT NULL UNIQUE,
  type       TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  acked_at   TEXT
);
CREATE INDEX outbox_pending ON outbox (acked_at, seq);
