package lobby.provision.deploy;

/** How a step, or a whole kiosk, came out. */
public enum Result {
    OK("ok"), CHANGED("changed"), WOULD_CHANGE("would change"), FAILED("failed"), SKIPPED("skipped");

    private final String word;

    Result(String word) {
        this.word = word;
    }

    /** As printed: "would change", not WOULD_CHANGE. */
    public String word() {
        return word;
    }
}
