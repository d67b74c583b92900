// Formats text held in memory, for the formatter's unit tests.
#ifndef CERTC_TESTS_FORMAT_FORMATTEXT_H
#define CERTC_TESTS_FORMAT_FORMATTEXT_H

#include "format/Format.h"

#include "llvm/Support/MemoryBuffer.h"

#include <optional>
#include <string>

namespace certc::testsupport {

/// The layout of Text, or nullopt when it does not parse; a layout that
/// changed the tokens is returned as "LAYOUT CHANGED TOKENS: ...".
inline std::optional<std::string> formatText(const std::string &Text) {
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  unsigned Id = SM.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "test.cert"), llvm::SMLoc());
  FormatResult Result = formatBuffer(Id, Diags);
  if (Result.Result == FormatResult::Outcome::SyntaxErrors)
    return std::nullopt;
  if (Result.Result == FormatResult::Outcome::LayoutChangedTokens)
    return "LAYOUT CHANGED TOKENS: " + Result.Text;
  return Result.Text;
}

} // namespace certc::testsupport

#endif
