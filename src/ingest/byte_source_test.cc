#include "ingest/byte_source.h"

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.h"

namespace dyad {
namespace {

using testing_util::Gzip;
using testing_util::Zstd;

// Everything a source yields, read in odd-sized pieces.
std::string Drain(ByteSource* s, size_t piece = 7) {
  std::string out;
  char buf[64];
  while (size_t n = s->Read(buf, std::min(piece, sizeof buf))) out.append(buf, n);
  return out;
}

std::string Sample() {
  std::string s;
  for (int i = 0; i < 2000; ++i) s += "line " + std::to_string(i) + " of the sample\n";
  return s;
}

TEST(ByteSourceTest, PlainPassesThrough) {
  Compression c = Compression::kGzip;
  auto s = NewDecompressingSource(NewStringSource("hello, world"), &c);
  EXPECT_EQ(c, Compression::kNone);
  EXPECT_EQ(Drain(s.get()), "hello, world");
  EXPECT_EQ(s->error(), "");
  auto tiny = NewDecompressingSource(NewStringSource("x"));
  EXPECT_EQ(Drain(tiny.get()), "x");
  auto empty = NewDecompressingSource(NewStringSource(""));
  EXPECT_EQ(Drain(empty.get()), "");
}

TEST(ByteSourceTest, GzipRoundTrip) {
  Compression c = Compression::kNone;
  auto s = NewDecompressingSource(NewStringSource(Gzip(Sample())), &c);
  EXPECT_EQ(c, Compression::kGzip);
  EXPECT_EQ(Drain(s.get(), 64), Sample());
  EXPECT_EQ(s->error(), "");
}

TEST(ByteSourceTest, GzipConcatenatedMembers) {
  auto s = NewDecompressingSource(NewStringSource(Gzip("first\n") + Gzip("second\n")));
  EXPECT_EQ(Drain(s.get()), "first\nsecond\n");
  EXPECT_EQ(s->error(), "");
}

TEST(ByteSourceTest, ZstdRoundTripAndFrames) {
  Compression c = Compression::kNone;
  auto s = NewDecompressingSource(NewStringSource(Zstd(Sample()) + Zstd("tail\n")), &c);
  EXPECT_EQ(c, Compression::kZstd);
  EXPECT_EQ(Drain(s.get(), 64), Sample() + "tail\n");
  EXPECT_EQ(s->error(), "");
}

TEST(ByteSourceTest, TruncatedGzipKeepsWhatCameBefore) {
  const std::string gz = Gzip(Sample());
  auto s = NewDecompressingSource(NewStringSource(gz.substr(0, gz.size() / 2)));
  const std::string got = Drain(s.get(), 64);
  EXPECT_NE(s->error().find("truncated gzip"), std::string::npos) << s->error();
  EXPECT_FALSE(got.empty());
  EXPECT_EQ(got, Sample().substr(0, got.size()));
}

TEST(ByteSourceTest, GzipMissingTrailerIsTruncation) {
  const std::string gz = Gzip("short text\n");
  auto s = NewDecompressingSource(NewStringSource(gz.substr(0, gz.size() - 4)));
  Drain(s.get());
  EXPECT_NE(s->error().find("truncated gzip"), std::string::npos) << s->error();
}

TEST(ByteSourceTest, CorruptGzip) {
  std::string gz = Gzip(Sample());
  for (size_t i = 20; i < 60; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5A);
  auto s = NewDecompressingSource(NewStringSource(gz));
  Drain(s.get(), 64);
  EXPECT_NE(s->error().find("gzip"), std::string::npos);
}

TEST(ByteSourceTest, GzipTrailingGarbage) {
  auto s = NewDecompressingSource(NewStringSource(Gzip("ok\n") + "garbage"));
  EXPECT_EQ(Drain(s.get()), "ok\n");
  EXPECT_NE(s->error().find("corrupt gzip"), std::string::npos) << s->error();
}

TEST(ByteSourceTest, TruncatedAndCorruptZstd) {
  const std::string zst = Zstd(Sample());
  auto cut = NewDecompressingSource(NewStringSource(zst.substr(0, zst.size() - 3)));
  const std::string got = Drain(cut.get(), 64);
  EXPECT_NE(cut->error().find("truncated zstd"), std::string::npos) << cut->error();
  EXPECT_EQ(got, Sample().substr(0, got.size()));

  std::string bad = zst;
  for (size_t i = 12; i < bad.size(); i += 3) bad[i] = static_cast<char>(bad[i] ^ 0x33);
  auto corrupt = NewDecompressingSource(NewStringSource(bad));
  Drain(corrupt.get(), 64);
  EXPECT_NE(corrupt->error().find("zstd"), std::string::npos);

  auto magic_only = NewDecompressingSource(NewStringSource("\x28\xB5\x2F\xFD"));
  EXPECT_EQ(Drain(magic_only.get()), "");
  EXPECT_NE(magic_only->error().find("zstd"), std::string::npos);
}

TEST(ByteSourceTest, RefusesBzip2AndXz) {
  auto bz = NewDecompressingSource(NewStringSource("BZh91AY&SY..."));
  EXPECT_EQ(Drain(bz.get()), "");
  EXPECT_NE(bz->error().find("bzip2"), std::string::npos);
  auto xz = NewDecompressingSource(NewStringSource(std::string("\xFD" "7zXZ\0rest", 10)));
  EXPECT_EQ(Drain(xz.get()), "");
  EXPECT_NE(xz->error().find("xz"), std::string::npos);
}

TEST(ByteSourceTest, LimitedSourceStopsBombs) {
  auto s = NewLimitedSource(NewDecompressingSource(NewStringSource(Gzip(std::string(100000, 'a')))),
                            1000);
  EXPECT_EQ(Drain(s.get(), 64).size(), 1000u);
  EXPECT_NE(s->error().find("limit"), std::string::npos);
  auto fits = NewLimitedSource(NewStringSource("abc"), 3);
  EXPECT_EQ(Drain(fits.get()), "abc");
  EXPECT_EQ(fits->error(), "");
}

TEST(ByteSourceTest, FileSourceAndMissingFile) {
  testing_util::ScratchDir dir;
  const std::string path = dir.Write("a.txt", "file bytes");
  std::string error;
  auto s = OpenFileSource(path, &error);
  ASSERT_NE(s, nullptr) << error;
  EXPECT_EQ(Drain(s.get()), "file bytes");
  EXPECT_EQ(OpenFileSource(dir.path() + "/missing.txt", &error), nullptr);
  EXPECT_NE(error.find("No such file"), std::string::npos) << error;
}

}  // namespace
}  // namespace dyad
