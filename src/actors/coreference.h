// Coreference: turns one article's candidates (MentionParser), sentence by sentence, into
// coded ActorMentions, resolving what refers back:
//   - a listed person (data/actors/persons.tsv) named without a country ("Lavrov said",
//     "President Putin") takes the table's code at the article's date; a former holder
//     ("former president Obama") the ELI of the person's country; a bare surname the
//     table gives to several people only when the date leaves one in office;
//   - a person's name against the people already named: a bare surname ("Rafiyev",
//     "Minister Al-Shibani") or a shorter/longer form of the name is the same person, with
//     that person's code and canonical name; different names ("Ali Hassan", "Ali Hussein")
//     stay apart;
//   - a titled person whose country the phrase does not give ("President Ahmad al-Sharaa")
//     takes it from a role phrase with the same title in the same sentence ("as President of
//     Syria"), else from an earlier one in the article, else from the nearest preceding
//     non-person mention with a country (same sentence, then up to two before);
//   - "the minister", "the Syrian Foreign Minister", an apposition: the most recent person
//     with that title (and country); "the embassy", "the rebels": the most recent mention
//     with that role word (five sentences back), else "---" + role (unknown country);
//   - he/she: the most recent person of the same sentence, else the first (subject) of the
//     nearest previous sentence with one; gender learnt from honorifics and from earlier
//     he/she; they/their: the most recent non-person mention; its: the same but singular;
//     "its operations", "their staff" (what a body does or has): not a country or capital
//     named as a location ("the embassy in Damascus ... its operation" is the embassy's).
//     "it" is left alone (mostly expletive: "it is important"), and so are reflexives
//     (mostly emphatic: "the agreement itself").
// A name with no evidence of being a person (a lone capitalised word) is kept only when it
// resolves to a person already named. Mentions without a code are not output (Finish()).
#ifndef DYAD_ACTORS_COREFERENCE_H_
#define DYAD_ACTORS_COREFERENCE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "actors/gazetteer.h"
#include "actors/mention_parser.h"
#include "actors/role_lexicon.h"
#include "text/document.h"

namespace dyad {

class Coreference {
 public:
  // `date`: the article's publication day (YYYY-MM-DD), "" when undated; a listed person
  // named without a title takes the code of that date (Gazetteer::PersonCodeAt).
  Coreference(const Document& doc, const Gazetteer& gaz, const RoleLexicon& roles,
              std::vector<ActorMention>* out, std::string_view date = "")
      : doc_(doc), gaz_(gaz), roles_(roles), final_(out), date_(date) {
    // About one mention per dozen tokens in news text: grow the buffers once or not at all.
    all_.reserve(doc.tokens.size() / 8 + 16);
    info_.reserve(doc.tokens.size() / 8 + 16);
  }

  // Codes and resolves the candidates of sentence `sentence`.
  void AddSentence(uint32_t sentence, const std::vector<Candidate>& candidates);
  // Appends the mentions that carry a code to the output, antecedents renumbered. People
  // whose affiliation the article never gives are tracked (pronouns may refer to them) but
  // not output: an actor without a code cannot be coded into an event.
  void Finish();

 private:
  struct Person {
    std::string entity;              // the longest form of the name, as written
    std::vector<std::string> names;  // its tokens' norms
    std::string code, country, role, title, title_head;
    int first_mention = -1;
    int gender = 0;  // +1 male, -1 female, 0 unknown
  };
  struct Info {  // per emitted mention
    int person = -1;        // index into people_
    bool plural = false;
    uint32_t role_begin = 0, role_end = 0;  // role words, for "the embassy"
    bool has_owner = false;  // coded from a country or organisation
    bool titled = false;     // one unnamed office holder: "the Qatari foreign minister"
  };

  void AddPerson(uint32_t sentence, const Candidate& c, const std::vector<Candidate>& all);
  void AddRole(uint32_t sentence, const Candidate& c);
  void AddPronoun(uint32_t sentence, const Candidate& c);
  void AddPlace(uint32_t sentence, const Candidate& c);

  int FindPerson(const Candidate& c) const;
  int ContextCountry(uint32_t sentence, const Candidate& c,
                     const std::vector<Candidate>& all) const;
  int PersonByTitle(std::string_view head, const std::string& country) const;
  int MentionByRoleWord(uint32_t sentence, std::string_view word) const;
  int PersonLike(size_t mention) const;  // person index a mention refers to, or -1
  // Whether the possessive pronoun c ("its", "their") determines a noun for what a body
  // does or has ("its operations", "their staff").
  bool PossessesInstitutionalThing(uint32_t sentence, const Candidate& c) const;
  // Whether an emitted mention is a country or capital named as a location ("in Damascus").
  bool IsPlaceAsLocation(size_t mention) const;

  // Fills code/country/role of m from the candidate's owner and role.
  void Code(const Candidate& c, int country_index, ActorMention* m) const;
  std::string Text(uint32_t begin, uint32_t end) const;
  ActorMention& Emit(uint32_t sentence, const Candidate& c, MentionKind kind, Info info);

  const Document& doc_;
  const Gazetteer& gaz_;
  const RoleLexicon& roles_;
  std::vector<ActorMention>* final_;
  std::string date_;
  std::vector<ActorMention> all_;         // every mention, coded or not
  std::vector<ActorMention>* out_ = &all_;
  std::vector<Info> info_;
  std::vector<Person> people_;
};

}  // namespace dyad

#endif  // DYAD_ACTORS_COREFERENCE_H_
