package com.storecrm.crm.leadimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Generated lead files with a known set of bad rows. Row i (1-based data row, file row i + 1) is good
 * unless i % 100 is 7 (no name), 13 (malformed phone), 21 (malformed email), 33 (the phone of the row
 * before it), 47 (the phone of one of the store's existing leads) or 55 (an unknown source).
 */
final class ImportFiles {

    final List<List<String>> rows = new ArrayList<>();
    /** File row number -> the words its reason must contain. */
    final Map<Integer, String> rejected = new TreeMap<>();

    /** {@code tag} names the leads ("tag i") and {@code phoneBase} keeps phone numbers apart from other files'. */
    ImportFiles(String tag, int phoneBase, int count, List<String> existingPhones) {
        for (int i = 1; i <= count; i++) {
            String name = tag + " " + i;
            String phone = phone(phoneBase + i);
            String email = tag.toLowerCase().replace(' ', '.') + "." + i + "@example.com";
            String source = "EXHIBITION";
            switch (i % 100) {
                case 7 -> { name = ""; rejected.put(i + 1, "name: must not be blank"); }
                case 13 -> { phone = "139-CALL-ME"; rejected.put(i + 1, "phone: may hold digits"); }
                case 21 -> { email = "not-an-email"; rejected.put(i + 1, "email: must be a well-formed email address"); }
                case 33 -> { phone = phone(phoneBase + i - 1); rejected.put(i + 1, "phone: duplicates row " + i + " of this file"); }
                case 47 -> {
                    if (!existingPhones.isEmpty()) {
                        phone = existingPhones.get(i / 100 % existingPhones.size());
                        rejected.put(i + 1, "phone: duplicates the live lead");
                    }
                }
                case 55 -> { source = "TELEPATHY"; rejected.put(i + 1, "source: must be one of"); }
                default -> { }
            }
            rows.add(List.of(name, "Company " + i, phone, email, source));
        }
    }

    static String phone(int i) {
        return "+86 139 " + String.format("%08d", i);
    }

    int accepted() {
        return rows.size() - rejected.size();
    }

    byte[] csv(List<String> header) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(row -> csv.append(String.join(",", row)).append("\r\n"));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(List<String> header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Leads");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (!row.get(c).isEmpty()) {
                        sheet.value(r + 1, c, row.get(c));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** RFC 4180 records of a report (quoted cells, doubled quotes), without the byte order mark. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted && c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (!quoted && c == '\n') {
                record.add(cell.toString());
                records.add(record);
                record = new ArrayList<>();
                cell.setLength(0);
            } else if (quoted || c != '\r') {
                cell.append(c);
            }
        }
        return records;
    }
}
