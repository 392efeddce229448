package dev.andon.rules.facts;

/** Someone rostered on the alert's line on the current shift, in one role; {@code qualifiedHere} for this station. */
public final class OnShiftFact implements Describable {
    private final String person;
    private final String name;
    private final String role;
    private final String line;
    private final String shift;
    private final boolean qualifiedHere;

    public OnShiftFact(String person, String name, String role, String line, String shift, boolean qualifiedHere) {
        this.person = person;
        this.name = name;
        this.role = role;
        this.line = line;
        this.shift = shift;
        this.qualifiedHere = qualifiedHere;
    }

    public String getPerson() { return person; }
    public String getName() { return name; }
    public String getRole() { return role; }
    public String getLine() { return line; }
    public String getShift() { return shift; }
    public boolean isQualifiedHere() { return qualifiedHere; }

    @Override
    public String describe() {
        return name + " is " + role + " on " + line + " this " + shift + " shift"
                + (qualifiedHere ? ", qualified for this station" : ", not qualified for this station");
    }

    @Override
    public String toString() {
        return describe();
    }
}
