-- Regular customers' own advisors, as the back office names them (replaced with each snapshot).
CREATE TABLE regulars (
  plate_key  TEXT PRIMARY KEY,
  advisor_id TEXT NOT NULL
);
