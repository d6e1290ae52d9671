package org.npyfile.spark;

import java.io.Closeable;
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
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.npyfile.spark.internal.FileBatches;
import org.npyfile.spark.internal.FileRows;
import org.npyfile.spark.internal.Format;
import org.npyfile.spark.internal.NumpyWrite;
import org.npyfile.spark.internal.Scala;
import org.npyfile.spark.internal.SchemaInference;
import org.npyfile.spark.internal.Sessions;
import org.npyfile.spark.internal.SplitReader;
import scala.Function1;
import scala.Option;
import scala.collection.Iterator;
import scala.collection.immutable.Map;
import scala.collection.immutable.Seq;
import scala.runtime.AbstractFunction1;

/**
 * The V1 {@link FileFormat} of the numpy sources, the fallback of their V2 sources: Spark reads catalog
 * tables and SQL on files ({@code npy.`path`}) and writes every {@code DataFrameWriter} save through it,
 * with the same readers, splits and writers as the V2 path, column batches included.
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
    public boolean supportBatch(SparkSession session, StructType schema) {
        return FileBatches.supported(Sessions.sqlConf(session), schema);
    }

    /**
     * Reads splits as column batches when Spark asks for them ({@link FileFormat#OPTION_RETURNING_BATCH},
     * after {@link #supportBatch}), the partition values as constant columns after the data columns;
     * else as rows, with Spark's own projection adding the partition values.
     */
    @Override
    public Function1<PartitionedFile, Iterator<InternalRow>> buildReaderWithPartitionValues(SparkSession session,
            StructType dataSchema, StructType partitionSchema, StructType requiredSchema, Seq<Filter> filters,
            Map<String, String> options, Configuration hadoopConf) {
        if (!"true".equals(options.getOrElse(FileFormat.OPTION_RETURNING_BATCH(), () -> "false"))) {
            return FileFormat.super.buildReaderWithPartitionValues(session, dataSchema, partitionSchema, requiredSchema,
                    filters, options, hadoopConf);
        }
        return new BatchFunction(splitReader(session, dataSchema, requiredSchema, options, hadoopConf), partitionSchema);
    }

    @Override
    public Function1<PartitionedFile, Iterator<InternalRow>> buildReader(SparkSession session, StructType dataSchema,
            StructType partitionSchema, StructType requiredSchema, Seq<Filter> filters, Map<String, String> options,
            Configuration hadoopConf) {
        return new ReadFunction(splitReader(session, dataSchema, requiredSchema, options, hadoopConf));
    }

    private SplitReader splitReader(SparkSession session, StructType dataSchema, StructType requiredSchema,
            Map<String, String> options, Configuration hadoopConf) {
        Broadcast<SerializableConfiguration> conf = JavaSparkContext.fromSparkContext(session.sparkContext())
                .broadcast(new SerializableConfiguration(hadoopConf));
        return new SplitReader(format(), conf, new NumpyOptions(Scala.map(options)), dataSchema, requiredSchema,
                schemaSource);
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

    /** Reads one split on an executor, as rows. */
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
            return iterator(file, rows, rows::next, rows::get);
        }
    }

    /**
     * Reads one split on an executor, as column batches. Spark's V1 scan passes batches through its
     * row iterators, as its own Parquet reader does: the elements are {@link ColumnarBatch}es.
     */
    private static final class BatchFunction extends AbstractFunction1<PartitionedFile, Iterator<InternalRow>>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        private final SplitReader splits;
        private final StructType partitionSchema;

        BatchFunction(SplitReader splits, StructType partitionSchema) {
            this.splits = splits;
            this.partitionSchema = partitionSchema;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterator<InternalRow> apply(PartitionedFile file) {
            FileBatches batches;
            try {
                batches = splits.batches(file, partitionSchema);
            } catch (IOException e) {
                throw Scala.sneakyThrow(e);
            }
            Iterator<?> iterator = iterator(file, batches, batches::next, batches::get);
            return (Iterator<InternalRow>) iterator;
        }
    }

    /** Moves to the next element, or returns false at the end. */
    @FunctionalInterface
    private interface Step {
        boolean next() throws IOException;
    }

    /**
     * A Scala iterator over a split's rows or batches that closes the split at its end, or with the task
     * if the task stops early.
     */
    private static <T> Iterator<T> iterator(PartitionedFile file, Closeable split, Step step,
            java.util.function.Supplier<T> current) {
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> close(split));
        }
        return new scala.collection.AbstractIterator<>() {
            private boolean ready;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (!ready && !done) {
                    try {
                        ready = step.next();
                    } catch (IOException e) {
                        throw Scala.sneakyThrow(e);
                    }
                    if (!ready) {
                        done = true;
                        close(split);
                    }
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException("no more rows in " + file.filePath());
                }
                ready = false;
                return current.get();
            }
        };
    }

    private static void close(Closeable split) {
        try {
            split.close();
        } catch (IOException e) {
            throw Scala.sneakyThrow(e);
        }
    }
}
