package com.storecrm.crm.lead;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes the leads of a view as CSV (RFC 4180, UTF-8 with BOM for spreadsheet programs) or XLSX. */
final class LeadExport {

    private record Column(String header, Function<LeadView, Object> value) {
    }

    private static final List<Column> FIXED = List.of(
            new Column("id", LeadView::id), new Column("storeId", LeadView::storeId),
            new Column("name", LeadView::name), new Column("company", LeadView::company),
            new Column("phone", LeadView::phone), new Column("email", LeadView::email),
            new Column("chatId", LeadView::chatId), new Column("region", LeadView::region),
            new Column("industry", LeadView::industry), new Column("source", LeadView::source),
            new Column("campaignId", LeadView::campaignId), new Column("poolId", LeadView::poolId),
            new Column("status", LeadView::status), new Column("ownerId", LeadView::ownerId),
            new Column("nextFollowUpOn", LeadView::nextFollowUpOn), new Column("createdAt", LeadView::createdAt),
            new Column("updatedAt", LeadView::updatedAt));

    private LeadExport() {
    }

    static byte[] csv(List<LeadView> leads, List<String> customFieldKeys) {
        List<Column> columns = columns(customFieldKeys);
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", columns.stream().map(c -> csvCell(c.header())).toList())).append("\r\n");
        for (LeadView lead : leads) {
            List<String> cells = new ArrayList<>(columns.size());
            for (Column column : columns) {
                cells.add(csvCell(text(column.value().apply(lead))));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<LeadView> leads, List<String> customFieldKeys) {
        List<Column> columns = columns(customFieldKeys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "StoreCRM", "1.0");
            Worksheet sheet = workbook.newWorksheet("Leads");
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c).header());
            }
            for (int r = 0; r < leads.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(leads.get(r));
                    if (value != null) {
                        // every cell as text: ids and phone numbers must not turn into numbers or dates
                        sheet.value(r + 1, c, text(value));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Column> columns(List<String> customFieldKeys) {
        List<Column> columns = new ArrayList<>(FIXED);
        customFieldKeys.forEach(key -> columns.add(new Column("cf." + key, lead -> lead.customFields().get(key))));
        return columns;
    }

    private static String text(Object value) {
        if (value instanceof java.math.BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "" : Objects.toString(value);
    }

    /**
     * Quotes when needed, and defuses text a spreadsheet would run as a formula (OWASP CSV
     * injection); phone numbers are exempt, their pattern admits no formula.
     */
    private static String csvCell(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=@\t\r".indexOf(cell.charAt(0)) >= 0
                || !cell.isEmpty() && (cell.charAt(0) == '+' || cell.charAt(0) == '-') && !cell.matches("[+0-9 ()-]*")) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
