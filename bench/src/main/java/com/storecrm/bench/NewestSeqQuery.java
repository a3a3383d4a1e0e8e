package com.storecrm.bench;

/**
 * The latency poll: the highest sequence number (see {@link LeadChanges}) among the lead rows that
 * arrived in ClickHouse since the previous poll, read cheaply.
 *
 * <p>Every insert into a MergeTree table becomes a part named {@code <partition>_<min block>_<max
 * block>_<level>}, with block numbers that grow with each insert (and a merged part carries the
 * highest block it took in). A poll reads only the parts whose highest block is above the highest
 * it saw so far, so it costs about a millisecond however many rows the table holds, where
 * {@code max(company)} over all rows costs several on this machine and would load ClickHouse with
 * the poller itself. The job applies changes in commit order, so the newest parts hold the newest
 * changes. Rows whose {@code company} is no sequence number (other phases) are left out.
 */
final class NewestSeqQuery {

    private static final String BLOCK = "toUInt64(splitByChar('_', _part)[3])";

    private long lastBlock;

    /** Polls start after block {@code startBlock}: whatever is in ClickHouse already is not news. */
    NewestSeqQuery(long startBlock) {
        this.lastBlock = startBlock;
    }

    /** The highest block of the lead table's active parts now, to start from. */
    static String currentBlockSql() {
        return "SELECT max(max_block_number) FROM system.parts WHERE database = 'storecrm' AND table = 'lead' AND active";
    }

    synchronized String sql() {
        return "SELECT maxIf(company, startsWith(company, '0')), max(" + BLOCK + ") FROM storecrm.lead WHERE "
                + BLOCK + " > " + lastBlock;
    }

    /** Reads an answer of {@link #sql()}: the highest sequence number in it, or -1 when there was none. */
    synchronized long read(String line) {
        String[] fields = line.split("\t");
        if (fields.length < 2) {
            return -1;
        }
        long block = Long.parseLong(fields[1].trim());
        if (block > lastBlock) {
            lastBlock = block;
        }
        return LeadChanges.parseSeq(fields[0]);
    }
}
