package lobby.provision.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lobby.provision.inventory.Kiosk;
import org.junit.jupiter.api.Test;

/** Step decisions and messages against a scripted kiosk. */
class DeploymentTest {
    static final String INSTALLED = "openjdk-21-jre\tinstall ok installed\nfonts-wqy-microhei\tinstall ok installed\n"
            + "cage\tinstall ok installed\nxwayland\tinstall ok installed\n";

    @Test
    void anUnsupportedOsFailsFirstNamingTheSupportedOnes() {
        ScriptedRemote kiosk = new ScriptedRemote().answer("cat '/etc/os-release'",
                "PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\nVERSION_CODENAME=bullseye\n");

        List<StepOutcome> outcomes = run(kiosk, false);

        assertEquals(1, outcomes.size(), "nothing after a failed os step");
        assertEquals(Result.FAILED, outcomes.get(0).result());
        assertEquals("unsupported OS: /etc/os-release says VERSION_CODENAME=bullseye (Debian GNU/Linux 11 (bullseye)); "
                + "supported: Raspberry Pi OS 64-bit trixie (openjdk-21-jre) and bookworm (openjdk-17-jre)",
                outcomes.get(0).detail());
        assertEquals(1, kiosk.commands.size());
    }

    @Test
    void bookwormGetsJava17AndAPlanInstallsNothing() {
        ScriptedRemote kiosk = new ScriptedRemote()
                .answer("cat '/etc/os-release'", "VERSION_CODENAME=\"bookworm\"\n")
                .answer("dpkg-query", "openjdk-17-jre\t\nfonts-wqy-microhei\tinstall ok installed\n"
                        + "cage\tdeinstall ok config-files\nxwayland\tinstall ok installed\n")
                .answer("id -u lobby-kiosk", "lobby-kiosk dialout\n");

        List<StepOutcome> outcomes = run(kiosk, true);

        assertEquals(new StepOutcome("os", Result.OK, "bookworm, openjdk-17-jre"), outcomes.get(0));
        assertEquals(new StepOutcome("packages", Result.WOULD_CHANGE, "install openjdk-17-jre, cage"), outcomes.get(1));
        assertEquals(new StepOutcome("user", Result.WOULD_CHANGE, "add lobby-kiosk to gpio"), outcomes.get(2));
        assertFalse(kiosk.commands.stream().anyMatch(c -> c.contains("apt-get") || c.contains("usermod")),
                String.join("\n", kiosk.commands));
    }

    @Test
    void sudoAskingForAPasswordIsExplained() {
        ScriptedRemote kiosk = new ScriptedRemote()
                .answer("cat '/etc/os-release'", "VERSION_CODENAME=trixie\n")
                .answer("dpkg-query", INSTALLED)
                .answer("id -u lobby-kiosk", "(no such user)\n")
                .answer("^sudo useradd", 1, "", "sudo: a terminal is required to read the password; either use the -S "
                        + "option to read from standard input or configure an askpass helper\n");

        List<StepOutcome> outcomes = run(kiosk, false);

        StepOutcome user = outcomes.get(2);
        assertEquals(Result.FAILED, user.result());
        assertTrue(user.detail().startsWith("useradd lobby-kiosk failed: exit 1: sudo: a terminal is required"),
                user.detail());
        assertTrue(user.detail().endsWith("(the SSH user needs sudo without a password: a NOPASSWD line in "
                + "/etc/sudoers.d)"), user.detail());
    }

    @Test
    void aPlanWithoutADistributionSkipsTheReleaseSteps() {
        ScriptedRemote kiosk = new ScriptedRemote()
                .answer("cat '/etc/os-release'", "VERSION_CODENAME=trixie\n")
                .answer("dpkg-query", INSTALLED)
                .answer("id -u lobby-kiosk", "lobby-kiosk dialout gpio\n")
                .answer("kiosk.properties", "absent\n")
                .answer("systemctl is-enabled", "enabled\npresent\n" + UnitFile.render());

        List<StepOutcome> outcomes = run(kiosk, true);

        List<String> results = new ArrayList<>();
        outcomes.forEach(o -> results.add(o.step() + " " + o.result().word()));
        assertEquals(List.of("os ok", "packages ok", "user ok", "upload skipped", "config would change", "unit ok",
                "switch skipped", "restart would change", "health would change"), results);
        assertEquals("not checked: give --dist to compare with a release", outcomes.get(3).detail());
        assertEquals("write /etc/lobby-kiosk/kiosk.properties (new)", outcomes.get(4).detail());
        assertEquals("restart lobby-kiosk (config)", outcomes.get(7).detail());
        assertEquals("wait up to 60 s for the kiosk to report healthy", outcomes.get(8).detail());
    }

    @Test
    void aTarballBuiltForTheOtherDebianReleaseIsRefusedBeforeUploading() {
        ScriptedRemote kiosk = new ScriptedRemote()
                .answer("cat '/etc/os-release'", "VERSION_CODENAME=bookworm\n")
                .answer("dpkg-query", INSTALLED.replace("openjdk-21-jre", "openjdk-17-jre"))
                .answer("id -u lobby-kiosk", "lobby-kiosk dialout gpio\n");
        Release trixie = new Release(Path.of("lobby-kiosk-0.2.0-trixie-aarch64.tar.gz"), "0.2.0",
                "0".repeat(64), 26_000_000, "");
        KioskRun run = new KioskRun(KioskPropertiesTest.kiosk(KioskPropertiesTest.fullSite()), kiosk, trixie, false);

        List<StepOutcome> outcomes = Deployment.run(run, (n, total, o) -> { });

        assertEquals(new StepOutcome("upload", Result.FAILED, "lobby-kiosk-0.2.0-trixie-aarch64.tar.gz is built for "
                + "trixie, but the kiosk runs bookworm: use the bookworm tarball"), outcomes.get(3));
        assertEquals(3, kiosk.commands.size(), "nothing sent after the three looks: " + kiosk.commands);
    }

    @Test
    void aCommandsPathGoesBeforeEveryCommand() {
        ScriptedRemote kiosk = new ScriptedRemote().answer("cat '/tmp/k/etc/os-release'", "VERSION_CODENAME=trixie\n")
                .answer("dpkg-query", 1, "", "boom");
        KioskRun run = new KioskRun(new Kiosk("k", KioskPropertiesTest.fullSite(), "h", 22, "u",
                Path.of("id"), "/tmp/k", "/opt/it's:/usr/bin", Duration.ofSeconds(5)), kiosk, null,
                true);

        Deployment.run(run, (n, total, o) -> { });

        assertEquals("PATH='/opt/it'\\''s:/usr/bin'; export PATH; cat '/tmp/k/etc/os-release'", kiosk.commands.get(0));
    }

    private static List<StepOutcome> run(ScriptedRemote kiosk, boolean plan) {
        KioskRun run = new KioskRun(KioskPropertiesTest.kiosk(KioskPropertiesTest.fullSite()), kiosk, null, plan);
        return Deployment.run(run, (n, total, o) -> { });
    }
}
