package lobby.provision.ssh;

/** What a remote command left behind. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /**
     * "exit 100: E: Unable to locate package cage": for failure messages. Only standard error:
     * standard output may hold the kiosk's configuration, and with it its secrets.
     */
    public String explain() {
        String err = stderr.strip();
        if (err.length() > 400) {
            err = "..." + err.substring(err.length() - 400);
        }
        return "exit " + exitCode + (err.isEmpty() ? "" : ": " + err.replace('\n', ' '));
    }
}
