package lobby.provision.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import lobby.provision.ssh.CommandResult;

/**
 * Restarting the kiosk's service and waiting until the new process says it is healthy, and
 * pointing the {@code current}/{@code previous} links, shared by apply, rollback and enroll.
 */
final class Service {
    /** Each poll is one command on an open connection: cheap, so poll often. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    /**
     * When the restart was asked for, by the kiosk's clock (ours may differ), and the pid in the
     * health file before it: a health file counts only when written after the restart by another
     * process, so a file left by the old process in the same second is not mistaken for the new one.
     */
    record Mark(long epochSecond, Long pidBefore, Instant local) {
    }

    /** A wait that ended: healthy (with the file) or not (with why), and how long it took. */
    record Wait(HealthFile health, String problem, Duration took) {
        boolean healthy() {
            return problem == null;
        }
    }

    private Service() {
    }

    static Mark restart(KioskRun run) {
        CommandResult before = run.sh("date -u +%s; sudo cat " + Shell.quote(run.layout.health()) + " 2>/dev/null");
        String[] parts = before.stdout().split("\n", 2);
        long epoch;
        try {
            epoch = Long.parseLong(parts[0].strip());
        } catch (NumberFormatException e) {
            throw new StepFailure("reading the kiosk's clock (date -u +%s) failed: " + before.explain());
        }
        Long pid = null;
        if (parts.length > 1 && !parts[1].isBlank()) {
            try {
                pid = HealthFile.parse(parts[1]).pid();
            } catch (IllegalArgumentException e) {
                pid = null; // a broken file from before the restart does not matter
            }
        }
        run.sudo("systemctl restart " + RemoteLayout.SERVICE, "systemctl restart " + RemoteLayout.SERVICE);
        return new Mark(epoch, pid, Instant.now());
    }

    static Wait awaitHealthy(KioskRun run, String version, Mark mark) {
        Duration timeout = run.kiosk.healthTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        String problem = "no health file yet";
        HealthFile last = null;
        while (true) {
            CommandResult r = run.sh("sudo cat " + Shell.quote(run.layout.health()));
            if (r.ok()) {
                try {
                    last = HealthFile.parse(r.stdout());
                    problem = problem(last, version, mark);
                } catch (IllegalArgumentException e) {
                    problem = "health file unreadable: " + e.getMessage();
                }
                if (problem == null) {
                    return new Wait(last, null, Duration.between(mark.local(), Instant.now()));
                }
            }
            if (System.nanoTime() >= deadline) {
                return new Wait(last, problem, Duration.between(mark.local(), Instant.now()));
            }
            sleep(Math.min(POLL_INTERVAL.toNanos(), Math.max(0, deadline - System.nanoTime())));
        }
    }

    private static String problem(HealthFile h, String version, Mark mark) {
        if (h.version() == null || !h.version().equals(version)) {
            return "health file says version " + h.version() + ", not " + version;
        }
        if (h.at() == null || h.at().getEpochSecond() < mark.epochSecond()) {
            return "health file last written " + h.at() + ", before the restart";
        }
        if (mark.pidBefore() != null && mark.pidBefore().equals(h.pid())) {
            return "health file still from the process before the restart (pid " + h.pid() + ")";
        }
        return null;
    }

    /** Points current (and previous) at the given targets, each link replaced by a rename. */
    static void pointLinks(KioskRun run, String current, String previous) {
        StringBuilder script = new StringBuilder("set -e; cd " + Shell.quote(run.layout.appDir()) + "; ");
        if (previous == null) {
            script.append("rm -f previous; ");
        } else {
            script.append(relink("previous", previous));
        }
        script.append(relink("current", current));
        run.sudoScript(script.toString(), "pointing current at " + current);
    }

    /**
     * "ln -sfn" alone removes the old link before making the new one, so a crash or a restart of
     * the kiosk in between finds no link; a new link renamed over the old one (mv -T is rename(2))
     * is never missing.
     */
    private static String relink(String link, String target) {
        return "ln -sfn " + Shell.quote(target) + " ." + link + ".new; mv -T ." + link + ".new " + link + "; ";
    }

    /** current's and previous's targets in one round trip; null for a missing link. */
    static String[] readLinks(KioskRun run) {
        String out = run.sh("printf '%s\\n%s\\n' \"$(readlink " + Shell.quote(run.layout.current()) + ")\" \"$(readlink "
                + Shell.quote(run.layout.previous()) + ")\"").stdout();
        String[] lines = out.split("\n", -1);
        return new String[] {lines.length > 0 && !lines[0].isBlank() ? lines[0].strip() : null,
            lines.length > 1 && !lines[1].isBlank() ? lines[1].strip() : null};
    }

    /** readlink, or null when there is no such link. */
    static String readLink(KioskRun run, String path) {
        CommandResult r = run.sh("readlink " + Shell.quote(path));
        return r.ok() && !r.stdout().isBlank() ? r.stdout().strip() : null;
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted while waiting for the kiosk's health");
        }
    }
}
