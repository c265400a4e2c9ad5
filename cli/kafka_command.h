// `phiscrub kafka`: the consumer-group worker front end (kafka/kafka_worker.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kafka_worker.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"

namespace phiscrub::cli {

extern const char* const kKafkaUsage;

// Moves the Kafka options out of *args (what is left are the redaction
// options `phiscrub` takes) into *k; unset ones come from the environment
// (PHISCRUB_KAFKA_BOOTSTRAP_SERVERS, PHISCRUB_KAFKA_GROUP, ...). Returns -1 to
// go on, or an exit code after printing the problem (or the help).
int ParseKafkaArgs(std::vector<char*>* args, kafka::KafkaOptions* k);

// Runs the worker until SIGTERM/SIGINT; returns the exit code.
int RunKafka(const std::shared_ptr<const Ruleset>& rules, const TextOptions& text,
             kafka::KafkaOptions k, bool stats);

}  // namespace phiscrub::cli
