// The report of `dyad explain` (and of the Python package's dyad.explain): every layer
// the pipeline adds to a piece of text, and why each event was or was not coded.
#ifndef DYAD_PIPELINE_EXPLAIN_REPORT_H_
#define DYAD_PIPELINE_EXPLAIN_REPORT_H_

#include <ostream>
#include <string_view>

#include "ingest/article.h"
#include "pipeline/pipeline.h"

namespace dyad {

// Codes `article` with `pipeline` (Pipeline::Explain) and writes the report to `out`: the
// article line, then per sentence its tokens with lemmas and tags, its dependency tree
// and its actors (how each was resolved), the coder's trace and the events.
void WriteExplainReport(const Pipeline& pipeline, Article article, std::ostream& out);

// The same for a text, as the article "explain".
void WriteExplainReport(const Pipeline& pipeline, std::string_view text, std::ostream& out);

}  // namespace dyad

#endif  // DYAD_PIPELINE_EXPLAIN_REPORT_H_
