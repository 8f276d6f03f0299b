// EntityRegistry: the people named across articles, each once, with every spelling the
// articles used ("Asaad al-Shaibani" and "Assad Hassan Al-Shibani" are one entity), the
// actor codes they were coded with and when, and how many articles named them.
//
// The actor stage resolves names inside one article (ActorMention::entity is the article's
// canonical name); the registry merges those across articles. An article's person is the
// same as a registered entity when their names match (name_similarity.h) and their
// countries agree (an unknown country, "---GOV", agrees with any by full name only); role
// and code may change over time (SYRREB, later SYRGOV), so codes are kept per entity with
// first and last seen dates. A bare surname merges into the best matching entity of its
// country, preferring one with the same code, then the one in more articles.
//
// Users may seed entries (an actor file, see ParseActorFile): their name is canonical and
// their dated codes override what the articles say for dates in their range.
//
// Independent of the store: the Store loads the registry, calls AddArticle for each new
// article and writes back the entities it touched.
//
// Resolve() looks a name up ("al-Shaibani" -> the entity coded SYRGOV). The actor stage
// leaves persons without a code out of its output, so the next step is for the pipeline
// (or a store-side pass) to resolve uncoded names through the registry; that wiring is not
// done yet.
#ifndef DYAD_ACTORS_ENTITY_REGISTRY_H_
#define DYAD_ACTORS_ENTITY_REGISTRY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor.h"
#include "actors/name_similarity.h"
#include "text/document.h"
#include "util/diagnostics.h"

namespace dyad {

// One code an entity had. Observed codes span the dates of the articles that used them;
// a user's code (from_user) is valid from `first` to `last` inclusive, "" for open ends.
struct EntityCode {
  std::string code;
  std::string first, last;  // YYYY-MM-DD or ""
  int64_t num_articles = 0;  // observed codes only
  bool from_user = false;
};

struct EntityAlias {
  std::string alias;  // a surface form as written ("Al-Shibani")
  int64_t num_mentions = 0;
};

struct Entity {
  int64_t id = 0;       // the store's entity_id; 0 until stored
  std::string name;     // canonical: a user's name, else the first full name seen
  std::string country;  // alpha-3, "" when unknown or not a state actor
  std::string title;    // the most recent title seen ("Foreign Minister")
  bool user_defined = false;  // name and codes from an actor file
  std::vector<EntityAlias> aliases;  // every distinct form, the canonical name included
  std::vector<EntityCode> codes;
  std::string first_seen, last_seen;  // dates of the articles, "" when none was dated
  int64_t num_articles = 0;
  int64_t num_mentions = 0;

  // The code at `date` (YYYY-MM-DD; "" for now): CodeAtDate(codes, date).
  std::string CodeAt(std::string_view date = "") const;
};

// The code a list of dated codes gives at `date` (YYYY-MM-DD; "" for now): a user code whose
// range covers it (the last such in the list; with no date, one with an open end), else the
// observed code seen last on or before it (the earliest one when none; codes with a country
// before "---" ones), else the latest user code (the last of those starting latest). Used
// for a registry entity and for the people of the built-in table (Gazetteer::PersonCodeAt).
std::string CodeAtDate(const std::vector<EntityCode>& codes, std::string_view date);

// The day (or month, or year) a date or date-time starts with ("2024-12-30T08:00Z" ->
// "2024-12-30"), "" when it starts with none.
std::string DatePrefix(std::string_view date);

// One person of one article: the registry's input.
struct EntityObservation {
  std::string name;                // the article's canonical name (ActorMention::entity)
  std::vector<EntityAlias> forms;  // the distinct forms of the name the article used
  std::string code, country, role, title;
};

// The persons of a coded article: one observation per distinct ActorMention::entity of
// kind kPerson, with the name part of each mention ("Minister Al-Shibani" -> "Al-Shibani")
// as its forms. Needs the document's tokens.
std::vector<EntityObservation> CollectPersons(const Document& doc,
                                              const std::vector<ActorMention>& mentions);

// The country an actor code names: its first three letters unless they are a CAMEO
// sector or organisation code ("IGOUNO" -> "", "SYRGOV" -> "SYR").
std::string CountryOfActorCode(std::string_view code);

// One line of a user's actor file.
struct ActorFileEntry {
  std::vector<std::string> names;  // the canonical name first, then aliases
  std::string code;
  std::string from, to;  // YYYY-MM-DD or ""
  std::string where;     // "path:line"
};

// Parses an actor file: one entry a line, `Name|Alias|Alias<TAB>CODE[<TAB>FROM[<TAB>TO]]`,
// dates ISO (YYYY, YYYY-MM or YYYY-MM-DD; FROM is padded to the period's first day and TO
// to its last, "" or "-" for an open end); blank lines and lines starting with '#' are
// skipped. Malformed lines are reported to `diag` with the path and line and skipped.
std::vector<ActorFileEntry> ParseActorFile(std::string_view text, const std::string& path,
                                           const DiagnosticSink& diag);

class EntityRegistry {
 public:
  EntityRegistry() = default;
  EntityRegistry(const EntityRegistry&) = delete;
  EntityRegistry& operator=(const EntityRegistry&) = delete;

  // Adds an entity as stored (the store's loading path); no matching.
  void Load(Entity e);

  // Merges one article's persons, published on `date` ("" when undated; a date-time is cut
  // to its day). Returns the index (into entities()) each observation went to; entities are
  // created as needed. Call once per article: counts are per call.
  std::vector<size_t> AddArticle(std::string_view date, const std::vector<EntityObservation>& persons);

  // Applies a user entry: merges it into the entity it names (a full-name match with the
  // same country) or creates one; its name becomes canonical, its aliases are added and its
  // dated code recorded (once: applying the same entry again changes nothing). Returns the
  // entity's index.
  size_t AddUserEntry(const ActorFileEntry& entry);

  // The entity a name refers to, or nullopt when none matches or several match equally
  // well (a bare surname shared by two people). `country`, when given, must agree.
  std::optional<Entity> Resolve(std::string_view name, std::string_view country = "") const;

  // Indexes of the entities a query names, best first: by name similarity to the canonical
  // name or an alias, or, for a one-word query, to any word of them; or by actor code prefix
  // ("SYRGOV", "AZE"). An empty query lists all, most articles first.
  std::vector<size_t> Search(std::string_view query) const;

  const std::vector<Entity>& entities() const { return entities_; }
  size_t size() const { return entities_.size(); }
  void set_id(size_t index, int64_t id) { entities_[index].id = id; }

 private:
  struct Keyed {  // parsed canonical name and full aliases of one entity
    PersonNameKey name;
    std::vector<PersonNameKey> full_aliases;
  };
  // How well `name` names entity i: 0 when it does not (names or countries disagree).
  // any_country: the name alone decides.
  double Score(size_t i, const PersonNameKey& name, std::string_view country,
               std::string_view code, bool any_country) const;
  // Best entity for a name, or -1; `ambiguous` set when two entities tie.
  long Best(const PersonNameKey& name, std::string_view country, std::string_view code,
            bool any_country, bool* ambiguous) const;
  size_t Create(const std::string& name, const std::string& country);
  void AddAlias(size_t i, std::string_view alias, int64_t mentions);
  void Index(size_t i, const std::string& form);
  void Rekey(size_t i);

  std::vector<Entity> entities_;
  std::vector<Keyed> keys_;
  // Frame of a family-name key (NameWordFrame) -> entities with such a name or alias.
  std::unordered_map<std::string, std::vector<size_t>> by_family_;
};

}  // namespace dyad

#endif  // DYAD_ACTORS_ENTITY_REGISTRY_H_
