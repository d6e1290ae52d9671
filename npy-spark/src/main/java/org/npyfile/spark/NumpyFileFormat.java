package org.npyfile.spark;

import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.FileFormat;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.npyfile.spark.internal.FileRows;
import org.npyfile.spark.internal.Format;
import org.npyfile.spark.internal.NumpyWrite;
import org.npyfile.spark.internal.Scala;
import org.npyfile.spark.internal.SchemaInference;
import org.npyfile.spark.internal.SplitReader;
import scala.Function1;
import scala.Option;
import scala.collection.Iterator;
import scala.collection.immutable.Map;
import scala.collection.immutable.Seq;
import scala.runtime.AbstractFunction1;

/**
 * The V1 {@link FileFormat} of the numpy sources, the fallback of their V2 sources: Spark reads catalog
 * tables and writes every {@code DataFrameWriter} save through it, with the same readers, splits and
 * writers as the V2 path.
 */
abstract class NumpyFileFormat implements FileFormat, DataSourceRegister, Serializable {
    private static final long serialVersionUID = 1L;

    /** The file the last inferred schema came from, named when another file does not match it. */
    private String schemaSource;

    abstract Format format();

    @Override
    public String shortName() {
        return format().shortName();
    }

    @Override
    public Option<StructType> inferSchema(SparkSession session, Map<String, String> options, Seq<FileStatus> files) {
        try {
            java.util.Map<String, String> javaOptions = Scala.map(options);
            Configuration conf = ((org.apache.spark.sql.classic.SparkSession) session).sessionState()
                    .newHadoopConfWithOptions(options);
            SchemaInference.Inferred inferred = SchemaInference.infer(format(), conf, new NumpyOptions(javaOptions),
                    Scala.list(files));
            if (inferred == null) {
                return Option.empty();
            }
            schemaSource = inferred.source();
            return Option.apply(inferred.schema());
        } catch (IOException e) {
            throw Scala.sneakyThrow(e);
        }
    }

    @Override
    public OutputWriterFactory prepareWrite(SparkSession session, Job job, Map<String, String> options,
            StructType dataSchema) {
        return NumpyWrite.outputWriterFactory(format(), Scala.map(options), dataSchema);
    }

    @Override
    public boolean isSplitable(SparkSession session, Map<String, String> options, Path path) {
        return true;
    }

    @Override
    public Function1<PartitionedFile, Iterator<InternalRow>> buildReader(SparkSession session, StructType dataSchema,
            StructType partitionSchema, StructType requiredSchema, Seq<Filter> filters, Map<String, String> options,
            Configuration hadoopConf) {
        Broadcast<SerializableConfiguration> conf = JavaSparkContext.fromSparkContext(session.sparkContext())
                .broadcast(new SerializableConfiguration(hadoopConf));
        return new ReadFunction(new SplitReader(format(), conf, new NumpyOptions(Scala.map(options)), dataSchema,
                requiredSchema, schemaSource));
    }

    @Override
    public String toString() {
        return format().shortName().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    /** Reads one split on an executor. */
    private static final class ReadFunction extends AbstractFunction1<PartitionedFile, Iterator<InternalRow>>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        private final SplitReader splits;

        ReadFunction(SplitReader splits) {
            this.splits = splits;
        }

        @Override
        public Iterator<InternalRow> apply(PartitionedFile file) {
            FileRows rows;
            try {
                rows = splits.open(file);
            } catch (IOException e) {
                throw Scala.sneakyThrow(e);
            }
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> close(rows));
            }
            return new scala.collection.AbstractIterator<>() {
                private boolean ready;
                private boolean done;

                @Override
                public boolean hasNext() {
                    if (!ready && !done) {
                        try {
                            ready = rows.next();
                        } catch (IOException e) {
                            throw Scala.sneakyThrow(e);
                        }
                        if (!ready) {
                            done = true;
                            close(rows);
                        }
                    }
                    return ready;
                }

                @Override
                public InternalRow next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException("no more rows in " + file.filePath());
                    }
                    ready = false;
                    return rows.get();
                }
            };
        }

        private static void close(FileRows rows) {
            try {
                rows.close();
            } catch (IOException e) {
                throw Scala.sneakyThrow(e);
            }
        }
    }
}
