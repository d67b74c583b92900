// libFuzzer target for the front end: any bytes as a policy file go through
// parse, import loading (from the real stdlib), check and, when clean, lowering
// and IR verification. Nothing may crash, hang or fail verification.
#include "check/Check.h"
#include "ir/Verifier.h"
#include "load/ModuleLoader.h"
#include "lower/Lower.h"

#include <cstdlib>

using namespace certc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Stdlib = CERTC_SOURCE_STDLIB_DIR;
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  std::string Root = std::string(CERTC_SOURCE_POLICIES_DIR) + "/fuzz.cert";
  auto Module = loadModuleFromText(Root, llvm::StringRef(reinterpret_cast<const char *>(Data), Size), Stdlib, Diags);
  if (!Module)
    return 0;
  auto S = checkModule(*Module, CheckMode::Fragment, Diags);
  if (!S || !S->Header)
    return 0;
  ir::Policy P = lowerPolicy(*S, SM, Stdlib);
  if (llvm::Error E = ir::verifyPolicy(P)) {
    llvm::errs() << "lowered IR failed verification: " << llvm::toString(std::move(E)) << "\n";
    std::abort();
  }
  return 0;
}
