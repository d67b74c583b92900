// Reports rendered straight into the memory that holds them until they are
// written. A raw_string_ostream renders into its own buffer and copies each
// full buffer into the string: for `certc run` that second copy of every
// report (330 MB for the 15,000-member benchmark) was 4% of the CPU time.
#ifndef CERTC_REPORT_REPORTBUFFER_H
#define CERTC_REPORT_REPORTBUFFER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace certc::report {

/// A stream whose buffer is the free space at the end of its text, so that
/// what is written is in place once the stream is flushed.
class ReportBuffer : public llvm::raw_ostream {
public:
  ReportBuffer();
  ~ReportBuffer() override;

  /// Everything written so far.
  llvm::StringRef text();
  /// Makes room for Bytes in all without moving the text again (the stream
  /// still grows past it when need be).
  void reserve(size_t Bytes);
  /// Drops the text, keeping the memory for the next.
  void clear();

private:
  void write_impl(const char *Ptr, size_t Size) override;
  uint64_t current_pos() const override { return Used; }
  /// Ensures at least Free bytes after the text, then lends them to the
  /// stream as its buffer.
  void lendFreeSpace(size_t Free);

  std::unique_ptr<char[]> Data;
  size_t Capacity = 0, Used = 0;
};

} // namespace certc::report

#endif
