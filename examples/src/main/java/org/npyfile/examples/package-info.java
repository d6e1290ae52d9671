/**
 * Runnable examples of npyfile, mirroring the original MicroPython module's examples and going
 * further. Each class has a {@code main} and a {@code run} method that writes to a given stream, so
 * that a test can run every example.
 */
package org.npyfile.examples;
