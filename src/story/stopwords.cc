#include "story/stopwords.h"

#include <array>
#include <vector>

#define XXH_INLINE_ALL  // inlined XXH3: same values as libxxhash, without the call
#include <xxhash.h>

namespace dyad {
namespace {

// A general English list written for this module: closed-class words, the commonest
// auxiliaries and adverbs, reporting verbs and time fillers of news prose.
constexpr std::string_view kStopwords[] = {
    "a", "about", "above", "across", "after", "afterwards", "again", "against", "ago", "ahead",
    "all", "almost", "alone", "along", "already", "also", "although", "always", "am", "among",
    "amongst", "an", "and", "another", "any", "anyone", "anything", "anyway", "anywhere",
    "are", "arent", "around", "as", "at", "away", "back", "be", "became", "because", "become",
    "becomes", "been", "before", "beforehand", "behind", "being", "below", "beside", "besides",
    "between", "beyond", "both", "but", "by", "can", "cannot", "cant", "could", "couldnt",
    "did", "didnt", "do", "does", "doesnt", "doing", "done", "dont", "down", "during", "each",
    "either", "else", "elsewhere", "enough", "even", "ever", "every", "everyone", "everything",
    "everywhere", "except", "few", "for", "from", "further", "get", "gets", "getting", "got",
    "had", "hadnt", "has", "hasnt", "have", "havent", "having", "he", "hed", "hell", "hence",
    "her", "here", "hers", "herself", "hes", "him", "himself", "his", "how", "however", "i",
    "id", "if", "ill", "im", "in", "indeed", "instead", "into", "is", "isnt", "it", "its",
    "itself", "ive", "just", "last", "later", "least", "less", "let", "lets", "like", "likely",
    "made", "make", "makes", "many", "may", "maybe", "me", "meanwhile", "might", "mine", "more",
    "moreover", "most", "mostly", "much", "must", "my", "myself", "near", "nearly", "neither",
    "never", "nevertheless", "next", "no", "nobody", "none", "nor", "not", "nothing", "now",
    "nowhere", "of", "off", "often", "on", "once", "one", "only", "onto", "or", "other",
    "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps",
    "quite", "rather", "really", "same", "several", "shall", "she", "shed", "shes", "should",
    "shouldnt", "since", "so", "some", "someone", "something", "sometimes", "somewhere",
    "still", "such", "than", "that", "thats", "the", "their", "theirs", "them", "themselves",
    "then", "there", "thereby", "therefore", "theres", "these", "they", "theyd", "theyll",
    "theyre", "theyve", "this", "those", "though", "through", "throughout", "thus", "to",
    "together", "too", "toward", "towards", "under", "unless", "until", "up", "upon", "us",
    "very", "via", "was", "wasnt", "we", "wed", "well", "were", "werent", "weve", "what",
    "whatever", "when", "whenever", "where", "whereas", "wherever", "whether", "which",
    "while", "who", "whoever", "whole", "whom", "whose", "why", "will", "with", "within",
    "without", "wont", "would", "wouldnt", "yet", "you", "youd", "youll", "your", "youre",
    "yours", "yourself", "yourselves", "youve",
    // Reporting and filler of news prose.
    "said", "say", "says", "saying", "told", "tell", "according", "added", "reported",
    "reports", "reporting", "stated", "asked", "believe", "believed", "think", "thought",
    "know", "known", "going", "want", "wanted", "way", "thing", "things", "lot", "new", "news",
    "people", "time", "times", "year", "years", "day", "days", "week", "weeks", "today",
    "yesterday", "tomorrow", "tonight", "morning", "evening", "night", "earlier", "recently",
    "first", "two", "three", "mr", "mrs", "ms", "dr", "inc", "ltd", "co", "st", "th", "nd",
    "rd",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    // Web boilerplate: URLs and bylines that leak into article text.
    "http", "https", "www", "com", "org", "net", "html", "htm", "php", "aspx", "index",
    "article", "story", "copyright", "rights", "reserved", "published", "updated", "posted",
    "email", "share", "click", "read", "photo", "image", "video", "via",
};

class StopwordTable {
 public:
  StopwordTable() {
    slots_.assign(kSlots, 0);
    for (std::string_view w : kStopwords) {
      uint64_t h = WordHash(w);
      size_t i = h & (kSlots - 1);
      while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (kSlots - 1);
      slots_[i] = h;
    }
  }
  bool Contains(uint64_t h) const {
    size_t i = h & (kSlots - 1);
    while (slots_[i] != 0) {
      if (slots_[i] == h) return true;
      i = (i + 1) & (kSlots - 1);
    }
    return false;
  }

 private:
  static constexpr size_t kSlots = 2048;  // a power of two, under 1/4 full
  std::vector<uint64_t> slots_;
};

}  // namespace

uint64_t WordHash(std::string_view word) {
  uint64_t h = XXH3_64bits(word.data(), word.size());
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

bool IsStopwordHash(uint64_t word_hash) {
  static const StopwordTable table;
  return table.Contains(word_hash);
}

}  // namespace dyad
