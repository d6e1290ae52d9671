package org.npyfile.spark.internal;

import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.execution.datasources.PartitioningAwareFileIndex;
import org.apache.spark.sql.execution.datasources.v2.FileScan;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.util.SerializableConfiguration;
import org.npyfile.spark.NumpyOptions;
import org.slf4j.Logger;
import scala.collection.immutable.Seq;

/**
 * The scan of a numpy table on Spark's {@link FileScan}: Spark lists the files, prunes partitions and
 * splits every file by {@code spark.sql.files.maxPartitionBytes}; each split reads the whole rows whose
 * first byte it holds.
 *
 * <p>{@code FileScan} is a Scala trait with fields, so a Java class carries them itself: the methods
 * with {@code $} in their names are the accessors the Scala compiler would generate, and the
 * constructor runs the trait initializers that set them.
 */
public final class NumpyScan implements FileScan {

    private final SparkSession session;
    private final PartitioningAwareFileIndex fileIndex;
    private final StructType dataSchema;
    private final StructType readDataSchema;
    private final StructType readPartitionSchema;
    private final CaseInsensitiveStringMap options;
    private final Seq<Expression> partitionFilters;
    private final Seq<Expression> dataFilters;
    private final Format format;
    private final String schemaSource;
    private int maxMetadataValueLength;
    private boolean caseSensitive;
    private transient Logger log;

    NumpyScan(SparkSession session, PartitioningAwareFileIndex fileIndex, StructType dataSchema,
            StructType readDataSchema, StructType readPartitionSchema, CaseInsensitiveStringMap options,
            Seq<Expression> partitionFilters, Seq<Expression> dataFilters, Format format, String schemaSource) {
        this.session = session;
        this.fileIndex = fileIndex;
        this.dataSchema = dataSchema;
        this.readDataSchema = readDataSchema;
        this.readPartitionSchema = readPartitionSchema;
        this.options = options;
        this.partitionFilters = partitionFilters;
        this.dataFilters = dataFilters;
        this.format = format;
        this.schemaSource = schemaSource;
        FileScan.$init$(this);
    }

    @Override
    public boolean isSplitable(Path path) {
        return true;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        Configuration conf = Sessions.hadoopConf(session, options.asCaseSensitiveMap());
        Broadcast<SerializableConfiguration> broadcast = JavaSparkContext.fromSparkContext(session.sparkContext())
                .broadcast(new SerializableConfiguration(conf));
        SplitReader splits = new SplitReader(format, broadcast, new NumpyOptions(options.asCaseSensitiveMap()),
                dataSchema, readDataSchema, schemaSource);
        boolean columnar = FileBatches.supported(Sessions.sqlConf(session), readSchema());
        return new NumpyReaderFactory(splits, options.asCaseSensitiveMap(), readDataSchema, readPartitionSchema, columnar);
    }

    @Override
    public SparkSession sparkSession() {
        return session;
    }

    @Override
    public PartitioningAwareFileIndex fileIndex() {
        return fileIndex;
    }

    @Override
    public StructType dataSchema() {
        return dataSchema;
    }

    @Override
    public StructType readDataSchema() {
        return readDataSchema;
    }

    @Override
    public StructType readPartitionSchema() {
        return readPartitionSchema;
    }

    @Override
    public Seq<Expression> partitionFilters() {
        return partitionFilters;
    }

    @Override
    public Seq<Expression> dataFilters() {
        return dataFilters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumpyScan s && fileIndex.equals(s.fileIndex) && format == s.format
                && readSchema().equals(s.readSchema()) && partitionFilters.equals(s.partitionFilters)
                && dataFilters.equals(s.dataFilters) && dataSchema.equals(s.dataSchema) && options.equals(s.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), format);
    }

    // ---------------------------------------------------------------- the trait's fields

    @Override
    public int maxMetadataValueLength() {
        return maxMetadataValueLength;
    }

    @Override
    public void org$apache$spark$sql$execution$datasources$v2$FileScan$_setter_$maxMetadataValueLength_$eq(int v) {
        this.maxMetadataValueLength = v;
    }

    @Override
    public boolean org$apache$spark$sql$execution$datasources$v2$FileScan$$isCaseSensitive() {
        return caseSensitive;
    }

    @Override
    public void org$apache$spark$sql$execution$datasources$v2$FileScan$_setter_$org$apache$spark$sql$execution$datasources$v2$FileScan$$isCaseSensitive_$eq(
            boolean v) {
        this.caseSensitive = v;
    }

    @Override
    public Logger org$apache$spark$internal$Logging$$log_() {
        return log;
    }

    @Override
    public void org$apache$spark$internal$Logging$$log__$eq(Logger logger) {
        this.log = logger;
    }
}
