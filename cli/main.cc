// phiscrub: redacts PHI from text streams (stdin or files) to stdout.
// Thin front end: flags -> options, build the ruleset, move bytes.
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "phiscrub/json.h"
#include "phiscrub/ruleset.h"
#include "bench.h"
#include "line_protocol.h"
#include "stream_driver.h"
#ifdef PHISCRUB_HAVE_KAFKA
#include "kafka_command.h"
#endif

namespace {

// Documented exit codes.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;  // --check found something
constexpr int kExitError = 2;     // usage, I/O or runtime error
constexpr int kExitConfig = 78;   // invalid configuration (EX_CONFIG)

constexpr const char* kVersion = "phiscrub 0.1.0";

const char* kUsage = R"(Usage: phiscrub [OPTIONS] [FILE...]
       phiscrub validate [--rules DIR] [--entities LIST] [--policy FILE] [--hash-key-file FILE]
       phiscrub bench [--json] [OPTIONS] FILE...
       phiscrub kafka --bootstrap-servers HOSTS --group ID --in-topic T --out-topic T [OPTIONS]

Redacts PHI (SSNs, phone numbers, email addresses, ...) from text, one record
per line, reading FILEs (or stdin when none or "-") and writing to stdout.
Output is flushed whenever input drains, so `tail -f app.log | phiscrub` works.

Options:
  --format FMT          text (default): every line is text;
                        ndjson: every line is one JSON document (string
                        values redacted, everything else byte-identical,
                        malformed lines replaced by {"phiscrub_error":...});
                        json: each input is one JSON document (at most
                        --max-record bytes);
                        transcript: every line is a turn of a conversation
                        (a blank line between conversations): a question
                        ("your date of birth?") makes the answers in the
                        next turns values of that entity, spoken ones too;
                        auto: lines starting with { or [ that parse are JSON
                        (vendor payloads get their profile), lines that look
                        like turns ("Agent: ...", "[doctor] ...") are read as
                        a conversation, all other lines text;
                        signalwire|vapi|retell|deepgram|transcribe: one vendor
                        payload per input, with that profile (see --profile)
  --profile NAME        vendor profile for JSON records: which fields are
                        routing identities (always redacted), recording URLs
                        and transcript/word lists (kept in step, audio times
                        in --findings)
  --redact-recording-urls  replace the profiles' call recording and log URLs
                        with entity RECORDING_URL (default: scanned, kept
                        unless they hold PHI)
  --json-keys FILE      YAML key rules for JSON: redact, scan or skip values
                        by JSON path or key name (see README); they win over
                        the profile's
  --json-placeholder T  JSON record written instead of a record that cannot
                        be redacted; {reason} is substituted
                        (default {"phiscrub_error":"{reason}"})
  --rules DIR           add pattern packs from DIR (*.yaml); may repeat. A rule
                        with a built-in id replaces it; `disabled: true` removes it
  --entities LIST       only these entity types, comma-separated
                        (e.g. US_SSN,PHONE_NUMBER); default: all
  --dict [TYPE=]FILE    redact the entries of a word list (one per line; TYPE
                        defaults to PERSON, e.g. PROVIDER=providers.txt):
                        case-insensitive, whole words, "Last, First" too
  --url-keep-host       URLs keep scheme and host: https://host/[URL]
  --no-spoken           written forms only: no spoken numbers, spelled
                        letters or "dot"/"at" e-mail (measures the spoken
                        view's cost; leaks spoken PHI)
  --dates birth|all     birth (default): dates with birth context (DOB, born);
                        all: every date (HIPAA Safe Harbor), entity DATE
  --policy FILE         redaction policy (label, mask, partial, hash, drop per entity)
  --hash-key-file FILE  HMAC key for `hash` actions (or $PHISCRUB_HASH_KEY_FILE)
  --cache-dir DIR|off   where compiled rules are kept between runs, so later
                        runs start in milliseconds (default $PHISCRUB_CACHE_DIR,
                        else $XDG_CACHE_HOME/phiscrub or ~/.cache/phiscrub);
                        a damaged or foreign cache file is never used
  --threads N           worker threads (default: number of cores); output is
                        byte-identical for every N
  --max-record BYTES    longer lines (or --format json documents) become a
                        placeholder (default 1M; K, M, G suffixes allowed)
  --scan-invalid-utf8   scan lines with invalid UTF-8 as bytes instead of
                        replacing them with a placeholder (the default)
  --line-buffered       write every record as soon as it is redacted
  --output FILE         append the redacted records to FILE instead of stdout
  --mmexternal[=INPUT]  run as an rsyslog mmexternal plugin: one JSON reply
                        per input line ({"msg":...,"$!":{"phiscrub":"1"}}),
                        flushed; INPUT is msg (default, interface.input="msg")
                        or fulljson (interface.input="fulljson": msg and
                        rawmsg are redacted); never writes to stderr
  --omprog-confirm      run under rsyslog omprog with confirmMessages="on":
                        "OK" once ready and after each record is written to
                        --output FILE (required: stdout is the confirmation
                        channel)
  --progress            on a terminal: bytes, records and MB/s on stderr
                        while working (never content)
  --findings FILE       write findings as JSON lines (record, JSON path, offsets,
                        entity, rule, score, action; never the matched text)
  --stats               print a summary on stderr at exit
  --check               exit 1 if anything was found (CI gate)
  --version             print the version
  -h, --help            this help

Exit codes: 0 ok, 1 findings with --check, 2 usage, I/O or runtime error,
78 invalid configuration.

Examples:
  printf 'SSN 123-45-6789, call (415) 555-0132\n' | phiscrub
  tail -f /var/log/app.log | phiscrub --line-buffered >> /var/log/app.clean.log
  phiscrub --check --stats export.csv >/dev/null || echo "PHI found"
  phiscrub --policy policy.yaml --hash-key-file /run/secrets/phi-key app.log
  phiscrub --format ndjson --json-keys keys.yaml app.ndjson > app.clean.ndjson
  phiscrub validate --rules ./my-rules
  phiscrub bench --threads 1 my-app.log    # MB/s, latency, findings; no output

`phiscrub bench` runs the whole pipeline over FILEs without writing the
redacted text and prints MB/s, records/s, per-record latency (p50, p99, max),
findings per entity and peak memory (--json: one JSON object).
)";

struct CliOptions {
  phiscrub::RulesetOptions rules;
  std::string json_keys;
  std::string profile;
  std::string json_placeholder;
  bool json_placeholder_set = false;
  bool redact_recording_urls = false;
  phiscrub::cli::DriverOptions driver;
  std::string findings_path;
  bool stats = false;
  bool check = false;
  bool json = false;  // bench --json
  bool mmexternal = false;
  phiscrub::cli::MmexternalInput mmexternal_input = phiscrub::cli::MmexternalInput::kMsg;
  bool omprog_confirm = false;
  std::string output_path;
  std::vector<std::string> inputs;
};

void PrintDiagnostics(const std::vector<phiscrub::Diagnostic>& diags) {
  for (const auto& d : diags) fprintf(stderr, "phiscrub: %s\n", d.ToString().c_str());
}

bool ParseSize(const char* s, size_t* out) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || v == 0) return false;
  *out = static_cast<size_t>(v);
  return true;
}

bool IsProfile(const std::string& name) {
  for (const auto& p : phiscrub::JsonProfileNames()) {
    if (p == name) return true;
  }
  return false;
}

// Returns -1 to continue, or an exit code.
int ParseArgs(int argc, char** argv, CliOptions* o) {
  o->rules.cache_dir = phiscrub::DefaultCacheDir();
  enum {
    kRules = 256, kEntities, kDict, kDates, kUrlKeepHost, kNoSpoken, kPolicy, kHashKey, kThreads, kMaxRecord, kScanInvalid,
    kLineBuffered, kFindings, kStats, kCheck, kVersionOpt, kJson, kFormat, kJsonKeys,
    kJsonPlaceholder, kRedactRecordingUrls, kProfile, kMmexternal, kOmprogConfirm, kOutput, kProgress, kCacheDir
  };
  static const struct option kLong[] = {
      {"rules", required_argument, nullptr, kRules},
      {"entities", required_argument, nullptr, kEntities},
      {"dict", required_argument, nullptr, kDict},
      {"json", no_argument, nullptr, kJson},
      {"dates", required_argument, nullptr, kDates},
      {"url-keep-host", no_argument, nullptr, kUrlKeepHost},
      {"no-spoken", no_argument, nullptr, kNoSpoken},
      {"cache-dir", required_argument, nullptr, kCacheDir},
      {"policy", required_argument, nullptr, kPolicy},
      {"hash-key-file", required_argument, nullptr, kHashKey},
      {"threads", required_argument, nullptr, kThreads},
      {"max-record", required_argument, nullptr, kMaxRecord},
      {"scan-invalid-utf8", no_argument, nullptr, kScanInvalid},
      {"line-buffered", no_argument, nullptr, kLineBuffered},
      {"findings", required_argument, nullptr, kFindings},
      {"stats", no_argument, nullptr, kStats},
      {"check", no_argument, nullptr, kCheck},
      {"version", no_argument, nullptr, kVersionOpt},
      {"format", required_argument, nullptr, kFormat},
      {"json-keys", required_argument, nullptr, kJsonKeys},
      {"profile", required_argument, nullptr, kProfile},
      {"json-placeholder", required_argument, nullptr, kJsonPlaceholder},
      {"redact-recording-urls", no_argument, nullptr, kRedactRecordingUrls},
      {"mmexternal", optional_argument, nullptr, kMmexternal},
      {"omprog-confirm", no_argument, nullptr, kOmprogConfirm},
      {"output", required_argument, nullptr, kOutput},
      {"progress", no_argument, nullptr, kProgress},
      {"help", no_argument, nullptr, 'h'},
      {nullptr, 0, nullptr, 0}};
  unsigned cores = std::thread::hardware_concurrency();
  o->driver.threads = cores > 0 ? static_cast<int>(cores) : 1;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, "h", kLong, nullptr)) != -1) {
    switch (c) {
      case kRules: o->rules.rule_dirs.push_back(optarg); break;
      case kEntities: {
        std::string list = optarg;
        size_t pos = 0;
        while (pos <= list.size()) {
          size_t comma = list.find(',', pos);
          if (comma == std::string::npos) comma = list.size();
          if (comma > pos) o->rules.entities.push_back(list.substr(pos, comma - pos));
          pos = comma + 1;
        }
        break;
      }
      case kDict:
        o->rules.dictionaries.push_back(phiscrub::ParseDictionaryArg(optarg));
        break;
      case kDates: {
        std::string v = optarg;
        if (v == "all") {
          o->rules.dates_all = true;
        } else if (v == "birth") {
          o->rules.dates_all = false;
        } else {
          fprintf(stderr, "phiscrub: --dates takes 'birth' or 'all'\n");
          return kExitError;
        }
        break;
      }
      case kJson: o->json = true; break;
      case kUrlKeepHost: o->rules.url_keep_host = true; break;
      case kNoSpoken: o->rules.spoken = false; break;
      case kCacheDir: o->rules.cache_dir = (std::string(optarg) == "off") ? "" : optarg; break;
      case kPolicy: o->rules.policy_file = optarg; break;
      case kHashKey: o->rules.hash_key_file = optarg; break;
      case kThreads: {
        size_t n = 0;
        if (!ParseSize(optarg, &n) || n > 256) {
          fprintf(stderr, "phiscrub: --threads takes 1..256\n");
          return kExitError;
        }
        o->driver.threads = static_cast<int>(n);
        break;
      }
      case kMaxRecord:
        if (!phiscrub::ParseByteSize(optarg, &o->driver.text.max_record) ||
            o->driver.text.max_record > (size_t{1} << 30)) {
          fprintf(stderr, "phiscrub: --max-record takes 1..1073741824 bytes (K, M, G suffixes allowed)\n");
          return kExitError;
        }
        break;
      case kScanInvalid: o->driver.text.scan_invalid_utf8 = true; break;
      case kLineBuffered: o->driver.line_buffered = true; break;
      case kFindings: o->findings_path = optarg; break;
      case kStats: o->stats = true; break;
      case kCheck: o->check = true; break;
      case kFormat: {
        using phiscrub::RecordFormat;
        std::string f = optarg;
        RecordFormat& fmt = o->driver.text.format;
        if (f == "text") {
          fmt = RecordFormat::kText;
        } else if (f == "ndjson") {
          fmt = RecordFormat::kNdjson;
        } else if (f == "json") {
          fmt = RecordFormat::kJson;
        } else if (f == "auto") {
          fmt = RecordFormat::kAuto;
        } else if (f == "transcript") {
          fmt = RecordFormat::kTranscript;
        } else if (IsProfile(f)) {
          fmt = RecordFormat::kJson;  // one payload per input
          o->profile = f;
        } else {
          fprintf(stderr,
                  "phiscrub: --format takes text, transcript, ndjson, json, auto or a profile "
                  "(signalwire, vapi, retell, deepgram, transcribe)\n");
          return kExitError;
        }
        break;
      }
      case kJsonKeys: o->json_keys = optarg; break;
      case kProfile:
        if (!IsProfile(optarg)) {
          fprintf(stderr, "phiscrub: unknown --profile '%s' (signalwire, vapi, retell, "
                          "deepgram, transcribe)\n", optarg);
          return kExitError;
        }
        o->profile = optarg;
        break;
      case kJsonPlaceholder:
        o->json_placeholder = optarg;
        o->json_placeholder_set = true;
        break;
      case kRedactRecordingUrls:
        o->redact_recording_urls = true;
        break;
      case kMmexternal: {
        std::string v = optarg ? optarg : "msg";
        if (v == "msg") {
          o->mmexternal_input = phiscrub::cli::MmexternalInput::kMsg;
        } else if (v == "fulljson") {
          o->mmexternal_input = phiscrub::cli::MmexternalInput::kFullJson;
        } else {
          fprintf(stderr, "phiscrub: --mmexternal takes msg or fulljson\n");
          return kExitError;
        }
        o->mmexternal = true;
        break;
      }
      case kOmprogConfirm: o->omprog_confirm = true; break;
      case kOutput: o->output_path = optarg; break;
      case kProgress: o->driver.progress = true; break;
      case kVersionOpt: printf("%s\n", kVersion); return kExitOk;
      case 'h': fputs(kUsage, stdout); return kExitOk;
      default:
        fprintf(stderr, "phiscrub: unknown or incomplete option '%s'\n%s",
                argv[optind - 1], "Try 'phiscrub --help'.\n");
        return kExitError;
    }
  }
  for (int i = optind; i < argc; ++i) o->inputs.push_back(argv[i]);
  if (o->inputs.empty()) o->inputs.push_back("-");
  return -1;
}

