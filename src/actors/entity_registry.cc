#include "actors/entity_registry.h"

#include <algorithm>
#include <unordered_set>

#include "actors/gazetteer.h"
#include "text/normalize.h"

namespace dyad {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int TwoDigits(std::string_view s, size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The pieces of a folded name: words split at spaces and hyphens.
void AddPieces(std::string_view text, std::vector<std::string>* out) {
  std::string folded = FoldForMatching(text);
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == '-')) ++i;
    size_t b = i;
    while (i < folded.size() && folded[i] != ' ' && folded[i] != '-') ++i;
    if (i > b) out->push_back(folded.substr(b, i - b));
  }
}

size_t WordCount(const PersonNameKey& k) { return k.words.size(); }

}  // namespace

std::string DatePrefix(std::string_view date) {
  auto month_ok = [&] { return Digits(date, 5, 2) && TwoDigits(date, 5) >= 1 && TwoDigits(date, 5) <= 12; };
  if (Digits(date, 0, 4) && date.size() >= 10 && date[4] == '-' && month_ok() &&
      date[7] == '-' && Digits(date, 8, 2) && TwoDigits(date, 8) >= 1 && TwoDigits(date, 8) <= 31) {
    return std::string(date.substr(0, 10));
  }
  if (date.size() == 7 && Digits(date, 0, 4) && date[4] == '-' && month_ok()) {
    return std::string(date);
  }
  if (date.size() == 4 && Digits(date, 0, 4)) return std::string(date);
  return "";
}

std::string CountryOfActorCode(std::string_view code) {
  if (code.size() < 3) return "";
  const Country* c = Gazetteer::BuiltIn().FindCountry(code.substr(0, 3));
  return c != nullptr ? c->iso3 : "";
}

std::string Entity::CodeAt(std::string_view date) const { return CodeAtDate(codes, date); }

std::string CodeAtDate(const std::vector<EntityCode>& codes, std::string_view date) {
  const EntityCode* user = nullptr;
  const EntityCode* latest_user = nullptr;
  for (const EntityCode& c : codes) {
    if (!c.from_user) continue;
    bool covers = date.empty() ? c.last.empty()
                               : (c.first.empty() || c.first <= date) && (c.last.empty() || date <= c.last);
    if (covers) user = &c;
    if (latest_user == nullptr || c.first >= latest_user->first) latest_user = &c;
  }
  if (user != nullptr) return user->code;
  // A code without a country ("---GOV") says less than one with: it is chosen only
  // when there is no other.
  bool any_country = std::any_of(codes.begin(), codes.end(), [](const EntityCode& c) {
    return !c.from_user && c.code.compare(0, 3, "---") != 0;
  });
  const EntityCode* best = nullptr;
  const EntityCode* earliest = nullptr;
  for (const EntityCode& c : codes) {
    if (c.from_user || (any_country && c.code.compare(0, 3, "---") == 0)) continue;
    if (earliest == nullptr || c.first < earliest->first) earliest = &c;
    if (!date.empty() && !c.first.empty() && c.first > date) continue;
    if (best == nullptr || c.last > best->last ||
        (c.last == best->last && c.num_articles > best->num_articles)) {
      best = &c;
    }
  }
  if (best != nullptr) return best->code;
  if (earliest != nullptr) return earliest->code;
  return latest_user != nullptr ? latest_user->code : "";
}

std::vector<EntityObservation> CollectPersons(const Document& doc,
                                              const std::vector<ActorMention>& mentions) {
  std::vector<EntityObservation> out;
  std::vector<std::vector<std::string>> pieces;  // per observation: its name's pieces
  std::vector<std::string> token_pieces;
  for (const ActorMention& m : mentions) {
    if (m.kind != MentionKind::kPerson || m.entity.empty() || m.end_token <= m.first_token ||
        m.end_token > doc.tokens.size()) {
      continue;
    }
    size_t k = 0;
    while (k < out.size() && out[k].name != m.entity) ++k;
    if (k == out.size()) {
      out.emplace_back();
      out.back().name = m.entity;
      pieces.emplace_back();
      AddPieces(m.entity, &pieces.back());
    }
    EntityObservation& obs = out[k];
    if (obs.code.empty() && !m.code.empty()) {
      obs.code = m.code;
      obs.country = m.country;
      obs.role = m.role;
    }
    if (m.title.size() > obs.title.size()) obs.title = m.title;

    // The name part of the mention: the last run of tokens made of the name's words
    // ("Syrian Foreign Minister Al-Shibani" -> "Al-Shibani").
    auto in_name = [&](uint32_t t) {
      const Token& tok = doc.tokens[t];
      token_pieces.clear();
      AddPieces(doc.text.substr(tok.begin, tok.end - tok.begin), &token_pieces);
      if (token_pieces.empty()) return false;
      for (const std::string& p : token_pieces) {
        if (std::find(pieces[k].begin(), pieces[k].end(), p) == pieces[k].end()) return false;
      }
      return true;
    };
    uint32_t e = m.end_token;
    while (e > m.first_token && !in_name(e - 1)) --e;
    uint32_t b = e;
    while (b > m.first_token && in_name(b - 1)) --b;
    if (b == e) continue;
    std::string form(doc.text.substr(doc.tokens[b].begin, doc.tokens[e - 1].end - doc.tokens[b].begin));
    auto it = std::find_if(obs.forms.begin(), obs.forms.end(),
                           [&](const EntityAlias& a) { return a.alias == form; });
    if (it == obs.forms.end()) {
      obs.forms.push_back({std::move(form), 1});
    } else {
      ++it->num_mentions;
    }
  }
  return out;
}

