package lobby.provision;

import java.util.ArrayList;
import java.util.List;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.Kiosk;

/** Which kiosks of the inventory a command works on: --kiosk and --site narrow it, in inventory order. */
final class Selection {
    private Selection() {
    }

    static List<Kiosk> kiosks(Inventory inventory, CommandLine.Options options) {
        List<String> ids = inventory.kiosks().stream().map(Kiosk::id).toList();
        for (String wanted : options.kiosks()) {
            if (!ids.contains(wanted)) {
                throw new CommandLine.UsageException("no kiosk \"" + wanted + "\" in " + inventory.file()
                        + " (kiosks: " + String.join(", ", ids) + ")");
            }
        }
        if (options.site() != null && !inventory.sites().containsKey(options.site())) {
            throw new CommandLine.UsageException("no site \"" + options.site() + "\" in " + inventory.file()
                    + " (sites: " + String.join(", ", inventory.sites().keySet()) + ")");
        }
        List<Kiosk> selected = new ArrayList<>();
        for (Kiosk k : inventory.kiosks()) {
            if ((options.kiosks().isEmpty() || options.kiosks().contains(k.id()))
                    && (options.site() == null || options.site().equals(k.site().id()))) {
                selected.add(k);
            }
        }
        if (selected.isEmpty()) {
            throw new CommandLine.UsageException("no kiosk is both --kiosk " + String.join(",", options.kiosks())
                    + " and at --site " + options.site());
        }
        return selected;
    }
}
