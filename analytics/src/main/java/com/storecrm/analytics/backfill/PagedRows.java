package com.storecrm.analytics.backfill;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Walks a table in id order one page at a time, so that a comparison holds at most a page per side. */
final class PagedRows implements Iterator<TableRow> {

    @FunctionalInterface
    interface Pages {
        List<TableRow> after(String id, int limit);
    }

    private final Pages pages;
    private final int pageSize;
    private Iterator<TableRow> current = null;
    private String lastId = null;
    private boolean exhausted = false;

    PagedRows(Pages pages, int pageSize) {
        this.pages = pages;
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        if (current != null && current.hasNext()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        List<TableRow> page = pages.after(lastId, pageSize);
        exhausted = page.size() < pageSize;
        if (!page.isEmpty()) {
            String first = page.get(0).id();
            if (lastId != null && first.compareTo(lastId) <= 0) {
                throw new IllegalStateException("rows are not in id order after " + lastId);
            }
            lastId = page.get(page.size() - 1).id();
        }
        current = page.iterator();
        return current.hasNext();
    }

    @Override
    public TableRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
