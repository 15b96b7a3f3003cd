-- What the back office says became of each ticket (called, served, ...), followed live.
ALTER TABLE tickets ADD COLUMN status TEXT NOT NULL DEFAULT 'WAITING';
