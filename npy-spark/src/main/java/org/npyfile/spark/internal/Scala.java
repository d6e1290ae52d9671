package org.npyfile.spark.internal;

import java.util.List;
import java.util.Map;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** The few conversions between Java and the Scala collections in Spark's signatures. */
public final class Scala {

    private Scala() {
    }

    /** A Scala immutable sequence of a Java list. */
    public static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    /** A Java list of a Scala sequence. */
    public static <T> List<T> list(scala.collection.Seq<T> seq) {
        return CollectionConverters.asJava(seq);
    }

    /** A Java map of a Scala map. */
    public static <K, V> Map<K, V> map(scala.collection.Map<K, V> map) {
        return CollectionConverters.asJava(map);
    }

    /** A Scala immutable map of a Java map. */
    public static <K, V> scala.collection.immutable.Map<K, V> immutableMap(Map<K, V> map) {
        return scala.collection.immutable.Map.from(CollectionConverters.asScala(map));
    }

    /** Scala's optional of a nullable value. */
    public static <T> Option<T> option(T value) {
        return Option.apply(value);
    }

    /**
     * Throws a checked exception from a method whose Scala signature declares none (Scala has no
     * checked exceptions); Spark's callers catch it by its class, as they do from Scala code.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
