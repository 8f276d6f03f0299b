#include "actors/coreference.h"

#include <string_view>

#include "actors/name_similarity.h"
#include "actors/word_classes.h"

namespace dyad {

namespace {

// "al-shibani" and "shibani" name the same family.
std::string_view StripArticle(std::string_view norm) {
  if (HasArabicPrefix(norm)) return norm.substr(norm.find('-') + 1);
  return norm;
}

bool FamilyNameFirst(std::string_view country) {
  return country == "CHN" || country == "TWN" || country == "PRK" || country == "KOR" ||
         country == "HKG" || country == "MAC";
}

// The same name word, as spelt by another outlet ("Kassym-Zhomart"/"Kassym-Jomart",
// "Aliyev"/"Aliev"): name_similarity.h's keys.
bool SameNamePart(std::string_view a, std::string_view b) {
  if (a == b || StripArticle(a) == StripArticle(b)) return true;
  const std::string ka = NameWordKey(a), kb = NameWordKey(b);
  return !ka.empty() && NameWordKeysMatch(ka, kb);
}

bool IsWordForm(const Token& t, std::string_view word) {
  if (t.norm == word || t.lemma == word) return true;
  return t.norm.size() == word.size() + 1 && t.norm.back() == 's' &&
         std::string_view(t.norm).substr(0, word.size()) == word;
}

// What a body (an embassy, a ministry, a company, an agency) does or has, and a place
// named as a location does not: "the embassy in Damascus ... its operation", "the
// ministry in Baku and its staff". Lemmas.
bool IsInstitutionalPossession(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "operation", "activity", "work", "functioning", "staff", "staffer", "personnel",
      "employee", "diplomat", "mandate", "premises", "headquarters", "head", "chief",
      "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
      "website", "statement", "chargé", "charge", "closure", "reopening", "opening"};
  for (std::string_view w : kWords)
    if (w == lemma) return true;
  return false;
}

}  // namespace

bool Coreference::PossessesInstitutionalThing(uint32_t sentence, const Candidate& c) const {
  const Token& pronoun = doc_.tokens[c.begin];
  if (pronoun.norm != "its" && pronoun.norm != "their") return false;
  const uint32_t end = doc_.sentences[sentence].end_token;
  // The noun the possessive determines, past at most three modifiers ("its official
  // diplomatic operation").
  for (uint32_t t = c.end, skipped = 0; t < end && skipped <= 3; ++t, ++skipped) {
    const Token& w = doc_.tokens[t];
    if (w.tag == Tag::kAdj || w.tag == Tag::kAdv || w.tag == Tag::kNum) continue;
    return (w.tag == Tag::kNoun || w.tag == Tag::kUnknown) && IsInstitutionalPossession(w.lemma);
  }
  return false;
}

bool Coreference::IsPlaceAsLocation(size_t mention) const {
  const ActorMention& m = (*out_)[mention];
  if (m.kind != MentionKind::kCapital && m.kind != MentionKind::kCountry) return false;
  if (m.first_token == 0 || m.first_token <= doc_.sentences[m.sentence].first_token) return false;
  uint32_t before = m.first_token - 1;
  // "in the Syrian capital", "in the Republic of ...": an article between.
  if (doc_.tokens[before].tag == Tag::kDet && before > doc_.sentences[m.sentence].first_token) --before;
  // Prepositions of place and destination ("the consulate in Ankara", "troops sent to
  // Haiti"), not "of" or "from", which tie an actor to its country.
  static constexpr std::string_view kPlaces[] = {"in", "at", "near", "inside", "outside", "within",
                                                 "across", "throughout", "around", "to", "into"};
  for (std::string_view w : kPlaces)
    if (doc_.tokens[before].norm == w) return true;
  return false;
}

