package lobby.backoffice.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;
import lobby.sync.SiteSnapshot;

/**
 * The back office's data, on one SQLite file or in a PostgreSQL database: sites with their
 * roster and bookings, and the tickets kiosks push. Each method is one transaction, committed
 * (durably: synchronous=FULL on SQLite, PostgreSQL's synchronous commit) before it returns.
 * Safe to call from many threads, and on PostgreSQL from several back offices at once.
 */
public final class ServerStore implements AutoCloseable {
    private final Database db;
    private final Commits commits;
    private final Clock clock;
    private final SiteStore sites = new SiteStore();
    private final TicketEventStore events = new TicketEventStore();
    private final TicketStore tickets = new TicketStore(events);
    private final PushRules rules;
    private final QueueDesk desk;
    private final LobbyView lobby;
    private final Statistics statistics;
    private final Accounts accounts;
    private final KioskRegistry kiosks;
    private final EpochStore epochs = new EpochStore();
    private final NumberLeases leases;
    private final AppointmentBook appointments;
    private PgNotifications notifications;

    private ServerStore(Database db, Clock clock) {
        this.db = db;
        this.commits = new Commits(db);
        this.clock = clock;
        this.rules = new PushRules(sites, tickets, events, new OpStore(), clock);
        this.desk = new QueueDesk(db, commits, sites, tickets, events, clock);
        this.lobby = new LobbyView(db, sites, tickets, new BoardStore(), clock);
        this.statistics = new Statistics(db, sites, events);
        this.accounts = new Accounts(db, new UserStore(), clock);
        this.kiosks = new KioskRegistry(db, sites, new KioskStore(), clock);
        this.leases = new NumberLeases(db, epochs, clock);
        this.appointments = new AppointmentBook(db, commits, sites);
    }