bool JsonMode(const CliOptions& o) {
  using phiscrub::RecordFormat;
  RecordFormat f = o.driver.text.format;
  return f == RecordFormat::kNdjson || f == RecordFormat::kJson || f == RecordFormat::kAuto;
}

// Loads the key file (before the ruleset: its entities must be registered).
bool LoadJson(CliOptions* o, phiscrub::JsonOptions* jopts,
              std::vector<phiscrub::Diagnostic>* diags) {
  if (!o->json_keys.empty() &&
      !phiscrub::LoadJsonKeyFile(o->json_keys, jopts, diags)) {
    return false;
  }
  if (o->redact_recording_urls) jopts->redact_recording_urls = true;
  if (!o->profile.empty()) {
    phiscrub::AddJsonProfile(o->profile, jopts);
  } else {
    // Vendor payloads get their profile in json, ndjson and auto alike: a
    // Deepgram or Transcribe word list must lose what its transcript loses.
    jopts->detect_profiles = true;
  }
  if (o->json_placeholder_set) jopts->placeholder = o->json_placeholder;
  for (auto& e : phiscrub::JsonRequiredEntities(*jopts)) {
    o->rules.extra_entities.push_back(e);
  }
  return true;
}

void PrintStats(const phiscrub::Ruleset& rules, const phiscrub::Counters& c,
                double seconds) {
  double mb = static_cast<double>(c.bytes_in) / 1e6;
  fprintf(stderr,
          "phiscrub: records=%llu bytes_in=%llu bytes_out=%llu findings=%llu "
          "records_with_findings=%llu failed_closed=%llu seconds=%.3f "
          "MB/s=%.1f\n",
          (unsigned long long)c.records, (unsigned long long)c.bytes_in,
          (unsigned long long)c.bytes_out, (unsigned long long)c.findings(),
          (unsigned long long)c.records_with_findings,
          (unsigned long long)c.failed_closed(), seconds,
          seconds > 0 ? mb / seconds : 0.0);
  std::string line = "phiscrub: findings_by_entity";
  for (size_t i = 0; i < rules.entities().size(); ++i) {
    uint64_t n = i < c.findings_by_entity.size() ? c.findings_by_entity[i] : 0;
    line += " " + rules.entities()[i] + "=" + std::to_string(n);
  }
  fprintf(stderr, "%s\n", line.c_str());
  line = "phiscrub: failed_closed_by_reason";
  for (int i = 0; i < static_cast<int>(phiscrub::FailReason::kCount); ++i) {
    line += " ";
    line += phiscrub::FailReasonName(static_cast<phiscrub::FailReason>(i));
    line += "=" + std::to_string(c.fail_closed[i]);
  }
  fprintf(stderr, "%s\n", line.c_str());
}

