/**
 * Integration-test infrastructure: real services inside (or started by) the test JVM, each started
 * once per JVM on first use, on 127.0.0.1 and free ephemeral ports, stopped at JVM exit.
 *
 * <ul>
 *   <li>{@link io.rapport.testing.KafkaTestCluster}: a KRaft Kafka broker (transactions, consumer
 *       groups); isolate tests with {@code uniqueTopic(prefix, partitions)}.
 *   <li>{@link io.rapport.testing.ElasticsearchTestNode}: an Elasticsearch 8.19 node (separate
 *       process, as user {@code rapport} when root); isolate tests with {@code
 *       uniqueIndexPrefix()}.
 *   <li>{@link io.rapport.testing.FlinkTestCluster}: the MiniCluster extension (2 slots) and stream
 *       environments (parallelism 2, exactly-once checkpoints, no generic types, no restarts).
 * </ul>
 *
 * <pre>{@code
 * @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();
 *
 * @Test
 * void job() throws Exception {
 *   KafkaTestCluster kafka = KafkaTestCluster.get();
 *   ElasticsearchTestNode es = ElasticsearchTestNode.get();
 *   String topic = kafka.uniqueTopic("mentions", 2);
 *   String index = ElasticsearchTestNode.uniqueIndexPrefix() + "mentions";
 *   kafka.produce(topic, "k1", "{...}");
 *   StreamExecutionEnvironment env = FlinkTestCluster.env();
 *   // ... KafkaSource on kafka.bootstrapServers() -> EsDocument(index, id, json) ...
 *   //     .sinkTo(new ElasticsearchSink(es.sinkConfig()));
 *   env.execute();
 *   assertThat(es.count(index)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>See {@code KafkaToElasticsearchITCase} for a complete example.
 */
package io.rapport.testing;
