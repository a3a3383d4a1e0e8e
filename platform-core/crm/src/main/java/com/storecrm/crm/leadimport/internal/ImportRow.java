package com.storecrm.crm.leadimport.internal;

import java.util.List;

/** One data row of an uploaded file: its row number in the file (the header is row 1) and its cells as read. */
public record ImportRow(int rowNumber, List<String> cells) {

    public ImportRow {
        cells = List.copyOf(cells);
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
