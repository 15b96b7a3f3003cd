package lobby.kiosk.checkin;

/** Something said to the customer, in both languages the kiosk speaks. */
public record Message(String chinese, String english) {
    public String in(boolean english) {
        return english ? this.english : chinese;
    }

    @Override
    public String toString() {
        return chinese + " / " + english;
    }
}
