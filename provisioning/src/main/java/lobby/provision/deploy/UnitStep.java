package lobby.provision.deploy;

import static lobby.provision.deploy.Shell.quote;

import java.nio.charset.StandardCharsets;

/** Installs the systemd unit (see {@link UnitFile}) and enables it, each only when needed. */
final class UnitStep implements Step {
    private boolean contentDiffers;

    @Override
    public String name() {
        return "unit";
    }

    @Override
    public Check check(KioskRun run) {
        // One round trip: the enabled state on the first line, then whether the file exists, then the file.
        String unit = quote(run.layout.unit());
        String out = run.shOk("printf '%s\\n' \"$(systemctl is-enabled " + RemoteLayout.SERVICE + " 2>/dev/null)\"; "
                + "if [ -e " + unit + " ]; then echo present; cat " + unit + "; else echo absent; fi",
                "reading " + RemoteLayout.UNIT_FILE);
        String[] parts = out.split("\n", 3);
        boolean enabled = parts[0].strip().equals("enabled");
        boolean exists = parts.length > 1 && parts[1].equals("present");
        contentDiffers = !exists || !(parts.length > 2 ? parts[2] : "").equals(UnitFile.render());
        if (!contentDiffers && enabled) {
            return Check.inPlace("installed and enabled");
        }
        String what = !exists ? "install " + RemoteLayout.UNIT_FILE : contentDiffers ? "update " + RemoteLayout.UNIT_FILE : "";
        return Check.needed(what + (what.isEmpty() ? "" : ", ") + "enable " + RemoteLayout.SERVICE);
    }

    @Override
    public String change(KioskRun run) {
        if (contentDiffers) {
            String file = run.layout.unit();
            String dir = quote(file.substring(0, file.lastIndexOf('/')));
            run.sudoScript("set -e; mkdir -p " + dir + "; t=$(mktemp " + dir + "/.lobby-kiosk.service.XXXXXX); "
                    + "cat > \"$t\"; chmod 0644 \"$t\"; mv -f \"$t\" " + quote(file),
                    UnitFile.render().getBytes(StandardCharsets.UTF_8), "writing " + RemoteLayout.UNIT_FILE);
            run.sudo("systemctl daemon-reload", "systemctl daemon-reload");
        }
        run.sudo("systemctl enable " + RemoteLayout.SERVICE, "systemctl enable " + RemoteLayout.SERVICE);
        return (contentDiffers ? "wrote the unit, reloaded systemd, " : "") + "enabled " + RemoteLayout.SERVICE;
    }
}
