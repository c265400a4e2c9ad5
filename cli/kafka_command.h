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

// Settings from the YAML file of `--config FILE` (or PHISCRUB_KAFKA_CONFIG)
// and from the environment (PHISCRUB_KAFKA_<NAME>: PHISCRUB_KAFKA_GROUP,
// PHISCRUB_KAFKA_FORMAT, ...), for every flag of `phiscrub kafka` (Kafka and
// redaction options alike, by the flag's name), inserted into *args
// (std::strings, args[0] = "kafka") before the command line's own flags.
// Precedence: flags > environment > file > defaults; a source replaces a
// setting whole (a --rules on the command line drops the file's rules).
// Removes --config from *args. Returns -1 to go on, or an exit code (78: an
// unreadable file, an unknown key, a value of the wrong shape) after
// printing the problem, which names the file and key, never a value.
int MergeKafkaConfig(std::vector<std::string>* args);

// Moves the Kafka options out of *args (what is left are the redaction
// options `phiscrub` takes) into *k (run MergeKafkaConfig first for the file
// and the environment). Returns -1 to go on, or an exit code after printing
// the problem (or the help).
int ParseKafkaArgs(std::vector<char*>* args, kafka::KafkaOptions* k);

// Runs the worker until SIGTERM/SIGINT; returns the exit code.
int RunKafka(const std::shared_ptr<const Ruleset>& rules, const TextOptions& text,
             kafka::KafkaOptions k, bool stats);

}  // namespace phiscrub::cli
