package org.npyfile.spark.internal;

import java.util.Map;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.v2.FileWrite;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.Function1;
import scala.collection.immutable.Seq;

/**
 * The DataSource V2 write of a numpy table on Spark's {@link FileWrite} (job setup, commit protocol and
 * statistics are Spark's). {@code DataFrameWriter} saves go through the V1 fallback format instead, as
 * for every Spark file source; both use {@link #outputWriterFactory}.
 *
 * <p>{@code FileWrite} is a Scala trait with fields: the {@code $} methods are their accessors.
 */
public final class NumpyWrite implements FileWrite {

    private final Seq<String> paths;
    private final Format format;
    private final LogicalWriteInfo info;
    private StructType schema;
    private String queryId;
    private CaseInsensitiveStringMap options;

    NumpyWrite(Seq<String> paths, Format format, LogicalWriteInfo info) {
        this.paths = paths;
        this.format = format;
        this.info = info;
        FileWrite.$init$(this);
    }

    /**
     * The factory of the per-task writers of a write job.
     *
     * @param format npy or npz
     * @param options the write options
     * @param dataSchema the columns written
     * @return the factory
     */
    public static OutputWriterFactory outputWriterFactory(Format format, Map<String, String> options,
            StructType dataSchema) {
        return new NumpyOutputWriterFactory(format, options, dataSchema);
    }

    @Override
    public OutputWriterFactory prepareWrite(SQLConf conf, Job job, scala.collection.immutable.Map<String, String> opts,
            StructType dataSchema) {
        return outputWriterFactory(format, Scala.map(opts), dataSchema);
    }

    @Override
    public Seq<String> paths() {
        return paths;
    }

    @Override
    public String formatName() {
        return format.shortName().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Function1<DataType, Object> supportsDataType() {
        return new scala.runtime.AbstractFunction1<>() {
            @Override
            public Object apply(DataType type) {
                return Boolean.TRUE;
            }
        };
    }

    @Override
    public LogicalWriteInfo info() {
        return info;
    }

    @Override
    public CaseInsensitiveStringMap options() {
        return options;
    }

    @Override
    public StructType org$apache$spark$sql$execution$datasources$v2$FileWrite$$schema() {
        return schema;
    }

    @Override
    public String org$apache$spark$sql$execution$datasources$v2$FileWrite$$queryId() {
        return queryId;
    }

    @Override
    public void org$apache$spark$sql$execution$datasources$v2$FileWrite$_setter_$org$apache$spark$sql$execution$datasources$v2$FileWrite$$schema_$eq(
            StructType s) {
        this.schema = s;
    }

    @Override
    public void org$apache$spark$sql$execution$datasources$v2$FileWrite$_setter_$org$apache$spark$sql$execution$datasources$v2$FileWrite$$queryId_$eq(
            String id) {
        this.queryId = id;
    }

    @Override
    public void org$apache$spark$sql$execution$datasources$v2$FileWrite$_setter_$options_$eq(CaseInsensitiveStringMap o) {
        this.options = o;
    }
}
