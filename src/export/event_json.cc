#include "export/event_json.h"

#include <cstdint>
#include <limits>
#include <string>

namespace dyad {
namespace {

using nlohmann::json;

json Span(uint32_t begin, uint32_t end) { return json::array({begin, end}); }

// Reads [begin, end] into the two offsets; both must be unsigned 32-bit integers.
void ReadSpan(const json& j, uint32_t* begin, uint32_t* end) {
  if (!j.is_array() || j.size() != 2) {
    throw json::type_error::create(302, "span must be an array [begin, end]", &j);
  }
  for (size_t i = 0; i < 2; ++i) {
    if (!j[i].is_number_unsigned() ||
        j[i].get<uint64_t>() > std::numeric_limits<uint32_t>::max()) {
      throw json::out_of_range::create(406, "span offset must be a 32-bit unsigned integer",
                                       &j);
    }
  }
  *begin = j[0].get<uint32_t>();
  *end = j[1].get<uint32_t>();
  if (*end < *begin) throw json::out_of_range::create(406, "span end before begin", &j);
}

// An optional string member: absent or null reads as "".
std::string OptString(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::string();
  return it->get<std::string>();
}

json ActorToJson(const EventActor& a) {
  json j = json::object();
  j["code"] = a.code;
  if (!a.country.empty()) j["country"] = a.country;
  if (!a.role.empty()) j["role"] = a.role;
  if (!a.entity.empty()) j["entity"] = a.entity;
  if (!a.text.empty()) j["text"] = a.text;
  if (a.begin != 0 || a.end != 0) j["span"] = Span(a.begin, a.end);
  return j;
}

EventActor ActorFromJson(const json& j) {
  EventActor a;
  if (j.is_null()) return a;
  if (!j.is_object()) throw json::type_error::create(302, "actor must be an object", &j);
  a.code = j.at("code").get<std::string>();
  a.country = OptString(j, "country");
  a.role = OptString(j, "role");
  a.entity = OptString(j, "entity");
  a.text = OptString(j, "text");
  if (auto it = j.find("span"); it != j.end() && !it->is_null()) {
    ReadSpan(*it, &a.begin, &a.end);
  }
  return a;
}

bool LocationIsEmpty(const EventLocation& l) {
  return l.name.empty() && l.country.empty() && l.adm1.empty() && !l.has_coordinates;
}

json LocationToJson(const EventLocation& l) {
  if (LocationIsEmpty(l)) return nullptr;
  json j = json::object();
  j["name"] = l.name;
  if (!l.country.empty()) j["country"] = l.country;
  if (!l.adm1.empty()) j["adm1"] = l.adm1;
  if (l.has_coordinates) {
    j["lat"] = l.lat;
    j["lon"] = l.lon;
  }
  return j;
}

EventLocation LocationFromJson(const json& j) {
  EventLocation l;
  if (j.is_null()) return l;
  if (!j.is_object()) throw json::type_error::create(302, "location must be an object", &j);
  l.name = OptString(j, "name");
  l.country = OptString(j, "country");
  l.adm1 = OptString(j, "adm1");
  auto lat = j.find("lat");
  auto lon = j.find("lon");
  if (lat != j.end() && lon != j.end() && !lat->is_null() && !lon->is_null()) {
    l.lat = lat->get<double>();
    l.lon = lon->get<double>();
    l.has_coordinates = true;
  }
  return l;
}

}  // namespace

json EventToJson(const Event& e) {
  json j = json::object();
  j["event_id"] = e.event_id;
  j["article_id"] = e.article_id;
  j["sentence"] = e.sentence;
  j["span"] = Span(e.begin, e.end);
  j["date"] = e.date;
  j["date_precision"] = e.date_precision;
  j["date_basis"] = e.date_basis;
  j["source"] = ActorToJson(e.source);
  j["target"] = ActorToJson(e.target);
  j["cameo"] = e.cameo;
  j["goldstein"] = e.goldstein;
  j["quad_class"] = e.quad_class;
  j["plover"] = {{"type", e.plover_type}, {"mode", e.plover_mode}};
  j["location"] = LocationToJson(e.location);
  j["negated"] = e.negated;
  j["modality"] = e.modality;
  j["symmetric"] = e.symmetric;
  j["quantity"] = e.quantity;
  j["evidence"] = {{"pattern", e.pattern}, {"text", e.evidence}};
  j["cluster_id"] = e.cluster_id;
  return j;
}

Event EventFromJson(const json& j) {
  if (!j.is_object()) throw json::type_error::create(302, "event must be a JSON object", &j);
  Event e;
  e.event_id = j.at("event_id").get<std::string>();
  e.article_id = j.at("article_id").get<std::string>();
  // A CAMEO code is a string: 42 is not "042", so a number is an error, not a conversion.
  e.cameo = j.at("cameo").get<std::string>();
  if (auto it = j.find("sentence"); it != j.end()) {
    if (!it->is_number_unsigned() ||
        it->get<uint64_t>() > std::numeric_limits<uint32_t>::max()) {
      throw json::out_of_range::create(406, "sentence must be a 32-bit unsigned integer", &*it);
    }
    e.sentence = it->get<uint32_t>();
  }
  if (auto it = j.find("span"); it != j.end() && !it->is_null()) ReadSpan(*it, &e.begin, &e.end);
  e.date = OptString(j, "date");
  e.date_precision = OptString(j, "date_precision");
  e.date_basis = OptString(j, "date_basis");
  if (auto it = j.find("source"); it != j.end()) e.source = ActorFromJson(*it);
  if (auto it = j.find("target"); it != j.end()) e.target = ActorFromJson(*it);
  e.goldstein = j.value("goldstein", 0.0);
  e.quad_class = j.value("quad_class", 0);
  if (auto it = j.find("plover"); it != j.end() && !it->is_null()) {
    e.plover_type = OptString(*it, "type");
    e.plover_mode = OptString(*it, "mode");
  }
  if (auto it = j.find("location"); it != j.end()) e.location = LocationFromJson(*it);
  e.negated = j.value("negated", false);
  if (auto it = j.find("modality"); it != j.end() && !it->is_null()) {
    e.modality = it->get<std::string>();
  }
  e.symmetric = j.value("symmetric", false);
  e.quantity = OptString(j, "quantity");
  if (auto it = j.find("evidence"); it != j.end() && !it->is_null()) {
    e.pattern = OptString(*it, "pattern");
    e.evidence = OptString(*it, "text");
  }
  e.cluster_id = OptString(j, "cluster_id");
  return e;
}

json PublicationEstimateToJson(const PublicationEstimate& e) {
  if (e.empty()) return nullptr;
  json j = json::object();
  j["date"] = e.date;
  j["precision"] = e.precision;
  j["basis"] = e.basis;
  j["evidence"] = e.evidence;
  j["not_before"] = e.not_before;
  j["not_before_evidence"] = e.not_before_evidence;
  return j;
}

PublicationEstimate PublicationEstimateFromJson(const json& j) {
  PublicationEstimate e;
  if (j.is_null()) return e;
  if (!j.is_object()) throw json::type_error::create(302, "published_estimate must be an object", &j);
  e.date = OptString(j, "date");
  e.precision = OptString(j, "precision");
  e.basis = OptString(j, "basis");
  e.evidence = OptString(j, "evidence");
  e.not_before = OptString(j, "not_before");
  e.not_before_evidence = OptString(j, "not_before_evidence");
  return e;
}

json ArticleToJson(const Article& a, bool with_text) {
  json j = json::object();
  j["id"] = a.id;
  j["outlet"] = a.outlet;
  j["distributor"] = a.distributor;
  j["url"] = a.url;
  j["published"] = a.published;
  j["published_estimate"] = PublicationEstimateToJson(a.published_estimate);
  j["dateline"] = a.dateline;
  j["byline"] = a.byline;
  j["title"] = a.title;
  j["language"] = a.language;
  json metadata = json::parse(a.metadata_json.empty() ? std::string_view("{}")
                                                      : std::string_view(a.metadata_json),
                              nullptr, /*allow_exceptions=*/false);
  if (metadata.is_discarded() || !metadata.is_object()) {
    // Keep what the reader stored rather than drop it; it should have been an object.
    metadata = {{"_unparsed", a.metadata_json}};
  }
  j["metadata"] = std::move(metadata);
  if (with_text) j["text"] = a.text;
  return j;
}

Article ArticleFromJson(const json& j) {
  if (!j.is_object()) throw json::type_error::create(302, "article must be a JSON object", &j);
  Article a;
  a.id = j.at("id").get<std::string>();
  a.outlet = OptString(j, "outlet");
  a.distributor = OptString(j, "distributor");
  a.url = OptString(j, "url");
  a.published = OptString(j, "published");
  if (auto it = j.find("published_estimate"); it != j.end())
    a.published_estimate = PublicationEstimateFromJson(*it);
  a.dateline = OptString(j, "dateline");
  a.byline = OptString(j, "byline");
  a.title = OptString(j, "title");
  if (auto it = j.find("language"); it != j.end() && !it->is_null()) {
    a.language = it->get<std::string>();
  }
  if (auto it = j.find("metadata"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) {
      throw json::type_error::create(302, "article metadata must be an object", &*it);
    }
    a.metadata_json = it->dump(-1, ' ', false, json::error_handler_t::replace);
  }
  a.text = OptString(j, "text");
  return a;
}

}  // namespace dyad
