package lobby.provision.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The technician's list of sites and kiosks, read from a file (see {@link InventoryParser}).
 *
 * @param knownHosts the OpenSSH known_hosts file the kiosks' host keys are checked against
 * @param kiosks     in the order of the file, which is the order of a roll-out
 */
public record Inventory(Path file, Path knownHosts, Map<String, Site> sites, List<Kiosk> kiosks) {
    public Inventory {
        sites = Map.copyOf(sites);
        kiosks = List.copyOf(kiosks);
    }
}
