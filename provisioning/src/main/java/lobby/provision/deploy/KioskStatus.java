package lobby.provision.deploy;

import lobby.provision.ssh.CommandResult;

/**
 * What a kiosk says about itself: the releases its links point at, systemd's view of the service
 * and its own health file.
 *
 * @param current       version current points at, or null
 * @param previous      version previous points at, or null
 * @param service       {@code systemctl is-active}: active, inactive, failed, activating...
 * @param health        the health file, or null (see {@code healthProblem})
 * @param ageSeconds    how old the health file is by the kiosk's clock, or null
 */
public record KioskStatus(String current, String previous, String service, HealthFile health, String healthProblem,
                          Long ageSeconds) {

    public static KioskStatus read(KioskRun run) {
        String[] links = Service.readLinks(run);
        String current = RemoteLayout.versionOf(links[0]);
        String previous = RemoteLayout.versionOf(links[1]);
        String service = run.sh("systemctl is-active " + RemoteLayout.SERVICE).stdout().strip();
        CommandResult h = run.sh("date -u +%s; sudo cat " + Shell.quote(run.layout.health()));
        String[] parts = h.stdout().split("\n", 2);
        HealthFile health = null;
        String problem = null;
        Long age = null;
        if (!h.ok() || parts.length < 2 || parts[1].isBlank()) {
            problem = "no health file (" + RemoteLayout.HEALTH_FILE + ")";
        } else {
            try {
                health = HealthFile.parse(parts[1]);
                if (health.at() != null) {
                    age = Long.parseLong(parts[0].strip()) - health.at().getEpochSecond();
                }
            } catch (IllegalArgumentException e) {
                problem = "health file unreadable: " + e.getMessage();
            }
        }
        return new KioskStatus(current, previous, service.isEmpty() ? "unknown" : service, health, problem, age);
    }
}