std::string Coreference::Text(uint32_t begin, uint32_t end) const {
  if (end <= begin) return "";
  uint32_t b = doc_.tokens[begin].begin, e = doc_.tokens[end - 1].end;
  // Line breaks and runs of spaces inside a name or title become one space.
  std::string out;
  out.reserve(e - b);
  bool space = false;
  for (char ch : doc_.text.substr(b, e - b)) {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

void Coreference::Code(const Candidate& c, int country_index, ActorMention* m) const {
  m->code.clear();
  m->country.clear();
  m->role.clear();
  if (c.has_role && c.role.absolute) {
    m->code = c.role.code;
    return;
  }
  if (c.org >= 0) {
    const Organization& o = gaz_.organizations()[static_cast<size_t>(c.org)];
    m->code = o.code;
    m->country = o.country;
    m->role = o.role;
    return;
  }
  std::string_view rc;
  if (c.has_role && !c.elsewhere) rc = c.role.former ? std::string_view("ELI") : c.role.code;
  if (country_index >= 0) {
    const Country& k = gaz_.countries()[static_cast<size_t>(country_index)];
    m->code = k.cameo;
    m->country = k.iso3;
    if (rc.empty() && c.capital_gov) rc = "GOV";
  } else if (!rc.empty()) {
    m->code = "---";  // PETRARCH's convention for an agent of unknown country
  }
  if (!rc.empty() && !m->code.empty()) {
    m->code += rc;
    m->role = std::string(rc.substr(0, 3));
  }
}

ActorMention& Coreference::Emit(uint32_t sentence, const Candidate& c, MentionKind kind,
                                Info info) {
  out_->emplace_back();
  ActorMention& m = out_->back();
  m.sentence = sentence;
  m.first_token = c.begin;
  m.end_token = c.end;
  m.head_token = c.head;
  m.kind = kind;
  info_.push_back(info);
  return m;
}

int Coreference::PersonLike(size_t mention) const { return info_[mention].person; }

void Coreference::Finish() {
  std::vector<int> renumbered(all_.size(), -1);
  for (size_t k = 0; k < all_.size(); ++k) {
    ActorMention& m = all_[k];
    if (m.code.empty()) continue;
    renumbered[k] = static_cast<int>(final_->size());
    if (m.antecedent >= 0) m.antecedent = renumbered[static_cast<size_t>(m.antecedent)];
    final_->push_back(std::move(m));
  }
}

void Coreference::AddSentence(uint32_t sentence, const std::vector<Candidate>& candidates) {
  for (const Candidate& c : candidates) {
    switch (c.kind) {
      case MentionKind::kPronoun:
        AddPronoun(sentence, c);
        break;
      case MentionKind::kPerson:
        AddPerson(sentence, c, candidates);
        break;
      default:
        if (c.has_role) {
          AddRole(sentence, c);
        } else {
          AddPlace(sentence, c);
        }
    }
  }
}

void Coreference::AddPlace(uint32_t sentence, const Candidate& c) {
  ActorMention m;
  Code(c, c.country, &m);
  if (m.code.empty()) return;
  Info info;
  info.has_owner = true;
  info.plural = c.kind == MentionKind::kDemonym;
  ActorMention& e = Emit(sentence, c, c.kind, info);
  e.code = std::move(m.code);
  e.country = std::move(m.country);
  e.role = std::move(m.role);
  if (c.org >= 0) e.entity = gaz_.organizations()[static_cast<size_t>(c.org)].name;
}

int Coreference::PersonByTitle(std::string_view head, const std::string& country) const {
  for (size_t k = out_->size(); k-- > 0;) {
    int p = info_[k].person;
    if (p < 0) continue;
    const Person& person = people_[static_cast<size_t>(p)];
    if (person.title_head != head) continue;
    if (!country.empty() && !person.country.empty() && person.country != country) continue;
    return p;
  }
  return -1;
}

int Coreference::MentionByRoleWord(uint32_t sentence, std::string_view word) const {
  for (size_t k = out_->size(); k-- > 0;) {
    const ActorMention& m = (*out_)[k];
    if (m.sentence + 5 < sentence) break;
    const Info& info = info_[k];
    if (info.person >= 0 || info.role_end <= info.role_begin) continue;
    if (m.code.empty() || IsUnknownCountryCode(m.code)) continue;
    for (uint32_t t = info.role_begin; t < info.role_end; ++t) {
      if (IsWordForm(doc_.tokens[t], word)) return static_cast<int>(k);
    }
  }
  return -1;
}

void Coreference::AddRole(uint32_t sentence, const Candidate& c) {
  const Role& head = roles_.role(static_cast<uint32_t>(c.role.head));
  ActorMention m;
  Info info;
  info.role_begin = c.role.begin;
  info.role_end = c.role.end;
  info.plural = c.role.plural;
  info.has_owner = c.country >= 0 || c.org >= 0;
  if (info.has_owner || c.role.absolute) Code(c, c.country, &m);
  // "its embassy", "their forces", "his government": the owner is the pronoun's referent.
  if (!info.has_owner && !c.role.absolute && !out_->empty()) {
    const ActorMention& prev = out_->back();
    const std::string& word = doc_.tokens[prev.first_token].norm;
    // And "the Bush administration": a person's name before a body names its country.
    const bool person_before = prev.kind == MentionKind::kPerson && prev.end_token == c.begin &&
                               c.role.kind == RoleKind::kBody;
    if ((person_before || (prev.kind == MentionKind::kPronoun && prev.end_token == c.begin &&
                           (word == "its" || word == "their" || word == "his" ||
                            word == "her"))) &&
        !prev.country.empty()) {
      const Country* k = gaz_.FindCountry(prev.country);
      if (k != nullptr) {
        Code(c, static_cast<int>(k - gaz_.countries().data()), &m);
        info.has_owner = true;
      }
    }
  }
  int antecedent = -1;
  const bool one_person = (c.role.kind == RoleKind::kTitle || c.role.kind == RoleKind::kPerson) &&
                          !c.role.plural;
  if (one_person && (c.definite || c.apposition)) {
    int p = -1;
    if (c.apposition && !info_.empty()) p = info_.back().person;
    if (p < 0 && c.definite) p = PersonByTitle(head.head, m.country);
    if (p >= 0) {
      const Person& person = people_[static_cast<size_t>(p)];
      info.person = p;
      antecedent = person.first_mention;
      m.entity = person.entity;
      if (!info.has_owner) {
        m.code = person.code;
        m.country = person.country;
        m.role = person.role;
      }
    }
  }
  if (!info.has_owner && info.person < 0 && !c.role.absolute) {
    int k = c.elsewhere || c.named_body ? -1 : MentionByRoleWord(sentence, head.head);
    if (k >= 0) {
      const ActorMention& a = (*out_)[static_cast<size_t>(k)];
      m.code = a.code;
      m.country = a.country;
      m.role = a.role;
      m.entity = a.entity;
      antecedent = a.antecedent >= 0 ? a.antecedent : k;
    } else {
      Code(c, -1, &m);
    }
  }
  if (m.code.empty()) return;
  info.titled = one_person && info.person < 0;
  if (c.org >= 0 && m.entity.empty()) {
    m.entity = gaz_.organizations()[static_cast<size_t>(c.org)].name;
  }
  ActorMention& e = Emit(sentence, c, c.kind == MentionKind::kPerson ? MentionKind::kRole : c.kind,
                         info);
  e.code = std::move(m.code);
  e.country = std::move(m.country);
  e.role = std::move(m.role);
  e.entity = std::move(m.entity);
  e.title = Text(c.role.begin, c.role.end);
  e.antecedent = antecedent;
}

int Coreference::FindPerson(const Candidate& c) const {
  const uint32_t n = c.name_end - c.name_begin;
  if (n == 0) return -1;
  std::string own_country;
  if (c.country >= 0) own_country = gaz_.countries()[static_cast<size_t>(c.country)].iso3;
  for (size_t p = people_.size(); p-- > 0;) {
    const Person& person = people_[p];
    const size_t m = person.names.size();
    const size_t shorter = n < m ? n : m;
    bool same = shorter > 0;
    for (size_t k = 1; same && k <= shorter; ++k) {
      same = SameNamePart(doc_.tokens[c.name_end - k].norm, person.names[m - k]);
    }
    // Chinese and Korean names put the family name first: "Kim" is Kim Jong Un, "Xi"
    // Xi Jinping (news keeps that order for them, not for Japanese names).
    if (!same && n == 1 && m >= 2 && FamilyNameFirst(person.country))
      same = doc_.tokens[c.name_begin].norm == person.names[0];
    if (!same) continue;
    if (!own_country.empty() && !person.country.empty() && own_country != person.country) continue;
    return static_cast<int>(p);
  }
  return -1;
}

int Coreference::ContextCountry(uint32_t sentence, const Candidate& c,
                                const std::vector<Candidate>& all) const {
  const std::string& head = roles_.role(static_cast<uint32_t>(c.role.head)).head;
  // 1. The same title with a country in this sentence: "... as President of Syria".
  for (const Candidate& o : all) {
    if (&o == &c || !o.has_role || o.kind == MentionKind::kPerson || o.country < 0 ||
        o.elsewhere || o.role.head < 0) {
      continue;
    }
    if (roles_.role(static_cast<uint32_t>(o.role.head)).head == head) return o.country;
  }
  auto index_of = [&](const std::string& iso) -> int {
    const Country* k = gaz_.FindCountry(iso);
    return k == nullptr ? -1 : static_cast<int>(k - gaz_.countries().data());
  };
  // 2. The same title with a country earlier in the article, not yet anyone's.
  for (size_t k = out_->size(); k-- > 0;) {
    const ActorMention& m = (*out_)[k];
    const Info& info = info_[k];
    if (info.person >= 0 || m.kind != MentionKind::kRole || m.country.empty()) continue;
    if (info.role_end > info.role_begin &&
        IsWordForm(doc_.tokens[info.role_end - 1], head)) {
      return index_of(m.country);
    }
  }
  // 3. The nearest preceding non-person mention with a country.
  for (size_t k = out_->size(); k-- > 0;) {
    const ActorMention& m = (*out_)[k];
    if (m.sentence + 2 < sentence) break;
    if (PersonLike(k) >= 0 || m.country.empty()) continue;
    return index_of(m.country);
  }
  return -1;
}

void Coreference::AddPerson(uint32_t sentence, const Candidate& c,
                            const std::vector<Candidate>& all) {
  int p = FindPerson(c);
  if (p < 0 && !c.person_evidence) return;  // a capitalised word, not known as a person
  ActorMention m;
  const std::string title = c.has_role ? Text(c.role.begin, c.role.end) : "";
  int gender = c.honorific_female ? -1 : c.honorific_male ? 1 : 0;
  if (c.has_role && gender == 0) {
    uint32_t cls = ClassifyWord(roles_.role(static_cast<uint32_t>(c.role.head)).head);
    gender = (cls & kWordFemale) ? -1 : (cls & kWordMale) ? 1 : 0;
  }
  const bool owned = c.country >= 0 || c.org >= 0 || (c.has_role && c.role.absolute);
  const uint32_t n = c.name_end - c.name_begin;
  if (p >= 0) {
    Person& person = people_[static_cast<size_t>(p)];
    if (n > person.names.size()) {  // a fuller form of the name
      person.names.clear();
      for (uint32_t t = c.name_begin; t < c.name_end; ++t) person.names.push_back(doc_.tokens[t].norm);
      person.entity = Text(c.name_begin, c.name_end);
    }
    if (owned) {
      Code(c, c.country, &m);
    } else if (person.code.empty() && c.has_role && !c.role.absolute) {
      Code(c, c.elsewhere ? c.country : ContextCountry(sentence, c, all), &m);
    } else {
      m.code = person.code;
      m.country = person.country;
      m.role = person.role;
    }
    if (person.code.empty() && !m.code.empty()) {
      person.code = m.code;
      person.country = m.country;
      person.role = m.role;
    }
    if (person.title.empty() && !title.empty()) {
      person.title = title;
      person.title_head = roles_.role(static_cast<uint32_t>(c.role.head)).head;
    }
    if (person.gender == 0) person.gender = gender;
  } else {
    Person person;
    for (uint32_t t = c.name_begin; t < c.name_end; ++t) person.names.push_back(doc_.tokens[t].norm);
    person.entity = Text(c.name_begin, c.name_end);
    int country = c.country;
    // A listed person ("President Putin", "Erdogan said"): the table's code at the
    // article's date; "former president Obama": the ELI of the person's country. A name
    // the table gives to several people ("Sharif") is coded only when the date leaves one
    // in office; before a person's first office the table says nothing.
    const int known = owned || c.known < 0 ? -1 : gaz_.PersonNamed(static_cast<uint32_t>(c.known), date_);
    std::string known_code;
    if (known >= 0) {
      person.entity = gaz_.people()[static_cast<size_t>(known)].name;
      known_code = gaz_.PersonCodeAt(static_cast<uint32_t>(known), date_);
    }
    const Country* known_country = known_code.size() >= 3 ? gaz_.FindCountry(known_code.substr(0, 3)) : nullptr;
    if (!known_code.empty() && c.has_role && c.role.former) {
      known_code = known_country != nullptr ? known_code.substr(0, 3) + "ELI" : "";
    }
    if (!known_code.empty()) {
      m.code = known_code;
      if (known_country != nullptr) {
        m.country = known_country->iso3;
        m.role = known_code.substr(3, 3);
      }
    } else {
      if (country < 0 && c.org < 0 && c.has_role && !c.role.absolute && !c.elsewhere) {
        country = ContextCountry(sentence, c, all);
      }
      Code(c, country, &m);
    }
    person.code = m.code;
    person.country = m.country;
    person.role = m.role;
    person.title = title;
    if (c.has_role) person.title_head = roles_.role(static_cast<uint32_t>(c.role.head)).head;
    person.first_mention = static_cast<int>(out_->size());
    person.gender = gender;
    p = static_cast<int>(people_.size());
    people_.push_back(std::move(person));
  }
  Person& person = people_[static_cast<size_t>(p)];
  Info info;
  info.person = p;
  info.has_owner = owned;
  if (c.has_role && c.role.end <= c.name_begin) {
    info.role_begin = c.role.begin;
    info.role_end = c.role.end;
  }
  const int antecedent = person.first_mention == static_cast<int>(out_->size())
                             ? -1
                             : person.first_mention;
  ActorMention& e = Emit(sentence, c, MentionKind::kPerson, info);
  e.code = std::move(m.code);
  e.country = std::move(m.country);
  e.role = std::move(m.role);
  e.entity = person.entity;
  e.title = title.empty() ? person.title : title;
  e.antecedent = antecedent;
  // The first mention that carries a code is the one later mentions point to (an uncoded
  // one is not output).
  if (antecedent >= 0 && (*out_)[static_cast<size_t>(antecedent)].code.empty() &&
      !e.code.empty()) {
    person.first_mention = static_cast<int>(out_->size() - 1);
  }
}

void Coreference::AddPronoun(uint32_t sentence, const Candidate& c) {
  const uint32_t cls = c.pronoun_class;
  int best = -1;
  int person = -1;
  if (cls & (kWordPronounMale | kWordPronounFemale)) {
    const int want = (cls & kWordPronounMale) ? 1 : -1;
    auto fits = [&](size_t k) {
      int p = PersonLike(k);
      return p >= 0 && people_[static_cast<size_t>(p)].gender != -want;
    };
    // The most recent person of this sentence, else its most recent unnamed office holder
    // ("The Qatari foreign minister rejected criticism of his country's contacts")...
    for (int pass = 0; pass < 2 && best < 0; ++pass) {
      size_t k = out_->size();
      while (k-- > 0 && (*out_)[k].sentence == sentence) {
        if (pass == 0 ? fits(k) : info_[k].titled) {
          best = static_cast<int>(k);
          break;
        }
      }
    }
    // ... else the first (the subject) of the nearest earlier sentence with one.
    if (best < 0) {
      uint32_t found_in = 0;
      for (size_t j = out_->size(); j-- > 0;) {
        const uint32_t s = (*out_)[j].sentence;
        if (s == sentence) continue;
        if (s + 3 < sentence) break;
        if (best >= 0 && s != found_in) break;
        if (fits(j)) {
          best = static_cast<int>(j);
          found_in = s;
        }
      }
    }
    if (best < 0) return;
    person = PersonLike(static_cast<size_t>(best));
    if (person >= 0) {
      Person& p = people_[static_cast<size_t>(person)];
      if (p.gender == 0) p.gender = want;
    }
  } else {
    const bool singular = (cls & kWordPronounNeuter) != 0;
    // "the embassy in Damascus ... its operation": what a body has is not the place's,
    // so a place named as a location gives way to an earlier mention (when there is one).
    const bool institutional = PossessesInstitutionalThing(sentence, c);
    int place = -1;
    for (size_t k = out_->size(); k-- > 0;) {
      const ActorMention& m = (*out_)[k];
      if (m.sentence + 1 < sentence) break;
      // An agent of unknown country ("---GOV") is a poor antecedent.
      if (PersonLike(k) >= 0 || m.code.empty() || IsUnknownCountryCode(m.code)) continue;
      if (singular && info_[k].plural) continue;
      if (institutional && IsPlaceAsLocation(k)) {
        if (place < 0) place = static_cast<int>(k);
        continue;
      }
      best = static_cast<int>(k);
      break;
    }
    if (best < 0) best = place;
    if (best < 0) return;
  }
  const ActorMention& a = (*out_)[static_cast<size_t>(best)];
  const int antecedent = a.kind == MentionKind::kPronoun && a.antecedent >= 0 ? a.antecedent : best;
  ActorMention m;
  if (person >= 0) {
    const Person& p = people_[static_cast<size_t>(person)];
    m.code = p.code;
    m.country = p.country;
    m.role = p.role;
    m.entity = p.entity;
    m.title = p.title;
  } else {
    m.code = a.code;
    m.country = a.country;
    m.role = a.role;
    m.entity = a.entity;
    m.title = a.title;  // "embassy": what the pronoun stands for, for the event patterns
  }
  Info info;
  info.person = person;
  info.plural = (cls & kWordPronounPlural) != 0;
  info.has_owner = !m.country.empty();
  ActorMention& e = Emit(sentence, c, MentionKind::kPronoun, info);
  e.code = std::move(m.code);
  e.country = std::move(m.country);
  e.role = std::move(m.role);
  e.entity = std::move(m.entity);
  e.title = std::move(m.title);
  e.antecedent = antecedent;
}

}  // namespace dyad
