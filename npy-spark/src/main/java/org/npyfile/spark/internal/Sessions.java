package org.npyfile.spark.internal;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;

/** Spark session state that the public session API does not show. */
public final class Sessions {

    private Sessions() {
    }

    /** The session's Hadoop configuration with the data source options added, as Spark's own sources build it. */
    public static Configuration hadoopConf(SparkSession session, Map<String, String> options) {
        return ((org.apache.spark.sql.classic.SparkSession) session).sessionState()
                .newHadoopConfWithOptions(Scala.immutableMap(options));
    }

    /** The session's SQL configuration. */
    public static SQLConf sqlConf(SparkSession session) {
        return ((org.apache.spark.sql.classic.SparkSession) session).sessionState().conf();
    }
}
