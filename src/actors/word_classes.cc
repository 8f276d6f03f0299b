#include "actors/word_classes.h"

#include <string>
#include <unordered_map>

#include "util/word_cache.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace dyad {

namespace {

struct Entry {
  const char* words;  // space-separated
  uint32_t cls;
};

const Entry kEntries[] = {
    {"the", kWordDeterminer | kWordDefinite | kWordNotName},
    {"a an this that these those some several many both all each every another other any "
     "no such two three four five",
     kWordDeterminer | kWordNotName},
    {"in at near from outside inside around across within throughout via into of over on "
     "off beyond through between northern southern eastern western central downtown "
     "suburban rural nearby besieged war-torn",
     kWordLocative},
    {"he him his", kWordPronounMale | kWordNotName},
    {"she her hers", kWordPronounFemale | kWordNotName},
    {"they them their theirs", kWordPronounPlural | kWordNotName},
    {"its", kWordPronounNeuter | kWordNotName},
    // Reflexives are mostly emphatic ("the agreement itself"): not resolved.
    {"himself herself itself themselves", kWordNotName},
    {"said says say saying told tells added adds stated states noted notes explained "
     "explains stressed stresses emphasized emphasised emphasizes emphasises announced "
     "announces declared declares warned warns urged urges insisted claimed confirmed "
     "confirms denied denies wrote asked replied affirmed affirms highlighted highlights "
     "pointed underlined underscored argued acknowledged commented indicated revealed "
     "called met meets visited visits accused praised condemned welcomed expressed "
     "reiterated reaffirmed told spoke speaks announced signed held hosted received "
     "commended characterized characterised referred thanked invited accepted discussed",
     kWordSay},
    {"bin ibn bint abu abd abdul abdel al el ul ud de da di du del della van von der den "
     "la le dos das ben",
     kWordNameParticle},
    {"at with for", kWordAffiliation},
    {"mohammed muhammad mohammad mohamed ahmad ahmed ali hassan hussein hussain omar umar "
     "khalid mahmoud mustafa ibrahim youssef yusuf abdullah abdallah fatima aisha mariam "
     "asaad assad bashar hamad khalifa salman faisal nasser sergei sergey vladimir dmitry "
     "ilham mehriban recep mevlut hakan jeyhun elmar elnur yalchin",
     kWordGivenName},
    {"mrs mrs. ms ms. madam madame queen spokeswoman congresswoman princess lady dame",
     kWordFemale},
    {"mr mr. king spokesman congressman prince sir lord sheikh emir sultan", kWordMale},
    {"department ministry agency office council committee commission bureau service court "
     "party bank company corporation corp corp. inc inc. ltd ltd. llc plc group holdings "
     "university college school institute institution center centre association union "
     "federation organization organisation foundation fund forum network club league "
     "authority board chamber assembly parliament congress senate news times post press "
     "journal herald telegraph gazette tribune television radio airlines airways motors "
     "industries exchange market markets index museum hospital church mosque army navy "
     "force forces police guard brigade brigades movement front alliance coalition "
     "society trust project program programme initiative summit conference square street "
     "road river valley mountains island islands province state states city county district "
     "region airport port stadium cup championship olympics festival award prize war",
     kWordInstitution},
    // Capitalised at the start of a sentence, never a name.
    {"and or but nor so yet if then than when while where whereas whether because since "
     "until after before during despite although though however meanwhile moreover "
     "furthermore also still even just only according regarding following including "
     "amid among against toward towards upon under about above below beside besides "
     "without to by as not never i we you it us our ours your my me who whom whose which "
     "what there here today yesterday tomorrow tonight now earlier later last next "
     "january february march april may june july august september october november "
     "december monday tuesday wednesday thursday friday saturday sunday mon tue wed thu "
     "fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec in on at of for from "
     "with into over is are was were be been being has have had do does did will would "
     "can could should shall must might let please yes thus hence instead otherwise "
     "additionally similarly likewise indeed notably overall finally first second third "
     "once again both either neither each every many most more some several other another "
     "such these those this that the a an its their his her he she they",
     kWordNotName},
};

struct WordHash {
  size_t operator()(std::string_view s) const noexcept {
    return static_cast<size_t>(XXH3_64bits(s.data(), s.size()));
  }
};
// The table and a filter of its words' hashes (most words are in no class).
struct WordTable {
  std::unordered_map<std::string_view, uint32_t, WordHash> classes;
  KeyFilter filter;
  uint32_t Find(std::string_view w) const {
    const size_t h = WordHash()(w);
    if (!filter.MayContain(h)) return 0;
    auto it = classes.find(w);
    return it == classes.end() ? 0 : it->second;
  }
};

const WordTable& Table() {
  static const auto* table = [] {
    auto* t = new WordTable();
    for (const Entry& e : kEntries) {
      std::string_view s = e.words;
      size_t pos = 0;
      while (pos < s.size()) {
        size_t sp = s.find(' ', pos);
        if (sp == std::string_view::npos) sp = s.size();
        if (sp > pos) {
          std::string_view w = s.substr(pos, sp - pos);
          t->classes[w] |= e.cls;
          t->filter.Add(WordHash()(w));
        }
        pos = sp + 1;
      }
    }
    return t;
  }();
  return *table;
}

// Suffix test without a library call: compares from the last byte, so most words are
// rejected by their last letter.
bool HasSuffix(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  const char* a = s.data() + (s.size() - suffix.size());
  for (size_t i = suffix.size(); i-- > 0;) {
    if (a[i] != suffix[i]) return false;
  }
  return true;
}

}  // namespace

