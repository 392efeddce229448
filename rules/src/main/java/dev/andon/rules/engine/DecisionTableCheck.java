package dev.andon.rules.engine;

import dev.andon.core.error.Problem;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.parser.ActionType;
import org.drools.template.parser.DataListener;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the column kinds of every RuleTable before Drools compiles it: Drools silently drops a column whose kind it
 * does not know ("CONDITON"), which would turn a condition into "always" — a rule that fires for every alert.
 */
final class DecisionTableCheck {

    private DecisionTableCheck() {
    }

    static List<Problem> check(String file, byte[] bytes, InputType type) {
        Cells cells = new Cells();
        type.createParser(cells).parseFile(new ByteArrayInputStream(bytes));
        Map<String, ActionType.Code> known = ActionType.getTag2code();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : cells.rows.entrySet()) {
            for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                if (!cell.getValue().trim().startsWith("RuleTable")) {
                    continue;
                }
                int headerRow = row.getKey() + 1;
                TreeMap<Integer, String> header = cells.rows.getOrDefault(headerRow, new TreeMap<>());
                int actions = 0;
                for (Map.Entry<Integer, String> h : header.tailMap(cell.getKey(), true).entrySet()) {
                    String kind = h.getValue().trim().toUpperCase(Locale.ROOT);
                    if (kind.isEmpty()) {
                        continue;
                    }
                    ActionType.Code code = known.get(kind);
                    if (code == null) {
                        problems.add(new Problem(file + ":" + (headerRow + 1), "column " + column(h.getKey()) + " of "
                                + cell.getValue().trim() + " has an unknown kind '" + h.getValue().trim()
                                + "' (expected CONDITION, ACTION, NAME, DESCRIPTION, PRIORITY or a rule attribute such as AGENDA-GROUP)"));
                    } else if (code == ActionType.Code.ACTION) {
                        actions++;
                    }
                }
                if (actions == 0) {
                    problems.add(new Problem(file + ":" + (headerRow + 1), cell.getValue().trim()
                            + " has no ACTION column: its rows would do nothing"));
                }
            }
        }
        return problems;
    }

    /**
     * The 1-based sheet row of a RuleSet setting ({@code Import}, {@code Functions}, {@code Variables}…), for problems
     * in the DRL a table's header generated; 0 when the table has no such cell.
     */
    static int settingRow(byte[] bytes, InputType type, String setting) {
        Cells cells = new Cells();
        type.createParser(cells).parseFile(new ByteArrayInputStream(bytes));
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : cells.rows.entrySet()) {
            for (String value : row.getValue().values()) {
                if (value.trim().equalsIgnoreCase(setting)) {
                    return row.getKey() + 1;
                }
            }
        }
        return 0;
    }

    private static String column(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    private static final class Cells implements DataListener {
        final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int rowNumber, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
            }
        }
    }
}
