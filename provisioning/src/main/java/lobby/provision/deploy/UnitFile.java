package lobby.provision.deploy;

/**
 * The kiosk's systemd unit. The kiosk runs full-screen inside cage (a Wayland kiosk compositor)
 * on the first console, and JavaFX draws through XWayland (GDK_BACKEND=x11), since JavaFX has
 * no Wayland support. systemd restarts it within 2 s if it exits, and its watchdog restarts it
 * if the kiosk stops pinging for 60 s (the kiosk's child process pings, hence NotifyAccess=all).
 */
final class UnitFile {
    private UnitFile() {
    }

    static String render() {
        return """
                # Written by the provisioning tool; changes made here are replaced at the next apply.
                [Unit]
                Description=Lobby self check-in kiosk
                After=systemd-user-sessions.service network-online.target
                Wants=network-online.target
                Conflicts=getty@tty1.service

                [Service]
                Type=simple
                User=%s
                WorkingDirectory=%s
                Environment=GDK_BACKEND=x11
                PAMName=login
                TTYPath=/dev/tty1
                StandardInput=tty-fail
                StandardOutput=journal
                StandardError=journal
                ExecStart=/usr/bin/cage -- %s/current/bin/lobby-kiosk --config %s
                Restart=always
                RestartSec=2
                WatchdogSec=60
                NotifyAccess=all

                [Install]
                WantedBy=multi-user.target
                """.formatted(RemoteLayout.SERVICE_USER, RemoteLayout.DATA_DIR, RemoteLayout.APP_DIR,
                RemoteLayout.CONFIG_FILE);
    }
}