int Validate(int argc, char** argv) {
  CliOptions o;
  int rc = ParseArgs(argc, argv, &o);
  if (rc >= 0) return rc;
  std::vector<phiscrub::Diagnostic> diags;
  phiscrub::JsonOptions jopts;
  bool json = !o.json_keys.empty() || !o.profile.empty() || JsonMode(o);
  bool json_ok = !json || LoadJson(&o, &jopts, &diags);
  auto rules = phiscrub::Ruleset::Compile(o.rules, &diags);
  if (rules) {
    auto ex = phiscrub::CheckRuleExamples(rules);
    diags.insert(diags.end(), ex.begin(), ex.end());
    if (json && json_ok && !phiscrub::JsonRules::Compile(rules, jopts, &diags)) {
      json_ok = false;
    }
  }
  PrintDiagnostics(diags);
  size_t errors = 0;
  for (const auto& d : diags) {
    errors += d.severity == phiscrub::Diagnostic::Severity::kError;
  }
  if (!rules || !json_ok || errors > 0) {
    fprintf(stderr, "phiscrub: configuration invalid: %zu error(s)\n", errors);
    return kExitConfig;
  }
  printf("ok: %zu rules, %zu entities\n", rules->rule_count(),
         rules->entities().size());
  return kExitOk;
}

