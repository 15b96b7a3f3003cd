package lobby.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Recording stand-ins for the commands that would change this machine: each appends its command
 * line to the kiosk's log and keeps what it "did" in the kiosk's state folder (installed
 * packages, the service user and its groups, whether the unit is enabled and the service active),
 * so the next check sees it. {@code sudo} runs its arguments; {@code systemctl restart} starts the
 * fake kiosk from {@code current} in the background, with {@code KIOSK_ROOT} set.
 */
final class StandIns {
    private StandIns() {
    }

    static void write(TestLobby.TestKiosk k) throws IOException {
        String header = "#!/bin/sh\n"
                + "LOG=" + q(k.logFile()) + "\nSTATE=" + q(k.state()) + "\nROOT=" + q(k.root()) + "\n"
                + "printf '%s\\n' \"$(basename \"$0\") $*\" >> \"$LOG\"\n";
        Map<String, String> scripts = Map.of(
                "sudo", "exec \"$@\"\n",
                "apt-get", """
                        if [ "$1" = install ]; then
                          shift
                          for a in "$@"; do case "$a" in -*) ;; *) echo "$a" >> "$STATE/installed";; esac; done
                        fi
                        exit 0
                        """,
                "dpkg-query", """
                        for a in "$@"; do pkg="$a"; done
                        if [ -f "$STATE/installed" ] && grep -qx "$pkg" "$STATE/installed"; then
                          printf 'install ok installed'; exit 0
                        fi
                        echo "dpkg-query: no packages found matching $pkg" >&2; exit 1
                        """,
                "useradd", """
                        prev=""; groups=""; user=""
                        for a in "$@"; do [ "$prev" = "--groups" ] && groups="$a"; prev="$a"; user="$a"; done
                        printf '%s\\n' "$groups" | tr ',' ' ' > "$STATE/user.$user"
                        """,
                "usermod", """
                        groups="$2"; user="$3"
                        printf '%s %s\\n' "$(cat "$STATE/user.$user")" "$(printf '%s' "$groups" | tr ',' ' ')" > "$STATE/user.$user"
                        """,
                "id", """
                        if [ "$1" = -u ] && [ -n "$2" ] || [ "$1" = -nG ]; then
                          if [ -f "$STATE/user.$2" ]; then
                            if [ "$1" = -u ]; then echo 999; else echo "$2 $(cat "$STATE/user.$2")"; fi
                            exit 0
                          fi
                          echo "id: '$2': no such user" >&2; exit 1
                        fi
                        exec /usr/bin/id "$@"
                        """,
                "systemctl", """
                        case "$1" in
                          enable) touch "$STATE/enabled" ;;
                          is-enabled) if [ -f "$STATE/enabled" ]; then echo enabled; exit 0; fi; echo disabled; exit 1 ;;
                          is-active) if [ -f "$STATE/active" ]; then echo active; exit 0; fi; echo inactive; exit 3 ;;
                          restart|start)
                            if [ ! -f "$ROOT/etc/systemd/system/lobby-kiosk.service" ]; then
                              echo "Failed to restart lobby-kiosk.service: Unit lobby-kiosk.service not found." >&2; exit 5
                            fi
                            touch "$STATE/active"
                            KIOSK_ROOT="$ROOT" "$ROOT/opt/lobby-kiosk/current/bin/lobby-kiosk" \\
                              --config /etc/lobby-kiosk/kiosk.properties </dev/null >/dev/null 2>&1 &
                            ;;
                          stop) rm -f "$STATE/active" ;;
                        esac
                        exit 0
                        """,
                "chown", "exit 0\n",
                "chgrp", "exit 0\n");
        for (Map.Entry<String, String> s : scripts.entrySet()) {
            Path file = k.standins().resolve(s.getKey());
            Files.writeString(file, header + s.getValue(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String q(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "'\\''") + "'";
    }
}
