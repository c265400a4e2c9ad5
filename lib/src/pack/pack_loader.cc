// YAML parsing of packs and policies. yaml-cpp throws; exceptions are caught
// here (configuration time) and turned into diagnostics.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "pack/pack.h"

namespace phiscrub::internal {
namespace {

Diagnostic Error(const std::string& file, const std::string& rule_id,
                 std::string message, std::string pattern = {}) {
  Diagnostic d;
  d.file = file;
  d.rule_id = rule_id;
  d.message = std::move(message);
  d.pattern = std::move(pattern);
  return d;
}

std::string Where(const YAML::Node& node) {
  auto m = node.Mark();
  if (m.line < 0) return "";
  return " (line " + std::to_string(m.line + 1) + ")";
}

void CheckKeys(const YAML::Node& map, const std::set<std::string>& allowed,
               const std::string& file, const std::string& rule_id,
               std::vector<Diagnostic>* diags) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = it->first.as<std::string>();
    if (!allowed.count(key)) {
      diags->push_back(Error(file, rule_id,
                             "unknown key '" + key + "'" + Where(it->first)));
    }
  }
}

std::vector<std::string> StringList(const YAML::Node& node) {
  std::vector<std::string> out;
  if (!node) return out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return out;
  }
  for (const auto& item : node) out.push_back(item.as<std::string>());
  return out;
}

void ParseRule(const std::string& file, const YAML::Node& node,
               const std::string& default_entity, std::vector<RawRule>* rules,
               std::vector<Diagnostic>* diags) {
  RawRule r;
  r.file = file;
  if (!node.IsMap()) {
    diags->push_back(Error(file, "", "a rule must be a map" + Where(node)));
    return;
  }
  if (!node["id"]) {
    diags->push_back(Error(file, "", "rule without 'id'" + Where(node)));
    return;
  }
  r.id = node["id"].as<std::string>();
  static const std::set<std::string> kRuleKeys = {
      "id",        "entity",    "pattern",  "candidate",  "confirm",   "validator",
      "caseless",  "disabled",  "boundary", "score",     "min_score",
      "max_width", "context",   "examples", "description", "enabled_by", "maximal", "extend", "value_group",
      "detector"};
  CheckKeys(node, kRuleKeys, file, r.id, diags);
  r.entity = node["entity"] ? node["entity"].as<std::string>() : default_entity;
  if (node["pattern"]) r.pattern = node["pattern"].as<std::string>();
  if (node["detector"]) r.detector = node["detector"].as<std::string>();
  if (node["candidate"]) r.candidate = node["candidate"].as<std::string>();
  if (node["confirm"]) r.confirm = node["confirm"].as<std::string>();
  if (node["validator"]) r.validator = node["validator"].as<std::string>();
  if (node["caseless"]) r.caseless = node["caseless"].as<bool>();
  if (node["disabled"]) r.disabled = node["disabled"].as<bool>();
  if (node["maximal"]) r.maximal = node["maximal"].as<bool>();
  if (node["extend"]) r.extend = node["extend"].as<std::string>();
  if (node["value_group"]) r.value_group = node["value_group"].as<int>();
  if (node["enabled_by"]) {
    r.enabled_by = node["enabled_by"].as<std::string>();
    if (r.enabled_by != "dates_all") {
      diags->push_back(Error(file, r.id,
                             "enabled_by must be 'dates_all', not '" + r.enabled_by + "'"));
    }
  }
  if (node["boundary"]) {
    std::string b = node["boundary"].as<std::string>();
    if (b == "digits") {
      r.digit_boundary = true;
    } else if (b != "none") {
      diags->push_back(
          Error(file, r.id, "boundary must be 'digits' or 'none', not '" + b + "'"));
    }
  }
  if (node["score"]) r.score = node["score"].as<double>();
  if (node["min_score"]) r.min_score = node["min_score"].as<double>();
  if (node["max_width"]) r.max_width = node["max_width"].as<unsigned>();
  if (const auto& ctx = node["context"]) {
    static const std::set<std::string> kCtxKeys = {
        "words", "negative", "asks", "conversation", "before", "after", "boost", "penalty"};
    CheckKeys(ctx, kCtxKeys, file, r.id, diags);
    r.words = StringList(ctx["words"]);
    r.negative_words = StringList(ctx["negative"]);
    r.asks = StringList(ctx["asks"]);
    if (ctx["conversation"]) r.conversation = ctx["conversation"].as<bool>();
    if (ctx["before"]) r.before = ctx["before"].as<int>();
    if (ctx["after"]) r.after = ctx["after"].as<int>();
    if (ctx["boost"]) r.boost = ctx["boost"].as<double>();
    if (ctx["penalty"]) r.penalty = ctx["penalty"].as<double>();
  }
  if (const auto& ex = node["examples"]) {
    static const std::set<std::string> kExKeys = {"match", "no_match"};
    CheckKeys(ex, kExKeys, file, r.id, diags);
    r.match_examples = StringList(ex["match"]);
    r.no_match_examples = StringList(ex["no_match"]);
  }
  rules->push_back(std::move(r));
}

}  // namespace

