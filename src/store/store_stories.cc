// The store's side of story clustering: which earlier article a new one copies
// (syndication, republished wire text), so that copies count once as a source.
#include <set>
#include <string>
#include <vector>

#include "corroborate/event_report.h"
#include "store/cluster_statements.h"
#include "store/store.h"
#include "story/fingerprint.h"
#include "story/minhash.h"

namespace dyad {

std::string Store::StorySourceKey(const Article& article) {
  if (cst_ == nullptr) cst_ = std::make_unique<ClusterStatements>(*db_);
  ClusterStatements& st = *cst_;
  StoryFingerprint fp = Fingerprint(article.title, article.text);
  const auto bands = LshBands(fp);
  // The stored articles sharing a band, at most kMaxPerBand a band (text that many
  // articles share, boilerplate or templates, would otherwise make every lookup long).
  std::set<std::string> candidates;
  for (uint64_t b : bands) {
    st.band_articles.Bind(1, static_cast<int64_t>(b));
    while (st.band_articles.Step()) candidates.emplace(st.band_articles.ColumnText(0));
    st.band_articles.Reset();
  }
  std::string story_id = article.id, source_key = DefaultSourceKey(article);
  double best = 0;
  StoryFingerprint other;
  std::string error;
  for (const std::string& id : candidates) {
    SqliteStatement& q = st.story_of;
    q.BindStatic(1, id);
    if (q.Step()) {
      if (!Deserialize(q.ColumnBlob(2), &other, &error)) {
        q.Reset();
        throw StoreError("damaged story fingerprint of article " + id + " in the store: " + error);
      }
      double j = IsNearDuplicate(fp, other) ? EstimatedJaccard(fp, other) : 0;
      if (j > best) {
        best = j;
        story_id = q.ColumnText(0);
        source_key = q.ColumnText(1);
      }
    }
    q.Reset();
  }
  st.put_story.BindStatic(1, article.id);
  st.put_story.BindStatic(2, story_id);
  st.put_story.BindStatic(3, source_key);
  st.put_story.BindBlob(4, Serialize(fp));
  st.put_story.Run();
  for (uint64_t b : bands) {
    st.put_band.Bind(1, static_cast<int64_t>(b));
    st.put_band.BindStatic(2, article.id);
    st.put_band.Run();
  }
  return source_key;
}

std::string Store::StoryOf(std::string_view article_id) {
  SqliteStatement st(*db_, "SELECT story_id FROM article_stories WHERE article_id = ?1");
  st.BindStatic(1, article_id);
  return st.Step() ? std::string(st.ColumnText(0)) : std::string();
}

}  // namespace dyad
