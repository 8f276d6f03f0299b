// LineReader: splits a ByteSource into lines in bounded memory. A line longer than
// the limit is reported and skipped without being held in memory.
#ifndef DYAD_INGEST_LINE_READER_H_
#define DYAD_INGEST_LINE_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"

namespace dyad {

class LineReader {
 public:
  enum class Status {
    kLine,     // *line holds the next line
    kTooLong,  // the next line exceeded max_line_bytes and was skipped
    kEnd,      // no more lines (see source error() for why, and dropped_partial_line())
  };

  // `source` must outlive the reader.
  LineReader(ByteSource* source, size_t max_line_bytes);

  // The next line without its "\n" or "\r\n", valid until the next call. A last line
  // without "\n" is returned too, unless the source ended with an error: then it may
  // be cut short and is dropped (dropped_partial_line() tells).
  Status Next(std::string_view* line);

  // 1-based number of the line Next() last returned or skipped.
  size_t line_number() const { return line_number_; }

  bool dropped_partial_line() const { return dropped_partial_line_; }

  // Up to n bytes that Next() has not yet returned, without consuming them (fewer only
  // at the end of the stream).
  std::string_view Peek(size_t n);

  // Appends everything not yet returned to *out. False, with *out holding the first
  // max_bytes + 1 bytes or less, when there are more than max_bytes.
  bool ReadRest(size_t max_bytes, std::string* out);

 private:
  bool Fill();  // reads another chunk; false at the end of the source
  void Compact();

  ByteSource* source_;
  size_t max_line_bytes_;
  std::string buf_;
  size_t begin_ = 0;   // first unconsumed byte in buf_
  size_t end_ = 0;     // end of valid bytes in buf_
  size_t scanned_ = 0; // bytes from begin_ already searched for '\n'
  bool eof_ = false;
  size_t line_number_ = 0;
  bool dropped_partial_line_ = false;
};

}  // namespace dyad

#endif  // DYAD_INGEST_LINE_READER_H_
