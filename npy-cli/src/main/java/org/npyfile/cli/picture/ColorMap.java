package org.npyfile.cli.picture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A colour map of 256 colours, indexed by a level from 0 to 255: {@code gray} (level {@code v} is
 * the gray {@code (v, v, v)}) and matplotlib's perceptual maps viridis, magma, inferno, plasma and
 * cividis, from their published tables ({@code colormaps.txt} beside this class says where from),
 * each entry's red, green and blue turned into 8-bit values as {@code round(255 * v)}.
 */
public final class ColorMap {

    /** Entries per map: matplotlib's listed maps have 256, and a level is one byte. */
    public static final int SIZE = 256;

    private static final String TABLES = "colormaps.txt";

    /** The gray ramp: level v is (v, v, v). */
    public static final ColorMap GRAY = gray();

    private static Map<String, ColorMap> all;

    private final String name;
    private final int[] rgb;

    private ColorMap(String name, int[] rgb) {
        this.name = name;
        this.rgb = rgb;
    }

    private static ColorMap gray() {
        int[] rgb = new int[SIZE];
        for (int v = 0; v < SIZE; v++) {
            rgb[v] = v << 16 | v << 8 | v;
        }
        return new ColorMap("gray", rgb);
    }

    /**
     * A map by name.
     *
     * @param name {@code gray}, {@code viridis}, {@code magma}, {@code inferno}, {@code plasma} or
     *     {@code cividis}
     * @return the map
     * @throws IllegalArgumentException for any other name, naming the known ones
     */
    public static ColorMap named(String name) {
        ColorMap map = maps().get(name);
        if (map == null) {
            throw new IllegalArgumentException("no colour map '" + name + "'; the maps are " + String.join(", ", names()));
        }
        return map;
    }

    /** @return the names of the maps, gray first */
    public static List<String> names() {
        return new ArrayList<>(maps().keySet());
    }

    private static synchronized Map<String, ColorMap> maps() {
        if (all == null) {
            Map<String, ColorMap> maps = new LinkedHashMap<>();
            maps.put(GRAY.name, GRAY);
            maps.putAll(load());
            all = maps;
        }
        return all;
    }

    /** Reads the tables: a {@code [name]} line, then 256 lines of three numbers; {@code #} starts a comment. */
    private static Map<String, ColorMap> load() {
        Map<String, ColorMap> maps = new LinkedHashMap<>();
        try (InputStream in = ColorMap.class.getResourceAsStream(TABLES)) {
            if (in == null) {
                throw new IllegalStateException(TABLES + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String name = null;
            int[] rgb = null;
            int n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    name = line.substring(1, line.length() - 1);
                    rgb = new int[SIZE];
                    n = 0;
                    maps.put(name, new ColorMap(name, rgb));
                    continue;
                }
                String[] parts = line.split(" ");
                rgb[n++] = byteOf(parts[0]) << 16 | byteOf(parts[1]) << 8 | byteOf(parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return maps;
    }

    private static int byteOf(String fraction) {
        return (int) Math.round(255 * Double.parseDouble(fraction));
    }

    /** @return the map's name */
    public String name() {
        return name;
    }

    /**
     * The colour of a level.
     *
     * @param level 0 to 255
     * @return {@code 0xRRGGBB}
     */
    public int color(int level) {
        return rgb[level];
    }
}