std::vector<ActorFileEntry> ParseActorFile(std::string_view text, const std::string& path,
                                           const DiagnosticSink& diag) {
  std::vector<ActorFileEntry> out;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;

    ActorFileEntry entry;
    entry.where = path + ":" + std::to_string(line_no);
    auto fail = [&](const std::string& message) {
      if (diag) diag({Severity::kError, entry.where, message});
    };
    std::vector<std::string_view> fields;
    for (size_t b = 0;;) {
      size_t tab = line.find('\t', b);
      fields.push_back(Trim(line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b)));
      if (tab == std::string_view::npos) break;
      b = tab + 1;
    }
    if (fields.size() < 2 || fields.size() > 4) {
      fail("expected Name|Alias...<TAB>CODE[<TAB>FROM[<TAB>TO]], got " + std::to_string(fields.size()) +
           " tab-separated field(s); line skipped");
      continue;
    }
    for (size_t b = 0;;) {
      size_t bar = fields[0].find('|', b);
      std::string_view name = Trim(fields[0].substr(b, bar == std::string_view::npos ? std::string_view::npos : bar - b));
      if (!name.empty() && std::find(entry.names.begin(), entry.names.end(), name) == entry.names.end()) {
        entry.names.emplace_back(name);
      }
      if (bar == std::string_view::npos) break;
      b = bar + 1;
    }
    if (entry.names.empty() || ParsePersonName(entry.names[0]).empty()) {
      fail("no name before the first tab; line skipped");
      continue;
    }
    std::string_view code = fields[1];
    bool code_ok = code.size() >= 3 &&
                   std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
    if (!code_ok) {
      fail("actor code '" + std::string(code) + "' is not a CAMEO code (upper-case letters, e.g. SYRGOV); line skipped");
      continue;
    }
    entry.code = std::string(code);
    bool dates_ok = true;
    for (size_t f = 2; f < fields.size() && dates_ok; ++f) {
      std::string_view d = fields[f];
      if (d.empty() || d == "-") continue;
      std::string day = DatePrefix(d);
      if (day.empty() || day.size() != d.size()) {
        fail("date '" + std::string(d) + "' is not YYYY, YYYY-MM or YYYY-MM-DD; line skipped");
        dates_ok = false;
        break;
      }
      // FROM starts its period, TO ends it; a day past the month's end still sorts
      // before the next month.
      bool to = f == 3;
      if (day.size() == 4) day += to ? "-12-31" : "-01-01";
      if (day.size() == 7) day += to ? "-31" : "-01";
      (to ? entry.to : entry.from) = day;
    }
    if (!dates_ok) continue;
    if (!entry.from.empty() && !entry.to.empty() && entry.to < entry.from) {
      fail("the period ends (" + entry.to + ") before it starts (" + entry.from + "); line skipped");
      continue;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

void EntityRegistry::Load(Entity e) {
  entities_.push_back(std::move(e));
  keys_.emplace_back();
  Rekey(entities_.size() - 1);
}

size_t EntityRegistry::Create(const std::string& name, const std::string& country) {
  Entity e;
  e.name = name;
  e.country = country;
  entities_.push_back(std::move(e));
  keys_.emplace_back();
  size_t i = entities_.size() - 1;
  Rekey(i);
  AddAlias(i, name, 0);
  return i;
}

void EntityRegistry::Index(size_t i, const std::string& form) {
  PersonNameKey k = ParsePersonName(form);
  if (k.empty()) return;
  std::vector<size_t>& list = by_family_[NameWordFrame(k.family())];
  if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
}

void EntityRegistry::Rekey(size_t i) {
  const Entity& e = entities_[i];
  Keyed& k = keys_[i];
  k.name = ParsePersonName(e.name);
  k.full_aliases.clear();
  Index(i, e.name);
  for (const EntityAlias& a : e.aliases) {
    PersonNameKey ak = ParsePersonName(a.alias);
    if (WordCount(ak) >= 2) k.full_aliases.push_back(std::move(ak));
    Index(i, a.alias);
  }
}

void EntityRegistry::AddAlias(size_t i, std::string_view alias, int64_t mentions) {
  Entity& e = entities_[i];
  for (EntityAlias& a : e.aliases) {
    if (a.alias == alias) {
      a.num_mentions += mentions;
      return;
    }
  }
  e.aliases.push_back({std::string(alias), mentions});
  PersonNameKey ak = ParsePersonName(alias);
  if (WordCount(ak) >= 2) keys_[i].full_aliases.push_back(std::move(ak));
  Index(i, e.aliases.back().alias);
}

double EntityRegistry::Score(size_t i, const PersonNameKey& name, std::string_view country,
                             std::string_view code, bool any_country) const {
  const Entity& e = entities_[i];
  // The canonical name and the full aliases count; bare-surname aliases do not, or
  // "Heydar Aliyev" would match "Ilham Aliyev" once written "Aliyev".
  double score = NameSimilarity(name, keys_[i].name);
  for (const PersonNameKey& a : keys_[i].full_aliases) score = std::max(score, NameSimilarity(name, a));
  if (score == 0 || any_country || e.country == country) return score;
  // Countries agree when equal. An actor without a known country ("---GOV", an IGO
  // official) is the same person only by full name, or by surname with the same code.
  if (!e.country.empty() && !country.empty()) return 0;
  return score >= 0.8 || e.CodeAt() == code ? score : 0;
}

long EntityRegistry::Best(const PersonNameKey& name, std::string_view country, std::string_view code,
                          bool any_country, bool* ambiguous) const {
  *ambiguous = false;
  if (name.empty()) return -1;
  auto it = by_family_.find(NameWordFrame(name.family()));
  if (it == by_family_.end()) return -1;
  long best = -1;
  double best_score = 0;
  bool best_same_code = false;
  for (size_t i : it->second) {
    double s = Score(i, name, country, code, any_country);
    if (s <= 0) continue;
    bool same_code = !code.empty() && entities_[i].CodeAt() == code;
    if (best < 0 || s > best_score || (s == best_score && same_code && !best_same_code)) {
      best = static_cast<long>(i);
      best_score = s;
      best_same_code = same_code;
      *ambiguous = false;
    } else if (s == best_score && same_code == best_same_code) {
      *ambiguous = true;
      // Among equals, the entity seen in more articles is the likelier referent.
      if (entities_[i].num_articles > entities_[static_cast<size_t>(best)].num_articles) best = static_cast<long>(i);
    }
  }
  return best;
}

std::vector<size_t> EntityRegistry::AddArticle(std::string_view date,
                                               const std::vector<EntityObservation>& persons) {
  const std::string day = DatePrefix(date);
  std::vector<size_t> result;
  std::unordered_set<size_t> counted;  // an article counts once per entity
  for (const EntityObservation& obs : persons) {
    PersonNameKey key = ParsePersonName(obs.name);
    if (key.empty()) {
      result.push_back(static_cast<size_t>(-1));
      continue;
    }
    std::string country = obs.country.empty() ? CountryOfActorCode(obs.code) : obs.country;
    bool ambiguous = false;
    long found = Best(key, country, obs.code, false, &ambiguous);
    size_t i = found >= 0 ? static_cast<size_t>(found) : Create(obs.name, country);
    result.push_back(i);

    Entity& e = entities_[i];
    if (e.country.empty()) e.country = country;
    // A bare surname gives way to the first full name seen.
    if (!e.user_defined && WordCount(keys_[i].name) == 1 && WordCount(key) >= 2) {
      e.name = obs.name;
      Rekey(i);
    }
    AddAlias(i, obs.name, 0);
    int64_t mentions = 0;
    for (const EntityAlias& f : obs.forms) {
      AddAlias(i, f.alias, f.num_mentions);
      mentions += f.num_mentions;
    }
    Entity& ent = entities_[i];  // AddAlias does not move entities, but keep it plain
    ent.num_mentions += mentions;
    if (!obs.title.empty() && (day.empty() || ent.last_seen.empty() || day >= ent.last_seen)) {
      ent.title = obs.title;
    }
    bool first_time = counted.insert(i).second;
    if (!obs.code.empty()) {
      auto c = std::find_if(ent.codes.begin(), ent.codes.end(),
                            [&](const EntityCode& x) { return !x.from_user && x.code == obs.code; });
      if (c == ent.codes.end()) {
        ent.codes.push_back({obs.code, day, day, 0, false});
        c = ent.codes.end() - 1;
      } else if (!day.empty()) {
        if (c->first.empty() || day < c->first) c->first = day;
        if (day > c->last) c->last = day;
      }
      if (first_time) ++c->num_articles;
    }
    if (!day.empty()) {
      if (ent.first_seen.empty() || day < ent.first_seen) ent.first_seen = day;
      if (day > ent.last_seen) ent.last_seen = day;
    }
    if (first_time) ++ent.num_articles;
  }
  return result;
}

size_t EntityRegistry::AddUserEntry(const ActorFileEntry& entry) {
  const std::string country = CountryOfActorCode(entry.code);
  long found = -1;
  for (const std::string& n : entry.names) {
    PersonNameKey key = ParsePersonName(n);
    if (WordCount(key) < 2 && entry.names.size() > 1) continue;  // a bare alias names no one
    bool ambiguous = false;
    long i = Best(key, country, entry.code, false, &ambiguous);
    if (i >= 0 && (WordCount(key) < 2 || Score(static_cast<size_t>(i), key, country, entry.code, false) >= 0.8)) {
      found = i;
      break;
    }
  }
  size_t i = found >= 0 ? static_cast<size_t>(found) : Create(entry.names[0], country);
  Entity& e = entities_[i];
  e.name = entry.names[0];
  e.user_defined = true;
  Rekey(i);
  for (const std::string& n : entry.names) AddAlias(i, n, 0);
  Entity& ent = entities_[i];
  bool known = std::any_of(ent.codes.begin(), ent.codes.end(), [&](const EntityCode& c) {
    return c.from_user && c.code == entry.code && c.first == entry.from && c.last == entry.to;
  });
  if (!known) ent.codes.push_back({entry.code, entry.from, entry.to, 0, true});
  return i;
}

std::optional<Entity> EntityRegistry::Resolve(std::string_view name, std::string_view country) const {
  PersonNameKey key = ParsePersonName(name);
  bool ambiguous = false;
  long i = Best(key, country, "", country.empty(), &ambiguous);
  if (i < 0 || ambiguous) return std::nullopt;
  return entities_[static_cast<size_t>(i)];
}

std::vector<size_t> EntityRegistry::Search(std::string_view query) const {
  query = Trim(query);
  std::vector<std::pair<double, size_t>> hits;
  const bool is_code = query.size() >= 3 && std::all_of(query.begin(), query.end(), [](char c) {
                         return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                       });
  PersonNameKey key = ParsePersonName(query);
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    double score = query.empty() ? 1.0 : 0.0;
    if (is_code) {
      for (const EntityCode& c : e.codes) {
        if (c.code.compare(0, query.size(), query) == 0) score = 1.0;
      }
    }
    if (score == 0 && !key.empty()) {
      score = NameSimilarity(key, keys_[i].name);
      for (const EntityAlias& a : e.aliases) score = std::max(score, NameSimilarity(key, ParsePersonName(a.alias)));
      // One word may be any word of a name: "Asaad" finds Asaad al-Shaibani.
      if (score == 0 && WordCount(key) == 1) {
        auto any_word = [&](const PersonNameKey& k) {
          return std::any_of(k.words.begin(), k.words.end(),
                             [&](const std::string& w) { return NameWordKeysMatch(w, key.words[0]); });
        };
        bool hit = any_word(keys_[i].name);
        for (const EntityAlias& a : e.aliases) hit = hit || any_word(ParsePersonName(a.alias));
        if (hit) score = 0.5;
      }
    }
    if (score > 0) hits.emplace_back(score, i);
  }
  std::sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    const Entity& x = entities_[a.second];
    const Entity& y = entities_[b.second];
    if (x.num_articles != y.num_articles) return x.num_articles > y.num_articles;
    return x.name != y.name ? x.name < y.name : a.second < b.second;
  });
  std::vector<size_t> out;
  out.reserve(hits.size());
  for (const auto& h : hits) out.push_back(h.second);
  return out;
}

}  // namespace dyad
