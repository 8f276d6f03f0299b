// Word classes the coder's grammar asks about (clause.cc, surface_grammar.cc): verbs and
// nouns of intention, request, refusal and feeling, modal auxiliaries. One list each, so
// that the parse-based and the surface reading agree on what the words mean.
#ifndef DYAD_EVENTS_GRAMMAR_WORDS_H_
#define DYAD_EVENTS_GRAMMAR_WORDS_H_

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "text/document.h"

namespace dyad::grammar {

// std::string == "x" calls memcmp in libstdc++ 12; string_view == compares sizes first.
inline bool Is(const std::string& s, std::string_view word) { return std::string_view(s) == word; }

inline bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Words that, governing "to VERB", make the verb an intention rather than a fact.
inline bool IsIntentWord(std::string_view lemma) {
  return In(lemma, {"plan", "intend", "intention", "aim", "seek", "want", "hope", "wish",
                    "ready", "readiness", "willing", "willingness", "prepare", "prepared",
                    "expect", "agree", "pledge", "promise", "offer", "desire",
                    "vow", "commit", "committed", "commitment", "dedicate",
                    "dedicated", "determined", "determination", "eager", "keen", "propose",
                    "proposal", "set", "about", "poised", "schedule", "scheduled", "due",
                    "invite", "invitation", "resolve", "undertake", "intent", "going", "go",
                    "bid", "effort", "move", "threaten", "threat",
                    "try", "attempt", "look", "need", "have"});
}

// Verbs of asking: the act they govern is asked of someone, and the appeal is the event.
inline bool IsRequestWord(std::string_view lemma) {
  return In(lemma, {"urge", "ask", "call", "demand", "press", "request", "appeal", "encourage",
                    "implore", "exhort", "pressure", "pressurize", "advise", "instruct",
                    "persuade", "convince", "lobby", "beg", "tell", "order", "force"});
}

// Words that say an act governed by them did not happen ("failed to reach").
inline bool IsRefusalWord(std::string_view lemma) {
  return In(lemma, {"refuse", "reject", "decline", "fail", "refusal", "failure", "stop",
                    "cease", "halt", "avoid", "unable"});
}

// Verbs whose participle after "be" names a feeling ("concerned about", "pleased with").
inline bool IsFeelingVerb(std::string_view lemma) {
  return In(lemma, {"concern", "worry", "alarm", "please", "satisfy", "disappoint", "delight",
                    "frustrate", "upset", "anger", "shock", "surprise", "dismay",
                    "trouble", "disturb", "interest", "outrage", "sadden", "gratify", "heartened",
                    "hearten", "appall", "appal", "disgust", "horrify", "thrill"});
}

inline bool IsModalFuture(std::string_view norm) { return In(norm, {"will", "would", "shall", "'ll", "wo"}); }
inline bool IsModalPossible(std::string_view norm) { return In(norm, {"may", "might", "could", "can"}); }

inline bool IsGerund(const Token& t) {
  std::string_view n = t.norm;
  return n.size() > 4 && n.substr(n.size() - 3) == "ing";
}

}  // namespace dyad::grammar

#endif  // DYAD_EVENTS_GRAMMAR_WORDS_H_
