// libFuzzer target for `certc fmt`: any bytes that parse are laid out; the
// layout must keep every token and comment (formatBuffer checks it by parsing
// the layout again) and formatting the layout must give it back unchanged.
#include "format/Format.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cstdlib>

using namespace certc;

namespace {
FormatResult format(llvm::StringRef Text) {
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  unsigned Id = SM.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "fuzz.cert"), llvm::SMLoc());
  return formatBuffer(Id, Diags);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FormatResult Once = format(llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  if (Once.Result == FormatResult::Outcome::SyntaxErrors)
    return 0;
  if (Once.Result == FormatResult::Outcome::LayoutChangedTokens) {
    llvm::errs() << "the layout changed the tokens: " << Once.Text << "\n";
    std::abort();
  }
  FormatResult Twice = format(Once.Text);
  if (Twice.Result != FormatResult::Outcome::Formatted || Twice.Text != Once.Text) {
    llvm::errs() << "formatting is not idempotent on:\n" << Once.Text;
    std::abort();
  }
  return 0;
}
