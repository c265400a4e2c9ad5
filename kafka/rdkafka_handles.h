// RAII owners for librdkafka C handles (STYLE rule 17): nothing in kafka/ or
// its tests frees a handle by hand.
#pragma once

#include <librdkafka/rdkafka.h>

#include <memory>

namespace phiscrub::kafka {

struct RdDeleter {
  void operator()(rd_kafka_t* p) const { rd_kafka_destroy(p); }
  void operator()(rd_kafka_conf_t* p) const { rd_kafka_conf_destroy(p); }
  void operator()(rd_kafka_message_t* p) const { rd_kafka_message_destroy(p); }
  void operator()(rd_kafka_topic_partition_list_t* p) const {
    rd_kafka_topic_partition_list_destroy(p);
  }
  void operator()(rd_kafka_headers_t* p) const { rd_kafka_headers_destroy(p); }
  void operator()(rd_kafka_error_t* p) const { rd_kafka_error_destroy(p); }
  void operator()(rd_kafka_consumer_group_metadata_t* p) const {
    rd_kafka_consumer_group_metadata_destroy(p);
  }
  void operator()(rd_kafka_queue_t* p) const { rd_kafka_queue_destroy(p); }
};

using HandlePtr = std::unique_ptr<rd_kafka_t, RdDeleter>;
using ConfPtr = std::unique_ptr<rd_kafka_conf_t, RdDeleter>;
using MessagePtr = std::unique_ptr<rd_kafka_message_t, RdDeleter>;
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, RdDeleter>;
using HeadersPtr = std::unique_ptr<rd_kafka_headers_t, RdDeleter>;
using ErrorPtr = std::unique_ptr<rd_kafka_error_t, RdDeleter>;
using GroupMetadataPtr = std::unique_ptr<rd_kafka_consumer_group_metadata_t, RdDeleter>;
using QueuePtr = std::unique_ptr<rd_kafka_queue_t, RdDeleter>;

}  // namespace phiscrub::kafka
