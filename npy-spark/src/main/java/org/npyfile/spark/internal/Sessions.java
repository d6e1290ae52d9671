package org.npyfile.spark.internal;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** Spark session state that the public session API does not show. */
final class Sessions {

    private Sessions() {
    }

    /** The session's Hadoop configuration with the data source options added, as Spark's own sources build it. */
    static Configuration hadoopConf(SparkSession session, Map<String, String> options) {
        return ((org.apache.spark.sql.classic.SparkSession) session).sessionState()
                .newHadoopConfWithOptions(Scala.immutableMap(options));
    }
}