// The ruleset (and, for JSON formats, the JsonRules in o->driver) a redaction
// run needs; diagnostics printed. nullptr: configuration error.
std::shared_ptr<const phiscrub::Ruleset> CompileForRun(CliOptions* o) {
  std::vector<phiscrub::Diagnostic> diags;
  phiscrub::JsonOptions jopts;
  if (JsonMode(*o) && !LoadJson(o, &jopts, &diags)) {
    PrintDiagnostics(diags);
    return nullptr;
  }
  auto rules = phiscrub::Ruleset::Compile(o->rules, &diags);
  if (rules && JsonMode(*o)) {
    o->driver.text.json = phiscrub::JsonRules::Compile(rules, jopts, &diags);
    if (!o->driver.text.json) rules = nullptr;
  }
  PrintDiagnostics(diags);
  return rules;
}

int Bench(int argc, char** argv) {
  CliOptions o;
  int rc = ParseArgs(argc, argv, &o);
  if (rc >= 0) return rc;
  auto t0 = std::chrono::steady_clock::now();
  auto rules = CompileForRun(&o);
  if (!rules) return kExitConfig;
  phiscrub::cli::BenchOptions b;
  b.driver = o.driver;
  b.driver.progress = true;  // on a terminal only
  b.json = o.json;
  b.compile_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return phiscrub::cli::RunBench(rules, o.inputs, b);
}

