-- V5: each kiosk's highest contiguous seq (and highest seq), kept up to date as ops arrive.
-- Computing it from applied_ops on every push scanned all of the kiosk's ops: fine for a
-- lobby's day, a quadratic slowdown over months or under a benchmark's thousands of pushes.
-- max_seq above contiguous_seq means ops arrived after a gap: only then is a scan needed.
CREATE TABLE kiosk_progress (
  kiosk_id       TEXT PRIMARY KEY,
  contiguous_seq INTEGER NOT NULL,
  max_seq        INTEGER NOT NULL
);
INSERT INTO kiosk_progress (kiosk_id, contiguous_seq, max_seq)
  SELECT k.kiosk_id,
         CASE WHEN NOT EXISTS (SELECT 1 FROM applied_ops WHERE kiosk_id = k.kiosk_id AND seq = 1) THEN 0
         ELSE (SELECT MIN(a.seq) FROM applied_ops a WHERE a.kiosk_id = k.kiosk_id AND NOT EXISTS
                 (SELECT 1 FROM applied_ops b WHERE b.kiosk_id = a.kiosk_id AND b.seq = a.seq + 1))
         END,
         k.max_seq
  FROM (SELECT kiosk_id, MAX(seq) AS max_seq FROM applied_ops GROUP BY kiosk_id) k;
