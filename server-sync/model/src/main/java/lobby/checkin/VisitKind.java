package lobby.checkin;

/** Why the customer came. Breakdowns and tow-ins are urgent and go ahead of ordinary walk-ins. */
public enum VisitKind {
    MAINTENANCE("保养", "Maintenance"),
    REPAIR("维修", "Repair"),
    WARRANTY("保修索赔", "Warranty"),
    ACCIDENT("事故理赔", "Accident / insurance"),
    PICKUP("取车", "Vehicle pick-up"),
    ENQUIRY("咨询", "Enquiry"),
    BREAKDOWN("故障救援", "Breakdown / tow-in");

    private final String chinese;
    private final String english;

    VisitKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public boolean urgent() {
        return this == BREAKDOWN;
    }
}
