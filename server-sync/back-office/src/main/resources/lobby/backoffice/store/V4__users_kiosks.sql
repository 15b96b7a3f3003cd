-- V4: who may use the back office. Secrets are never stored: passwords as PBKDF2 hashes,
-- session and kiosk tokens, enrolment codes and display keys as SHA-256 of the random value
-- (they are long and random, so a fast hash is enough), so a copy of this file opens nothing.
CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL,   -- ADVISOR, MANAGER, ADMIN, DISPLAY
  site          TEXT,            -- null: every site (a dealer group's account)
  advisor_id    TEXT,            -- the advisor an ADVISOR user is
  password_hash TEXT NOT NULL    -- pbkdf2-sha256$iterations$salt$hash
);
CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY,
  username     TEXT NOT NULL REFERENCES users (username),
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE TABLE kiosks (
  id              TEXT PRIMARY KEY,
  site            TEXT NOT NULL REFERENCES sites (id),
  token_sha256    TEXT UNIQUE,   -- null once revoked
  enrolled_at     TEXT NOT NULL,
  revoked_at      TEXT,
  version         TEXT,
  last_seen       TEXT,
  devices         TEXT,          -- JSON array of {device, state, detail} from the last heartbeat
  pending_ops     INTEGER,
  last_sync       TEXT
);
CREATE TABLE enrolment_codes (
  code_sha256 TEXT PRIMARY KEY,
  site        TEXT NOT NULL REFERENCES sites (id),
  kiosk_id    TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);
CREATE TABLE display_keys (
  key_sha256 TEXT PRIMARY KEY,
  site       TEXT NOT NULL REFERENCES sites (id),
  created_at TEXT NOT NULL
);
-- Small named values the back office keeps for itself (the demo's secret, for one).
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
