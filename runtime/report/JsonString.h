// JSON string literals for the JSON report, escaped as they are written so that
// explanations go straight into the report without a copy.
#ifndef CERTC_REPORT_JSONSTRING_H
#define CERTC_REPORT_JSONSTRING_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace certc::report {

/// Writes S as a JSON string literal: quotes, backslashes and control
/// characters escaped, everything else (UTF-8 included) as it is.
void writeJsonString(llvm::raw_ostream &OS, llvm::StringRef S);

/// A stream whose text becomes one JSON string literal in Out. Reused for
/// many literals: begin(), write the text, end().
class JsonStringStream : public llvm::raw_ostream {
public:
  explicit JsonStringStream(llvm::raw_ostream &Out);
  ~JsonStringStream() override;

  void begin();
  /// Closes the literal; when nothing was written, writes `null` instead if
  /// EmptyIsNull, else `""`.
  void end(bool EmptyIsNull);

private:
  void write_impl(const char *Ptr, size_t Size) override;
  uint64_t current_pos() const override { return Written; }

  llvm::raw_ostream &Out;
  bool Opened = false;
  uint64_t Written = 0;
  /// Explanations are a few hundred bytes: one buffer makes each a single
  /// escaping pass.
  char Buffer[512];
};

} // namespace certc::report

#endif
