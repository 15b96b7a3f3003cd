-- V1: sites, their roster and bookings, the tickets kiosks issue, and the ops that carried them.
-- Dates are ISO-8601 text (day yyyy-MM-dd, time HH:mm:ss); issued_at is a fixed-width UTC
-- instant (see TicketStore) so that text order is time order.
-- Statements are split on ';' at the end of a line: no semicolons inside literals.

CREATE TABLE sites (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    qr_key          TEXT NOT NULL,   -- base64 of the HMAC key that signs appointment QR codes
    status_base_url TEXT NOT NULL
);

CREATE TABLE advisors (
    site     TEXT    NOT NULL REFERENCES sites (id),
    id       TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    desk     INTEGER NOT NULL,
    lamp_pin INTEGER NOT NULL,
    duty     TEXT    NOT NULL,      -- lobby.checkin.Duty
    PRIMARY KEY (site, id)
);

CREATE TABLE appointments (
    site          TEXT NOT NULL REFERENCES sites (id),
    id            TEXT NOT NULL,
    day           TEXT NOT NULL,
    time          TEXT NOT NULL,
    plate         TEXT NOT NULL,
    customer_name TEXT,
    kind          TEXT NOT NULL,    -- lobby.checkin.VisitKind
    advisor_id    TEXT,
    PRIMARY KEY (site, id)
);

CREATE INDEX appointments_by_day ON appointments (site, day, time);

-- The ticket id is made once on the kiosk, so it is the key: a ticket exists at most once.
CREATE TABLE tickets (
    id             TEXT PRIMARY KEY,
    site           TEXT    NOT NULL REFERENCES sites (id),
    kiosk          TEXT    NOT NULL,
    day            TEXT    NOT NULL,
    number         TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    advisor_id     TEXT,             -- null: nobody was on duty, the next free advisor takes it
    appointment_id TEXT,
    plate          TEXT,
    lounge         INTEGER NOT NULL, -- 1 when the customer waits in the lounge
    issued_at      TEXT    NOT NULL,
    est_wait       INTEGER NOT NULL, -- minutes, as printed on the ticket
    status         TEXT    NOT NULL DEFAULT 'WAITING'
);

CREATE INDEX tickets_by_day ON tickets (site, day, issued_at);

-- One row per op applied; body_sha256 tells a retry (same body) from a conflict (same id,
-- different body). (kiosk_id, seq) is unique so the contiguous high-water mark is well defined.
CREATE TABLE applied_ops (
    op_id       TEXT PRIMARY KEY,
    kiosk_id    TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    body_sha256 TEXT NOT NULL,
    applied_at  TEXT NOT NULL,
    UNIQUE (kiosk_id, seq)
);
