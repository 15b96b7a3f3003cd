-- V8: the vehicles a site's bookings name, one row per plate, kept up to date as bookings are
-- saved (SiteStore.upsertVehicle): the plate as last written, the latest name given and the
-- latest day booked. Nothing reads it yet; the statistics are to count returning customers.
-- plate_key is lobby.checkin.Plate.matchKey(plate): 0/O and 1/I typed by mistake are one vehicle.
CREATE TABLE vehicles (
  site          TEXT NOT NULL REFERENCES sites (id),
  plate_key     TEXT NOT NULL,
  plate         TEXT NOT NULL,
  customer_name TEXT,
  last_seen_day TEXT NOT NULL,
  PRIMARY KEY (site, plate_key)
);

-- Bookings saved before V8 name their vehicles too: per plate, its latest booking (by day, then
-- id). The key is Plate.matchKey in SQL, the same for plates as bookings store them (letters,
-- digits and the province character, with or without the separators matchKey drops).
INSERT INTO vehicles (site, plate_key, plate, customer_name, last_seen_day)
  SELECT site, plate_key, plate, customer_name, day FROM (
    SELECT site, plate, customer_name, day,
           REPLACE(REPLACE(UPPER(TRIM(REPLACE(REPLACE(plate, '·', ''), ' ', ''))), 'O', '0'), 'I', '1') AS plate_key,
           ROW_NUMBER() OVER (PARTITION BY site,
               REPLACE(REPLACE(UPPER(TRIM(REPLACE(REPLACE(plate, '·', ''), ' ', ''))), 'O', '0'), 'I', '1')
               ORDER BY day DESC, id DESC) AS latest
    FROM appointments) booked
  WHERE latest = 1;
