package org.npyfile.cli.repr;

/**
 * Prints one element of a column of values the way numpy's element formatter for that dtype does,
 * with the widths and layout chosen once for the whole column.
 */
@FunctionalInterface
interface ElementFormat {

    /**
     * The text of one element.
     *
     * @param index the element's position in the column, in C order
     * @return the text, padded as numpy pads it
     */
    String format(int index);
}