void ParsePack(const std::string& file, std::string_view text,
               std::vector<RawRule>* rules,
               std::vector<Diagnostic>* diags) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap() || !root["rules"] || !root["rules"].IsSequence()) {
      diags->push_back(Error(file, "", "a pack is a map with a 'rules' list"));
      return;
    }
    static const std::set<std::string> kPackKeys = {"pack", "description",
                                                    "entity", "rules"};
    CheckKeys(root, kPackKeys, file, "", diags);
    std::string default_entity =
        root["entity"] ? root["entity"].as<std::string>() : "";
    for (const auto& node : root["rules"]) {
      ParseRule(file, node, default_entity, rules, diags);
    }
  } catch (const YAML::Exception& e) {
    diags->push_back(Error(file, "", std::string("YAML: ") + e.what()));
  }
}

void ParsePolicy(const std::string& file, std::string_view text,
                 RawPolicy* policy, std::vector<Diagnostic>* diags) {
  policy->file = file;
  auto parse_entity = [&](const std::string& entity, const YAML::Node& n) {
    RawEntityPolicy p;
    p.entity = entity;
    if (n.IsScalar()) {
      p.action = n.as<std::string>();
      return p;
    }
    static const std::set<std::string> kKeys = {"action", "template", "keep", "keep_host"};
    CheckKeys(n, kKeys, file, entity, diags);
    if (n["action"]) p.action = n["action"].as<std::string>();
    if (n["template"]) p.label_template = n["template"].as<std::string>();
    if (n["keep"]) p.keep = n["keep"].as<int>();
    if (n["keep_host"]) p.keep_host = n["keep_host"].as<bool>() ? 1 : 0;
    return p;
  };
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      diags->push_back(Error(file, "", "a policy is a map"));
      return;
    }
    static const std::set<std::string> kKeys = {"default", "entities", "hash",
                                                "placeholder"};
    CheckKeys(root, kKeys, file, "", diags);
    if (root["default"]) policy->default_policy = parse_entity("", root["default"]);
    if (const auto& ents = root["entities"]) {
      for (auto it = ents.begin(); it != ents.end(); ++it) {
        policy->entities.push_back(
            parse_entity(it->first.as<std::string>(), it->second));
      }
    }
    if (const auto& h = root["hash"]) {
      static const std::set<std::string> kHashKeys = {"key_id", "length"};
      CheckKeys(h, kHashKeys, file, "", diags);
      if (h["key_id"]) policy->key_id = h["key_id"].as<std::string>();
      if (h["length"]) policy->hash_hex_chars = h["length"].as<int>();
    }
    if (root["placeholder"]) {
      policy->placeholder = root["placeholder"].as<std::string>();
    }
  } catch (const YAML::Exception& e) {
    diags->push_back(Error(file, "", std::string("YAML: ") + e.what()));
  }
}

bool ReadSmallFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  *out = ss.str();
  return true;
}

}  // namespace phiscrub::internal
