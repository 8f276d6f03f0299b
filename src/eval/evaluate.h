// Scoring coded events against gold sets: the seeds' gold.json, TABARI/PETRARCH
// validation records (JSON Lines) and the ConfliBERT five-way sentence classes (TSV).
#ifndef DYAD_EVAL_EVALUATE_H_
#define DYAD_EVAL_EVALUATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pipeline.h"

namespace dyad {

struct Score {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 0 : double(tp) / double(tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct EvalReport {
  std::string name;
  // Level (a): CAMEO root with source and target countries.
  Score root_country;
  // Level (b): full code with full actor codes.
  Score code_actor;
  // Five-way classes (pentaclass sets only): per class, and macro-F1.
  std::vector<Score> classes;
  double macro_f1 = 0;
  // Macro-F1 when only sentences with a coded event (both actors found) get a class; the
  // main figure also classifies the rest by their event words (Pipeline::TriggerCode).
  double macro_f1_events_only = 0;
  size_t records = 0;
  size_t records_passed = 0;  // records whose expected events were all found (TABARI/PETRARCH)
  std::vector<std::string> diff;  // per-record differences, when asked for
};

// Which records of a development set to score. Rules are written from the half a
// developer reads; the other half is only scored, so the gap between the two shows how
// much a rule fits the sentences it was written from. The split is a fixed hash of each
// record's key (a sentence's text, a record's id, an article's story: the articles of
// one story by several outlets fall in one half).
enum class EvalHalf { kAll, kRead, kScore };

// True when the record with this key belongs to `half`.
bool InEvalHalf(std::string_view record_key, EvalHalf half);

// Detects the kind of gold file by name and content and scores the pipeline on it.
// Throws std::runtime_error when the file cannot be read or has an unknown layout.
EvalReport Evaluate(const std::string& gold_path, const Pipeline& pipeline, bool with_diff,
                    EvalHalf half = EvalHalf::kAll);

// The ConfliBERT five-way class of a CAMEO code: 0 = roots 01-02, 1 = 03-05, 2 = 06-08,
// 3 = 09-13 and 16, 4 = 14-15 and 17-20.
int PentaClass(const std::string& cameo);

// A readable multi-line report with precision, recall and F1.
std::string FormatReport(const EvalReport& r);

}  // namespace dyad

#endif  // DYAD_EVAL_EVALUATE_H_