uint32_t ClassifyWord(std::string_view norm) {
  static const uint32_t table_id = NewTableId();
  thread_local WordCache<uint32_t> memo;
  return memo.Lookup(table_id, norm, [](std::string_view w) { return Table().Find(w); });
}

bool HasArabicPrefix(std::string_view norm) {
  // "al-", "el-", "as-", "ad-", "an-", "ar-", "at-", "az-", "ul-", "ud-" and "ash-",
  // "abu-", "abd-", "bin-", "ibn-", each followed by at least two more bytes.
  if (norm.size() >= 5 && norm[2] == '-') {
    const char a = norm[0], b = norm[1];
    if (b == 'l') return a == 'a' || a == 'e' || a == 'u';
    if (a == 'a') return b == 's' || b == 'd' || b == 'n' || b == 'r' || b == 't' || b == 'z';
    return a == 'u' && b == 'd';
  }
  if (norm.size() >= 6 && norm[3] == '-') {
    std::string_view p = norm.substr(0, 3);
    return p == "ash" || p == "abu" || p == "abd" || p == "bin" || p == "ibn";
  }
  return false;
}

bool HasNameMorphology(std::string_view norm) {
  if (HasArabicPrefix(norm)) return true;
  if (norm.size() < 5) return false;
  // The suffixes -ov -ova -ev -eva -yev -yeva -zade -zadeh -zada -oglu -oğlu -ogly -enko
  // -shvili -dze -vich -ovich -evich -yan -ski -sky -skiy -skaya -nejad -pour -ullah
  // -uddin, by last letter (those ending in another listed suffix left out).
  switch (norm.back()) {
    case 'v': return HasSuffix(norm, "ov") || HasSuffix(norm, "ev");
    case 'a':
      return HasSuffix(norm, "ova") || HasSuffix(norm, "eva") || HasSuffix(norm, "zada") ||
             HasSuffix(norm, "skaya");
    case 'e': return HasSuffix(norm, "zade") || HasSuffix(norm, "dze");
    case 'h': return HasSuffix(norm, "zadeh") || HasSuffix(norm, "vich") || HasSuffix(norm, "ullah");
    case 'u': return HasSuffix(norm, "oglu") || HasSuffix(norm, "o\xC4\x9Flu");
    case 'y': return HasSuffix(norm, "ogly") || HasSuffix(norm, "sky") || HasSuffix(norm, "skiy");
    case 'o': return HasSuffix(norm, "enko");
    case 'i': return HasSuffix(norm, "shvili") || HasSuffix(norm, "ski");
    case 'n': return HasSuffix(norm, "yan") || HasSuffix(norm, "uddin");
    case 'd': return HasSuffix(norm, "nejad");
    case 'r': return HasSuffix(norm, "pour");
    default: return false;
  }
}

}  // namespace dyad
