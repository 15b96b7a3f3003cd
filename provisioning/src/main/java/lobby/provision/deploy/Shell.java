package lobby.provision.deploy;

/** Quoting for the remote POSIX shell: every value from the inventory or a tarball goes through here. */
final class Shell {
    private Shell() {
    }

    /** 'text', with embedded quotes as '\'' : safe for any byte but NUL. */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
