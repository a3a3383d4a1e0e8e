package com.storecrm.crm.leadimport.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An uploaded CSV or XLSX file read into its header and data rows. Entirely blank rows are skipped
 * but keep their numbers, so a row number in the rejected report is the row a user sees in the file.
 */
public record ImportFile(Format format, List<String> header, List<ImportRow> rows) {

    public enum Format { CSV, XLSX }

    /** A file that cannot be imported at all; the message says why. */
    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    public static Format formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        throw new Malformed("must be a .csv or .xlsx file");
    }

    public static ImportFile read(Format format, byte[] content, int maxRows) {
        List<List<String>> records = format == Format.CSV ? csv(content) : xlsx(content);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw new Malformed("the first row must name the columns");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!column.isEmpty() && !seen.add(column)) {
                throw new Malformed("the column " + column + " appears twice");
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells != null && cells.stream().anyMatch(c -> !c.isBlank())) {
                rows.add(new ImportRow(i + 1, cells));
            }
        }
        if (rows.size() > maxRows) {
            throw new Malformed("holds " + rows.size() + " rows; at most " + maxRows + " per import");
        }
        return new ImportFile(format, header, rows);
    }

    /** RFC 4180 with the usual spreadsheet habits: a byte order mark, CRLF or LF, quoted line breaks. */
    static List<List<String>> csv(byte[] content) {
        String text = decode(content);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                records.add(record);
                record = new ArrayList<>();
                cell.setLength(0);
                afterQuote = false;
            } else if (afterQuote) {
                throw new Malformed("row " + (records.size() + 1) + ": text after a closing quote");
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new Malformed("row " + (records.size() + 1) + ": a quoted cell is never closed");
        }
        if (!cell.isEmpty() || !record.isEmpty() || afterQuote) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    /** UTF-8 when the bytes are UTF-8; otherwise GB18030, what Excel on a Chinese Windows saves CSV as. */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    private static List<List<String>> xlsx(byte[] content) {
        List<List<String>> records = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    while (records.size() < row.getRowNum() - 1) {
                        records.add(List.of());
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    records.add(cells);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Malformed malformed) {
                throw malformed;
            }
            throw new Malformed("is not a readable XLSX workbook");
        }
        return records;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        // numbers keep the digits as stored: a phone number typed as a number must not become 1.39E10
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText();
    }
}