    /** Opens (creating if need be) the database file and migrates it to the current schema. */
    public static ServerStore open(Path dbFile, Clock clock) {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for " + dbFile + ": " + e, e);
        }
        return open(Database.sqlite(dbFile), clock);
    }

    /**
     * Connects to a PostgreSQL database (which must exist; its tables are created here) and
     * migrates it to the current schema. Several back offices may share it.
     *
     * @param url      {@code jdbc:postgresql://host:port/database?user=...}
     * @param password null when the URL, ~/.pgpass or the server's trust rules make it unneeded
     */
    public static ServerStore openPostgres(String url, String password, Clock clock) {
        return open(Database.postgres(url, password), clock);
    }

    private static ServerStore open(Database db, Clock clock) {
        Migrations.migrate(db);
        ServerStore store = new ServerStore(db, clock);
        db.write("creating the data epoch", c -> {
            store.epochs.createIfMissing(c);
            return null;
        });
        return store;
    }

    public static ServerStore open(Path dbFile) {
        return open(dbFile, Clock.systemDefaultZone());
    }

    /**
     * Where committed changes go (the live views), in commit order with their event ids; one
     * listener, set before serving. On SQLite it runs under the write lock; on PostgreSQL on
     * the thread that hears the database's notifications (every instance's changes, this one's
     * included). Either way it must hand work off rather than do I/O.
     *
     * @param missed called when changes may have been missed (a lost connection to the
     *               database, a change too long to send): the site, or null for every site,
     *               should be sent whole again
     */
    public void onCommitted(Consumer<List<Committed>> listener, Consumer<String> missed) {
        if (db.dialect() == Database.Dialect.SQLITE) {
            commits.listen(listener);
            return;
        }
        if (notifications != null) {
            throw new IllegalStateException("the store already has its listener");
        }
        ChangeCodec codec = new ChangeCodec();
        notifications = new PgNotifications(db, payload -> {
            List<Committed> changes = new java.util.ArrayList<>();
            for (ChangeCodec.Decoded d : codec.decode(payload)) {
                if (d.resync()) {
                    listener.accept(List.copyOf(changes));
                    changes.clear();
                    missed.accept(d.site());
                } else {
                    changes.add(new Committed(d.id(), d.change()));
                }
            }
            listener.accept(changes);
        }, () -> missed.accept(null));
    }

    /** The id of the site's latest live event (0 before the first). */
    public long lastEventId(String siteId) {
        return db.read("reading the last event id of site " + siteId, c -> {
            try (var ps = c.prepareStatement("SELECT last_id FROM site_event_ids WHERE site = ?")) {
                ps.setString(1, siteId);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** The advisor console's actions on tickets and duty. */
    public QueueDesk desk() {
        return desk;
    }

    /** The board and the customers' status pages. */
    public LobbyView lobby() {
        return lobby;
    }

    public Accounts accounts() {
        return accounts;
    }

    public KioskRegistry kiosks() {
        return kiosks;
    }

    public Statistics statistics() {
        return statistics;
    }

    /** Bookings: made one at a time or imported, and with their signed QR payloads. */
    public AppointmentBook appointments() {
        return appointments;
    }

    /** Ticket number blocks and kiosk marks. */
    public NumberLeases leases() {
        return leases;
    }

    /** The data epoch, see {@link lobby.sync.PushResult#epoch}: created with the database, kept across restarts. */
    public String epoch() {
        return db.read("reading the data epoch", epochs::current);
    }

    /**
     * Starts a new data epoch: for a database just restored from a backup, so that kiosks push
     * again what the backup lacks and reload the queue. Live-event ids jump ahead at the same
     * time, past any id a client saw before the restore (see {@link EpochStore#renew}). Call it
     * before serving: live views already open would not hear of the jump.
     *
     * @return the new epoch
     */
    public String renewEpoch() {
        return db.write("starting a new data epoch", epochs::renew);
    }

    public Clock clock() {
        return clock;
    }

    /** Closes the database connections; the data stays in the file (and a later call opens them again). */
    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        db.close();
    }

    /** The SQLite file or the PostgreSQL URL (without a password): where the data is, for people. */
    public String where() {
        return db.where();
    }

    /** The server's local date: what "today" means for snapshots and queues. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** @return empty for an unknown site */
    public Optional<SiteSnapshot> snapshot(String siteId, LocalDate day) {
        return db.read("reading the snapshot of site " + siteId + " for " + day, c -> {
            Optional<SiteStore.Site> found = sites.site(c, siteId);
            if (found.isEmpty()) {
                return Optional.<SiteSnapshot>empty();
            }
            SiteStore.Site s = found.get();
            return Optional.of(new SiteSnapshot(s.id(), s.name(), day, clock.instant(), s.qrKey(),
                    s.statusBaseUrl(), sites.advisors(c, siteId), sites.appointments(c, siteId, day),
                    sites.regulars(c, siteId), tickets.recentReceptionMinutes(c, siteId, clock.instant()),
                    epochs.current(c)));
        });
    }

    /** @return empty for an unknown site; otherwise the day's tickets in issue order */
    public Optional<List<QueueEntry>> queue(String siteId, LocalDate day) {
        return db.read("reading the queue of site " + siteId + " for " + day, c ->
                sites.site(c, siteId).isEmpty() ? Optional.empty() : Optional.of(tickets.queue(c, siteId, day)));
    }

    /**
     * Applies a kiosk's ops in one transaction, in seq order and without gaps (see {@link PushRules}).
     *
     * @throws IllegalArgumentException for a batch without a kiosk id or over {@link PushBatch#MAX_OPS}
     */
    public PushResult push(PushBatch batch) {
        return push(batch, null);
    }

    /**
     * As {@link #push(PushBatch)}, for a kiosk enrolled at {@code kioskSite}: a ticket for
     * another site is rejected (null: any site).
     */
    public PushResult push(PushBatch batch, String kioskSite) {
        if (batch.kioskId() == null || batch.kioskId().isBlank()) {
            throw new IllegalArgumentException("a push needs the kiosk's id");
        }
        if (batch.ops().size() > PushBatch.MAX_OPS) {
            throw new IllegalArgumentException("a push holds at most " + PushBatch.MAX_OPS + " ops, this one "
                    + batch.ops().size());
        }
        List<PushRules.Prepared> prepared = PushRules.prepare(batch);
        PushRules.StartRead start = new PushRules.StartRead(batch.kioskId(), prepared);
        return commits.write("pushing " + batch.ops().size() + " ops from kiosk " + batch.kioskId(), start,
                (c, changes) -> rules.apply(c, batch, prepared, start, kioskSite, changes));
    }

    /**
     * Creates or updates a site, its advisors and some bookings in one transaction. A new site
     * gets a random QR key; an existing one keeps its key, so codes already sent stay valid.
     * Advisors and appointments not listed are left as they are. The bookings are saved as
     * {@link AppointmentBook} saves them: their vehicles noted, kiosks following the site told.
     *
     * @return the site's QR key
     */
    public byte[] saveSite(String siteId, String name, String statusBaseUrl, List<Advisor> advisors,
                           List<Appointment> appointments) {
        for (Appointment a : appointments) {
            if (!a.siteId().equals(siteId)) {
                throw new IllegalArgumentException("appointment " + a.id() + " belongs to site " + a.siteId()
                        + ", not " + siteId);
            }
        }
        String key = commits.write("saving site " + siteId, (c, changes) -> {
            SiteStore.Site site = sites.upsertSite(c, siteId, name, statusBaseUrl);
            for (Advisor a : advisors) {
                sites.upsertAdvisor(c, siteId, a);
            }
            for (Appointment a : appointments) {
                this.appointments.store(c, a, changes);
            }
            return site.qrKey();
        });
        return Base64.getDecoder().decode(key);
    }

    /** Names a regular customer's own advisor for a vehicle; kiosks then send walk-ins with that plate to them. */
    public void saveRegular(String siteId, lobby.sync.Regular regular) {
        db.write("saving regular " + regular.plate() + " of site " + siteId, c -> {
            sites.upsertRegular(c, siteId, regular);
            return null;
        });
    }
}
