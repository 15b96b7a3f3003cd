package lobby.provision.deploy;

/**
 * What a step found when it looked: in place (with a note, e.g. "trixie"), or a change to make
 * and a few words on it, e.g. "install cage, xwayland".
 */
record Check(boolean needed, String detail) {
    static Check inPlace(String note) {
        return new Check(false, note);
    }

    static Check needed(String what) {
        return new Check(true, what);
    }
}
