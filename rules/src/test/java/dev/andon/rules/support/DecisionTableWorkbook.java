package dev.andon.rules.support;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a decision table given in CSV form as an XLSX workbook the way a process owner would keep it in Excel:
 * numbers as numeric cells, the header rows in bold. Used to build the sample routing.xlsx and, in tests, broken
 * workbooks. Run {@link #main} to rebuild the sample from src/test/resources/sample-tables/routing.csv.
 */
public final class DecisionTableWorkbook {

    private DecisionTableWorkbook() {
    }

    public static byte[] fromCsv(String csv) {
        CsvLineParser parser = new CsvLineParser();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Routing");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            String[] lines = csv.split("\r?\n");
            boolean header = false;
            int headerRowsLeft = 0;
            int widest = 0;
            for (int r = 0; r < lines.length; r++) {
                List<String> cells = parser.parse(lines[r]);
                Row row = sheet.createRow(r);
                if (!cells.isEmpty() && cells.get(0).startsWith("RuleTable")) {
                    header = true;
                    headerRowsLeft = 5;
                }
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    if (v == null || v.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v.matches("-?\\d+(\\.\\d+)?") && !header) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (v.matches("-?\\d+") && headerRowsLeft == 0) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                    }
                    if (headerRowsLeft > 0 || r < 10 && c == 0) {
                        cell.setCellStyle(bold);
                    }
                }
                widest = Math.max(widest, cells.size());
                if (headerRowsLeft > 0) {
                    headerRowsLeft--;
                }
            }
            for (int c = 0; c < widest; c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "src/test/resources/sample-tables/routing.csv");
        Path target = Path.of(args.length > 1 ? args[1] : "../sample-plant/rules/routing.xlsx");
        Files.write(target, fromCsv(Files.readString(source, StandardCharsets.UTF_8)));
        System.out.println("wrote " + target.toAbsolutePath().normalize());
    }
}
