#include "ingest/line_reader.h"

#include <gtest/gtest.h>

#include <vector>

#include "ingest/ingest_test_util.h"

namespace dyad {
namespace {

std::vector<std::string> AllLines(ByteSource* s, size_t max, std::vector<size_t>* too_long = nullptr) {
  LineReader r(s, max);
  std::vector<std::string> out;
  std::string_view line;
  while (true) {
    const LineReader::Status st = r.Next(&line);
    if (st == LineReader::Status::kEnd) break;
    if (st == LineReader::Status::kTooLong) {
      if (too_long) too_long->push_back(r.line_number());
      continue;
    }
    out.emplace_back(line);
  }
  return out;
}

TEST(LineReaderTest, SplitsLinesAndStripsCarriageReturns) {
  auto s = NewStringSource("one\r\ntwo\n\nlast without newline");
  EXPECT_EQ(AllLines(s.get(), 100),
            (std::vector<std::string>{"one", "two", "", "last without newline"}));
}

TEST(LineReaderTest, LinesSpanningChunks) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += std::string(static_cast<size_t>(i % 97), 'x') + "\n";
  auto s = NewStringSource(text);
  const std::vector<std::string> lines = AllLines(s.get(), 1000);
  ASSERT_EQ(lines.size(), 50000u);
  EXPECT_EQ(lines[96].size(), 96u);
  EXPECT_EQ(lines[49999].size(), static_cast<size_t>(49999 % 97));
}

TEST(LineReaderTest, SkipsTooLongLinesAndKeepsCounting) {
  const std::string text = "short\n" + std::string(5000, 'a') + "\nafter\n" +
                           std::string(3000, 'b') + "\nend\n" + std::string(2000, 'c');
  auto s = NewStringSource(text);
  std::vector<size_t> too_long;
  EXPECT_EQ(AllLines(s.get(), 1000, &too_long), (std::vector<std::string>{"short", "after", "end"}));
  EXPECT_EQ(too_long, (std::vector<size_t>{2, 4, 6}));
}

TEST(LineReaderTest, LongLineUnderTheLimitIsKept) {
  const std::string big(3 << 20, 'z');  // several chunks
  auto s = NewStringSource("a\n" + big + "\nb");
  const std::vector<std::string> lines = AllLines(s.get(), 4 << 20);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].size(), big.size());
}

TEST(LineReaderTest, PartialLineDroppedAfterStreamError) {
  const std::string gz = testing_util::Gzip("complete line\n" + std::string(100000, 'q'));
  auto s = NewDecompressingSource(NewStringSource(gz.substr(0, gz.size() - 10)));
  LineReader r(s.get(), 1 << 20);
  std::string_view line;
  ASSERT_EQ(r.Next(&line), LineReader::Status::kLine);
  EXPECT_EQ(line, "complete line");
  EXPECT_EQ(r.Next(&line), LineReader::Status::kEnd);
  EXPECT_TRUE(r.dropped_partial_line());
  EXPECT_FALSE(s->error().empty());
}

TEST(LineReaderTest, PeekAndReadRest) {
  auto s = NewStringSource("0123456789");
  LineReader r(s.get(), 100);
  EXPECT_EQ(r.Peek(4), "0123");
  EXPECT_EQ(r.Peek(40), "0123456789");
  std::string rest;
  EXPECT_TRUE(r.ReadRest(100, &rest));
  EXPECT_EQ(rest, "0123456789");

  auto big = NewStringSource(std::string(1000, 'x'));
  LineReader r2(big.get(), 100);
  std::string cut;
  EXPECT_FALSE(r2.ReadRest(10, &cut));
  EXPECT_EQ(cut.size(), 11u);
}

}  // namespace
}  // namespace dyad
