package org.npyfile.spark;

import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.execution.datasources.FileFormat;
import org.apache.spark.sql.execution.datasources.v2.FileDataSourceV2;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.npyfile.spark.internal.Format;
import org.npyfile.spark.internal.NumpyTable;
import scala.Option;
import scala.collection.immutable.Seq;

/**
 * What the {@code npy} and {@code npz} sources share: a DataSource V2 {@link FileDataSourceV2} whose
 * tables are {@link NumpyTable}s, with a V1 {@link FileFormat} as its fallback, which Spark uses for
 * catalog tables and for {@code DataFrameWriter} (Spark writes every file source through V1).
 *
 * <p>{@code FileDataSourceV2} is a Scala trait with a field, so this Java class carries its accessor.
 */
abstract class NumpyDataSource implements FileDataSourceV2 {

    private Table table;

    NumpyDataSource() {
        FileDataSourceV2.$init$(this);
    }

    abstract Format format();

    @Override
    public String shortName() {
        return format().shortName();
    }

    @Override
    public Table getTable(CaseInsensitiveStringMap options) {
        return table(options, Option.empty());
    }

    @Override
    public Table getTable(CaseInsensitiveStringMap options, StructType schema) {
        return table(options, Option.apply(schema));
    }

    private Table table(CaseInsensitiveStringMap options, Option<StructType> schema) {
        Seq<String> paths = getPaths(options);
        return new NumpyTable(getTableName(options, paths), format(), sparkSession(), getOptionsWithoutPaths(options),
                paths, schema, fallbackFileFormat());
    }

    @Override
    public Table org$apache$spark$sql$execution$datasources$v2$FileDataSourceV2$$t() {
        return table;
    }

    @Override
    public void org$apache$spark$sql$execution$datasources$v2$FileDataSourceV2$$t_$eq(Table t) {
        this.table = t;
    }
}
