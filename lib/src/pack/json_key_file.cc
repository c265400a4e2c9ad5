// YAML key files for JSON redaction (see LoadJsonKeyFile in phiscrub/json.h).
// yaml-cpp throws; exceptions are caught here (start-up) and become
// diagnostics naming the file, the rule number and the line.
#include <yaml-cpp/yaml.h>

#include <set>

#include "pack/pack.h"
#include "phiscrub/json.h"

namespace phiscrub {
namespace {

std::string Where(const YAML::Node& node) {
  auto m = node.Mark();
  if (m.line < 0) return "";
  return " (line " + std::to_string(m.line + 1) + ")";
}

bool ValidEntityName(const std::string& e) {
  if (e.empty()) return false;
  for (char c : e) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool LoadJsonKeyFile(const std::string& path, JsonOptions* options,
                     std::vector<Diagnostic>* diagnostics) {
  size_t errors_before = diagnostics->size();
  auto error = [&](const std::string& rule, std::string message) {
    Diagnostic d;
    d.file = path;
    d.rule_id = rule;
    d.message = std::move(message);
    diagnostics->push_back(std::move(d));
  };
  std::string text;
  if (!internal::ReadSmallFile(path, &text)) {
    error("", "cannot read JSON key file");
    return false;
  }
  try {
    YAML::Node root = YAML::Load(text);
    if (root.IsNull()) return true;
    if (!root.IsMap()) {
      error("", "a JSON key file is a map (hipaa_keys, nested_json, "
                "redact_recording_urls, placeholder, rules)");
      return false;
    }
    static const std::set<std::string> kTop = {"hipaa_keys", "nested_json",
                                               "redact_recording_urls",
                                               "placeholder", "rules"};
    for (auto it = root.begin(); it != root.end(); ++it) {
      std::string k = it->first.as<std::string>();
      if (!kTop.count(k)) error("", "unknown key '" + k + "'" + Where(it->first));
    }
    if (root["hipaa_keys"]) options->hipaa_keys = root["hipaa_keys"].as<bool>();
    if (root["nested_json"]) options->nested_json = root["nested_json"].as<bool>();
    if (root["redact_recording_urls"]) {
      options->redact_recording_urls = root["redact_recording_urls"].as<bool>();
    }
    if (root["placeholder"]) {
      options->placeholder = root["placeholder"].as<std::string>();
    }
    const YAML::Node rules = root["rules"];
    if (rules && !rules.IsSequence()) {
      error("", "'rules' is a list" + Where(rules));
    } else if (rules) {
      size_t n = 0;
      for (const auto& node : rules) {
        ++n;
        std::string where = "rule " + std::to_string(n);
        if (!node.IsMap()) {
          error(where, "a rule is a map" + Where(node));
          continue;
        }
        static const std::set<std::string> kRule = {"path", "key", "action",
                                                    "entity", "id"};
        for (auto it = node.begin(); it != node.end(); ++it) {
          std::string k = it->first.as<std::string>();
          if (!kRule.count(k)) {
            error(where, "unknown key '" + k + "'" + Where(it->first));
          }
        }
        JsonKeyRule r;
        if (node["path"]) r.path = node["path"].as<std::string>();
        if (node["key"]) r.key = node["key"].as<std::string>();
        if (node["id"]) r.id = node["id"].as<std::string>();
        if (!r.id.empty()) where += " '" + r.id + "'";
        r.source = path + " " + where + Where(node);
        if (r.path.empty() == r.key.empty()) {
          error(where, "needs exactly one of 'path' and 'key'" + Where(node));
        }
        std::string action =
            node["action"] ? node["action"].as<std::string>() : "";
        if (action == "redact") {
          r.action = JsonKeyRule::Action::kRedact;
        } else if (action == "scan") {
          r.action = JsonKeyRule::Action::kScan;
        } else if (action == "skip") {
          r.action = JsonKeyRule::Action::kSkip;
        } else {
          error(where, "action must be redact, scan or skip, not '" + action +
                           "'" + Where(node));
        }
        if (node["entity"]) r.entity = node["entity"].as<std::string>();
        if (r.action == JsonKeyRule::Action::kRedact) {
          if (!ValidEntityName(r.entity)) {
            error(where, "action 'redact' needs an entity name such as "
                         "DIAGNOSIS (A-Z, 0-9, _), got '" +
                             r.entity + "'" + Where(node));
          }
        } else if (!r.entity.empty()) {
          error(where, "'entity' only goes with action 'redact'" + Where(node));
        }
        options->rules.push_back(std::move(r));
      }
    }
  } catch (const YAML::Exception& e) {
    error("", std::string("YAML: ") + e.what());
  }
  return diagnostics->size() == errors_before;
}

}  // namespace phiscrub