#ifdef PHISCRUB_HAVE_KAFKA
// `phiscrub kafka`: the Kafka options are taken out first; the rest are the
// redaction options, parsed and compiled exactly as for a CLI run.
int Kafka(int argc, char** argv) {
  std::vector<std::string> storage(argv, argv + argc);
  int rc = phiscrub::cli::MergeKafkaConfig(&storage);  // --config FILE, PHISCRUB_KAFKA_*
  if (rc >= 0) return rc;
  std::vector<char*> args;
  for (auto& a : storage) args.push_back(a.data());
  phiscrub::kafka::KafkaOptions k;
  rc = phiscrub::cli::ParseKafkaArgs(&args, &k);
  if (rc >= 0) return rc;
  CliOptions o;
  optind = 1;
  args.push_back(nullptr);
  rc = ParseArgs(static_cast<int>(args.size()) - 1, args.data(), &o);
  if (rc >= 0) return rc;
  if (o.inputs.size() != 1 || o.inputs[0] != "-" || !o.findings_path.empty() || o.check ||
      o.driver.line_buffered || o.mmexternal || o.omprog_confirm || !o.output_path.empty()) {
    fprintf(stderr, "phiscrub kafka: takes no FILE, --findings, --check, --line-buffered, "
                    "--output, --mmexternal or --omprog-confirm\n");
    return kExitError;
  }
  auto rules = CompileForRun(&o);
  if (!rules) return kExitConfig;
  k.threads = o.driver.threads;
  return phiscrub::cli::RunKafka(rules, o.driver.text, std::move(k), o.stats);
}
#endif

}  // namespace

// Every output is written and closed: leave without freeing the rules (their
// Hyperscan databases, gazetteers and maps) and running static destructors,
// which costs a shell pipeline's filter milliseconds at every start.
// Sanitizer builds return normally so leak checks still run.
int QuickExit(int code) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return code;
#else
  std::fflush(nullptr);
  std::_Exit(code);
#endif
}

