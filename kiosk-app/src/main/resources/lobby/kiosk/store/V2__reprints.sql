-- A customer whose ticket was printed may have it printed once more (lost or unreadable).
ALTER TABLE tickets ADD COLUMN reprints INTEGER NOT NULL DEFAULT 0;
