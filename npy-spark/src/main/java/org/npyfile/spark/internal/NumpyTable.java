package org.npyfile.spark.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.execution.datasources.FileFormat;
import org.apache.spark.sql.execution.datasources.v2.FileTable;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.npyfile.spark.NumpyOptions;
import scala.Option;
import scala.collection.immutable.Seq;

/**
 * A load of numpy files as a DataSource V2 table on Spark's {@link FileTable}: listing, globbing,
 * partition discovery and the file index are Spark's; the schema comes from {@link SchemaInference}.
 */
public final class NumpyTable extends FileTable {

    private final String name;
    private final Format format;
    private final SparkSession session;
    private final CaseInsensitiveStringMap options;
    private final Seq<String> paths;
    private final Class<? extends FileFormat> fallback;
    private String schemaSource;

    /**
     * Creates the table.
     *
     * @param name the table's name
     * @param format npy or npz
     * @param session the session
     * @param options the options without the paths
     * @param paths the paths to load
     * @param userSchema the schema the user gave, or none
     * @param fallback the V1 format of the same source
     */
    public NumpyTable(String name, Format format, SparkSession session, CaseInsensitiveStringMap options,
            Seq<String> paths, Option<StructType> userSchema, Class<? extends FileFormat> fallback) {
        super(session, options, paths, userSchema);
        this.name = name;
        this.format = format;
        this.session = session;
        this.options = options;
        this.paths = paths;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NumpyScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
        StructType data = dataSchema();
        return new NumpyScanBuilder(session, fileIndex(), data, mergedOptions(scanOptions), format, schemaSource);
    }

    @Override
    public Option<StructType> inferSchema(Seq<FileStatus> files) {
        try {
            SchemaInference.Inferred inferred = SchemaInference.infer(format,
                    Sessions.hadoopConf(session, options.asCaseSensitiveMap()),
                    new NumpyOptions(options.asCaseSensitiveMap()), Scala.list(files));
            if (inferred == null) {
                return Option.empty();
            }
            schemaSource = inferred.source();
            return Option.apply(inferred.schema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
        LogicalWriteInfo merged = mergedWriteInfo(info);
        return new WriteBuilder() {
            @Override
            public org.apache.spark.sql.connector.write.Write build() {
                return new NumpyWrite(paths, format, merged);
            }
        };
    }

    @Override
    public String formatName() {
        return format.shortName().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Class<? extends FileFormat> fallbackFileFormat() {
        return fallback;
    }
}
