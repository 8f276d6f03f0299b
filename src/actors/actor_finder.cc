#include "actors/actor_finder.h"

#include "actors/coreference.h"
#include "actors/country_descriptions.h"
#include "actors/entity_registry.h"
#include "actors/gazetteer.h"
#include "actors/mention_parser.h"
#include "actors/pair_mentions.h"
#include "actors/role_lexicon.h"

namespace dyad {

struct ActorFinder::Tables {
  Tables() : parser(Gazetteer::BuiltIn(), RoleLexicon::BuiltIn()) {}
  MentionParser parser;
};

ActorFinder::ActorFinder() {
  static const std::shared_ptr<const Tables> tables = std::make_shared<const Tables>();
  tables_ = tables;
}

void ActorFinder::Find(const Document& doc, std::vector<ActorMention>* out,
                       std::string_view date) const {
  out->clear();
  Coreference coreference(doc, Gazetteer::BuiltIn(), RoleLexicon::BuiltIn(), out, DatePrefix(date));
  std::vector<Candidate> candidates;
  candidates.reserve(32);
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.end_token > doc.tokens.size() || sentence.first_token > sentence.end_token) {
      continue;  // malformed sentence bounds: nothing to read safely
    }
    candidates.clear();
    tables_->parser.Parse(doc, sentence.first_token, sentence.end_token, s == 0, &candidates);
    coreference.AddSentence(static_cast<uint32_t>(s), candidates);
  }
  coreference.Finish();
  ResolveCountryDescriptions(doc, out);
  AddPairMentions(doc, out);
}

}  // namespace dyad