int main(int argc, char** argv) {
  // A closed stdout must end us quietly through EPIPE, not kill us.
  signal(SIGPIPE, SIG_IGN);
  if (argc > 1 && std::strcmp(argv[1], "validate") == 0) {
    return Validate(argc - 1, argv + 1);
  }
  if (argc > 1 && std::strcmp(argv[1], "bench") == 0) {
    return Bench(argc - 1, argv + 1);
  }
  if (argc > 1 && std::strcmp(argv[1], "kafka") == 0) {
#ifdef PHISCRUB_HAVE_KAFKA
    return Kafka(argc - 1, argv + 1);
#else
    fprintf(stderr, "phiscrub: built without librdkafka: `phiscrub kafka` is not available\n");
    return kExitError;
#endif
  }
  CliOptions o;
  int rc = ParseArgs(argc, argv, &o);
  if (rc >= 0) return rc;

  if (!JsonMode(o) &&
      (!o.json_keys.empty() || o.json_placeholder_set || !o.profile.empty())) {
    fprintf(stderr, "phiscrub: warning: --json-keys, --json-placeholder and "
                    "--profile have no effect with --format text\n");
  }
  bool line_protocol = o.mmexternal || o.omprog_confirm;
  if (line_protocol) {
    if (o.mmexternal && o.omprog_confirm) {
      fprintf(stderr, "phiscrub: --mmexternal and --omprog-confirm exclude each other\n");
      return kExitError;
    }
    if (o.driver.text.format != phiscrub::RecordFormat::kText || !o.findings_path.empty() ||
        o.inputs.size() != 1 || o.inputs[0] != "-") {
      fprintf(stderr, "phiscrub: --mmexternal and --omprog-confirm read stdin as text "
                      "(no FILE, --format or --findings)\n");
      return kExitError;
    }
    if (o.omprog_confirm && o.output_path.empty()) {
      fprintf(stderr, "phiscrub: --omprog-confirm needs --output FILE (stdout carries the "
                      "confirmations)\n");
      return kExitError;
    }
    if (o.mmexternal && !o.output_path.empty()) {
      fprintf(stderr, "phiscrub: --mmexternal replies on stdout; --output does not apply\n");
      return kExitError;
    }
  }
  int out_fd = STDOUT_FILENO;
  if (!o.output_path.empty()) {
    out_fd = ::open(o.output_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (out_fd < 0) {
      fprintf(stderr, "phiscrub: cannot open output file %s: %s\n", o.output_path.c_str(),
              strerror(errno));
      return kExitError;
    }
  }

  auto rules = CompileForRun(&o);
  if (!rules) return kExitConfig;

  if (line_protocol) {
    auto t0 = std::chrono::steady_clock::now();
    phiscrub::cli::LineProtocolResult res =
        o.mmexternal ? phiscrub::cli::RunMmexternal(rules, o.driver.text, o.mmexternal_input)
                     : phiscrub::cli::RunOmprogConfirm(rules, o.driver.text, out_fd);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (out_fd != STDOUT_FILENO && ::close(out_fd) != 0) res.io_error = true;
    // mmexternal: stderr stays silent while running (--stats is for omprog).
    if (o.stats && !o.mmexternal) PrintStats(*rules, res.counters, secs);
    return res.io_error ? kExitError : kExitOk;
  }

  int findings_fd = -1;
  if (!o.findings_path.empty()) {
    findings_fd = ::open(o.findings_path.c_str(),
                         O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (findings_fd < 0) {
      fprintf(stderr, "phiscrub: cannot open findings file %s: %s\n",
              o.findings_path.c_str(), strerror(errno));
      return kExitError;
    }
  }
  o.driver.findings_fd = findings_fd;

  auto t0 = std::chrono::steady_clock::now();
  auto res = phiscrub::cli::RunDriver(rules, o.inputs, out_fd, o.driver);
  if (out_fd != STDOUT_FILENO && ::close(out_fd) != 0) {
    fprintf(stderr, "phiscrub: write error on %s: %s\n", o.output_path.c_str(), strerror(errno));
    res.io_error = true;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (findings_fd >= 0 && ::close(findings_fd) != 0) {
    fprintf(stderr, "phiscrub: write error on the findings file: %s\n", strerror(errno));
    res.io_error = true;
  }
  if (o.stats) PrintStats(*rules, res.counters, secs);
  int exit_code = kExitOk;
  if (res.io_error) {
    exit_code = kExitError;
  } else if (o.check && res.counters.findings() > 0) {
    exit_code = kExitFindings;
  }
  return QuickExit(exit_code);
}
