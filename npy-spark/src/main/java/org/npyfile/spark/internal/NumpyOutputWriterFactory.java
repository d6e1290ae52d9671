package org.npyfile.spark.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.StructType;
import org.npyfile.spark.NumpyOptions;

/** Makes one {@link NumpyOutputWriter} per task and output file; checks the options on the driver. */
final class NumpyOutputWriterFactory extends OutputWriterFactory {
    private static final long serialVersionUID = 1L;

    private final Format format;
    private final HashMap<String, String> options;
    private final StructType dataSchema;

    NumpyOutputWriterFactory(Format format, Map<String, String> options, StructType dataSchema) {
        this.format = format;
        this.options = new HashMap<>(options);
        this.dataSchema = dataSchema;
        new NumpyOptions(options);
        WriteLayout.check(format, dataSchema);
    }

    @Override
    public String getFileExtension(TaskAttemptContext context) {
        return format.extension();
    }

    @Override
    public OutputWriter newInstance(String path, StructType schema, TaskAttemptContext context) {
        return new NumpyOutputWriter(path, format, new NumpyOptions(options), schema, context.getConfiguration());
    }
}
