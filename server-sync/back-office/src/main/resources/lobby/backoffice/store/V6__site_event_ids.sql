-- V6: each site's last live-event id. Events get their ids in the transaction that makes the
-- change, so ids follow commit order across restarts and across back offices sharing one
-- PostgreSQL database; a kiosk resuming its event stream from an id is understood by any of them.
CREATE TABLE site_event_ids (
  site    TEXT PRIMARY KEY,
  last_id BIGINT NOT NULL
);
