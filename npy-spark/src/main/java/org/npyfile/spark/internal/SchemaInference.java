package org.npyfile.spark.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.npyfile.NpyHeader;
import org.npyfile.NpyReader;
import org.npyfile.hadoop.HadoopNpy;
import org.npyfile.hadoop.internal.FileErrors;
import org.npyfile.npz.NpzFile;
import org.npyfile.spark.NumpyOptions;

/**
 * The schema of a load, from the header of its first file in path order (one small positional read, or
 * an archive's central directory and entry headers). Every other file is checked against it when a task
 * reads it, so a load of thousands of shards costs the driver one header, and a file that differs fails
 * with both files named.
 */
public final class SchemaInference {

    private SchemaInference() {
    }

    /**
     * The inferred schema and the file it came from.
     *
     * @param schema the columns, the added path and row index columns last
     * @param source the file whose header gave the columns
     */
    public record Inferred(StructType schema, String source) {
    }

    /**
     * Infers the schema of a load.
     *
     * @param format npy or npz
     * @param conf the Hadoop configuration
     * @param options the parsed options
     * @param files the listed files
     * @return the schema, or null when there are no files
     * @throws IOException if the first file cannot be read; the message names it
     */
    public static Inferred infer(Format format, Configuration conf, NumpyOptions options, List<FileStatus> files)
            throws IOException {
        FileStatus first = files.stream().filter(FileStatus::isFile)
                .min(Comparator.comparing(f -> f.getPath().toString())).orElse(null);
        if (first == null) {
            return null;
        }
        Path path = first.getPath();
        FileSystem fs = path.getFileSystem(conf);
        List<StructField> fields = new ArrayList<>();
        try {
            if (format == Format.NPY) {
                try (NpyReader reader = NpyReader.of(HadoopNpy.channel(fs, path, first.getLen()), options.npyLimits())) {
                    for (ColumnSpec c : ColumnSpec.ofNpy(reader.header(), options.allowPrecisionLoss())) {
                        fields.add(c.field());
                    }
                }
            } else {
                try (NpzFile npz = NpzFile.open(HadoopNpy.channel(fs, path, first.getLen()), options.npzLimits())
                        .named(path.toString())) {
                    List<String> keys = options.keys().isEmpty() ? npz.names() : options.keys();
                    for (String key : keys) {
                        if (!npz.contains(key)) {
                            throw new IllegalArgumentException("option keys names '" + key + "', which " + path
                                    + " does not hold; its keys are " + npz.names());
                        }
                        if (!options.keys().isEmpty() || npz.isNpy(key)) {
                            NpyHeader header = npz.header(key);
                            fields.add(ColumnSpec.ofEntry(key, header, options.allowPrecisionLoss()).field());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw FileErrors.named(path.toString(), e);
        }
        for (String added : new String[] {options.pathColumn(), options.rowIndexColumn()}) {
            if (added != null && fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(added))) {
                throw new IllegalArgumentException("the added column '" + added + "' has the name of a column of "
                        + path + "; choose another name");
            }
        }
        if (options.pathColumn() != null) {
            fields.add(new StructField(options.pathColumn(), DataTypes.StringType, false, Metadata.empty()));
        }
        if (options.rowIndexColumn() != null) {
            fields.add(new StructField(options.rowIndexColumn(), DataTypes.LongType, false, Metadata.empty()));
        }
        return new Inferred(new StructType(fields.toArray(new StructField[0])), path.toString());
    }
}
