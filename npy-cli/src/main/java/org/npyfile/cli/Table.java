package org.npyfile.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Text columns aligned for reading: a header row and data rows, text columns left-aligned and
 * number columns right-aligned, two spaces between columns.
 */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /**
     * Starts a table.
     *
     * @param header the column titles; a title starting with {@code >} marks a right-aligned column
     *     (the {@code >} is not printed)
     */
    Table(String... header) {
        rightAligned = new boolean[header.length];
        String[] titles = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].startsWith(">");
            titles[i] = rightAligned[i] ? header[i].substring(1) : header[i];
        }
        rows.add(titles);
    }

    /**
     * Adds a row.
     *
     * @param cells one text per column; fewer cells leave the last columns empty
     * @return this table
     */
    Table row(String... cells) {
        String[] row = new String[rightAligned.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = i < cells.length && cells[i] != null ? cells[i] : "";
        }
        rows.add(row);
        return this;
    }

    /**
     * The table's lines.
     *
     * @param indent put before every line
     * @return one string per row, trailing spaces removed
     */
    List<String> lines(String indent) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()));
                line.append(i == 0 ? "" : "  ").append(rightAligned[i] ? pad + row[i] : row[i] + pad);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
