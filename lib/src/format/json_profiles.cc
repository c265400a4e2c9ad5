// Built-in voice-agent and speech-to-text payload profiles (see
// AddJsonProfile in phiscrub/json.h). A profile is key rules plus word
// alignments; field names follow each vendor's documented payloads.
#include <simdjson.h>

#include <algorithm>

#include "format/json_internal.h"
#include "phiscrub/json.h"

namespace phiscrub {
namespace {

using Action = JsonKeyRule::Action;

JsonKeyRule Key(const std::string& profile, const char* key, Action action,
                const char* entity = "") {
  JsonKeyRule r;
  r.key = key;
  r.action = action;
  r.entity = entity;
  r.id = "profile." + profile + "." + key;
  r.source = "<profile " + profile + ">";
  return r;
}

JsonKeyRule Path(const std::string& profile, const std::string& path,
                 Action action, const char* entity, const char* id) {
  JsonKeyRule r;
  r.path = path;
  r.action = action;
  r.entity = entity;
  r.id = "profile." + profile + "." + id;
  r.source = "<profile " + profile + ">";
  return r;
}

JsonWordAlignment Align(const std::string& profile, const char* id,
                        const char* group, const char* transcript,
                        const char* words, std::vector<std::string> text,
                        const char* start, const char* end) {
  JsonWordAlignment a;
  a.group = group;
  a.transcript = transcript;
  a.words = words;
  a.word_text = std::move(text);
  a.start = start;
  a.end = end;
  a.id = "profile." + profile + "." + id;
  return a;
}

void SkipIds(const std::string& p, std::initializer_list<const char*> keys,
             JsonOptions* o) {
  for (const char* k : keys) o->rules.push_back(Key(p, k, Action::kSkip));
}

void SignalWire(JsonOptions* o) {
  const std::string p = "signalwire";
  // Routing identities: always redacted, whatever they look like.
  o->rules.push_back(Key(p, "caller_id_name", Action::kRedact, "PERSON"));
  o->rules.push_back(Key(p, "caller_id_number", Action::kRedact, "PHONE_NUMBER"));
  o->rules.push_back(Key(p, "caller_id_num", Action::kRedact, "PHONE_NUMBER"));
  // call_log[] / raw_call_log[] content of every role, swaig_log[] command_arg
  // and post_response, post_prompt_data raw/substituted/parsed, global_data,
  // SWMLVars, meta_data, argument raw/parsed/substituted: scanned by default;
  // JSON inside them is decoded. Opaque ids are skipped.
  SkipIds(p, {"call_id", "ai_session_id", "project_id", "space_id",
              "conversation_id", "meta_data_token"},
          o);
  // A SWAIG function's JSON Schema: property names such as "ssn" are not
  // values.
  o->rules.push_back(Key(p, "argument_desc", Action::kSkip));
}

void Vapi(JsonOptions* o) {
  const std::string p = "vapi";
  for (const char* base : {"$.message.customer", "$.message.call.customer",
                           "$.customer", "$.call.customer"}) {
    o->rules.push_back(Path(p, std::string(base) + ".number", Action::kRedact,
                            "PHONE_NUMBER", "customer.number"));
    o->rules.push_back(Path(p, std::string(base) + ".name", Action::kRedact,
                            "PERSON", "customer.name"));
  }
  // The organisation's own line, not the caller's.
  for (const char* base : {"$.message.phoneNumber", "$.message.call.phoneNumber",
                           "$.phoneNumber", "$.call.phoneNumber"}) {
    o->rules.push_back(Path(p, base, Action::kSkip, "", "phoneNumber"));
  }
  if (o->redact_recording_urls) {
    for (const char* k : {"recordingUrl", "stereoRecordingUrl", "videoRecordingUrl",
                          "logUrl", "pcapUrl"}) {
      o->rules.push_back(Key(p, k, Action::kRedact, "RECORDING_URL"));
    }
  }
  // artifact.transcript, artifact.messages[] (originalMessage included),
  // messagesOpenAIFormatted[] (tool call arguments decoded), analysis.summary
  // and structuredData: scanned by default.
  SkipIds(p, {"id", "orgId", "assistantId", "phoneNumberId", "squadId",
              "workflowId", "toolCallId"},
          o);
}

void Retell(JsonOptions* o) {
  const std::string p = "retell";
  o->rules.push_back(Key(p, "from_number", Action::kRedact, "PHONE_NUMBER"));
  o->rules.push_back(Key(p, "to_number", Action::kRedact, "PHONE_NUMBER"));
  if (o->redact_recording_urls) {
    for (const char* k : {"recording_url", "recording_multi_channel_url",
                          "scrubbed_recording_url", "public_log_url"}) {
      o->rules.push_back(Key(p, k, Action::kRedact, "RECORDING_URL"));
    }
  }
  SkipIds(p, {"call_id", "agent_id", "llm_id"}, o);
  // Webhooks wrap the call object; the Get Call API returns it bare.
  for (const char* group : {"$.call.transcript_object[*]",
                            "$.call.transcript_with_tool_calls[*]",
                            "$.transcript_object[*]",
                            "$.transcript_with_tool_calls[*]"}) {
    o->alignments.push_back(
        Align(p, "words", group, "content", "words", {"word"}, "start", "end"));
  }
}

void Deepgram(JsonOptions* o) {
  const std::string p = "deepgram";
  // Pre-recorded: channels[].alternatives[] and utterances[]; streaming:
  // channel.alternatives[].
  for (const char* group : {"$.results.channels[*].alternatives[*]",
                            "$.results.utterances[*]",
                            "$.channel.alternatives[*]"}) {
    o->alignments.push_back(Align(p, "words", group, "transcript", "words",
                                  {"punctuated_word", "word"}, "start", "end"));
  }
  // The request's own metadata is no one's; what the caller attached to it
  // ("extra": patient name, MRN, DOB ...) is scanned as any field is.
  for (const char* key : {"$.metadata.transaction_key", "$.metadata.request_id", "$.metadata.sha256",
                          "$.metadata.created", "$.metadata.duration", "$.metadata.channels",
                          "$.metadata.models", "$.metadata.model_info"}) {
    o->rules.push_back(Path(p, key, Action::kSkip, "", "metadata"));
  }
  SkipIds(p, {"request_id"}, o);
}

void Transcribe(JsonOptions* o) {
  const std::string p = "transcribe";
  // Batch output: one transcript for all items.
  o->alignments.push_back(Align(p, "items", "$.results", "transcripts[0].transcript",
                                "items", {"alternatives[0].content"}, "start_time",
                                "end_time"));
  // Streaming events (TranscriptEvent).
  o->alignments.push_back(Align(p, "stream_items", "$.Transcript.Results[*].Alternatives[*]",
                                "Transcript", "Items", {"Content"}, "StartTime",
                                "EndTime"));
  // (Call Analytics output names the AWS account and the job: no one's ids.)
  SkipIds(p, {"accountId", "AccountId", "ResultId", "JobName", "jobName"}, o);
}

}  // namespace

namespace internal {

// Only shapes no other profile (or ordinary log record) shares.
std::string_view DetectJsonProfile(const simdjson::dom::element& root) {
  if (!root.is_object()) return "";
  auto str = [](simdjson::simdjson_result<simdjson::dom::element> e) {
    std::string_view v;
    return e.get(v) == simdjson::SUCCESS ? v : std::string_view();
  };
  auto has = [](simdjson::simdjson_result<simdjson::dom::element> e) {
    return e.error() == simdjson::SUCCESS;
  };
  // SignalWire: post_prompt_url callbacks and SWAIG function requests.
  if (str(root["action"]) == "post_conversation" ||
      (has(root["ai_session_id"]) &&
       (has(root["caller_id_number"]) || has(root["caller_id_num"])))) {
    return "signalwire";
  }
  // Vapi server messages: {"message": {"type": ..., "call" | "artifact"}}.
  if (!str(root["message"]["type"]).empty() &&
      (has(root["message"]["call"]) || has(root["message"]["artifact"]))) {
    return "vapi";
  }
  // Retell webhooks: {"event": ..., "call": {"call_id", "agent_id", ...}}.
  if ((has(root["event"]) || has(root["event_type"])) &&
      has(root["call"]["call_id"]) && has(root["call"]["agent_id"])) {
    return "retell";
  }
  // Deepgram: pre-recorded results, or a streaming Results message.
  if ((has(root["results"]["channels"]) && has(root["metadata"]["request_id"])) ||
      (str(root["type"]) == "Results" && has(root["channel"]["alternatives"]))) {
    return "deepgram";
  }
  // Amazon Transcribe: batch output, or a streaming TranscriptEvent.
  // (Call Analytics: {"JobStatus", "AccountId", "Transcript": [{"Content",
  // "ParticipantRole", ...}]}.)
  if ((has(root["jobName"]) && has(root["results"]["transcripts"])) ||
      has(root["Transcript"]["Results"]) ||
      (has(root["JobStatus"]) && root["Transcript"].is_array())) {
    return "transcribe";
  }
  return "";
}

}  // namespace internal

const std::vector<std::string>& JsonProfileNames() {
  static const std::vector<std::string> kNames = {"signalwire", "vapi", "retell",
                                                  "deepgram", "transcribe"};
  return kNames;
}

bool AddJsonProfile(std::string_view name, JsonOptions* options) {
  if (name == "signalwire") {
    SignalWire(options);
  } else if (name == "vapi") {
    Vapi(options);
  } else if (name == "retell") {
    Retell(options);
  } else if (name == "deepgram") {
    Deepgram(options);
  } else if (name == "transcribe") {
    Transcribe(options);
  } else {
    return false;
  }
  return true;
}

}  // namespace phiscrub
