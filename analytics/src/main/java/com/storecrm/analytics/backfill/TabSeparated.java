package com.storecrm.analytics.backfill;

/** Reads one line of ClickHouse's TabSeparated output: {@code \N} is NULL, the rest is unescaped. */
final class TabSeparated {

    private TabSeparated() {
    }

    static String[] fields(String line, int expected) {
        String[] raw = line.split("\t", -1);
        if (raw.length != expected) {
            throw new IllegalStateException("expected " + expected + " columns from ClickHouse, got " + raw.length);
        }
        String[] values = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = "\\N".equals(raw[i]) ? null : unescape(raw[i]);
        }
        return values;
    }

    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'v' -> out.append('\u000b');
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
