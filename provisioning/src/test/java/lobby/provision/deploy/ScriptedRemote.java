package lobby.provision.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import lobby.provision.ssh.CommandResult;
import lobby.provision.ssh.Remote;

/**
 * A kiosk that answers commands by pattern, recording every command it is given: for testing a
 * step's decisions and messages without a server. A command without an answer fails as a shell
 * would fail a missing program (exit 127), so the step that ran it fails and the run ends there.
 */
final class ScriptedRemote implements Remote {
    private final Map<Pattern, CommandResult> answers = new LinkedHashMap<>();
    final List<String> commands = new ArrayList<>();

    ScriptedRemote answer(String regex, int exit, String stdout, String stderr) {
        answers.put(Pattern.compile(regex, Pattern.DOTALL), new CommandResult(exit, stdout, stderr));
        return this;
    }

    ScriptedRemote answer(String regex, String stdout) {
        return answer(regex, 0, stdout, "");
    }

    @Override
    public CommandResult run(String command) {
        return run(command, new byte[0]);
    }

    @Override
    public CommandResult run(String command, byte[] stdin) {
        commands.add(command);
        for (Map.Entry<Pattern, CommandResult> a : answers.entrySet()) {
            if (a.getKey().matcher(command).find()) {
                return a.getValue();
            }
        }
        return new CommandResult(127, "", "not scripted: " + command);
    }

    @Override
    public void upload(Path local, String remotePath) {
        throw new AssertionError("unexpected upload of " + local);
    }

    @Override
    public void close() {
    }
}
