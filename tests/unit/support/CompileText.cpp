// Runs load, check and lower on in-memory text and collects the diagnostics.
#include "support/CompileText.h"
#include "ir/Hash.h"
#include "load/ModuleLoader.h"
#include "lower/Lower.h"

namespace certc::testsupport {

Compiled compileText(const std::string &Text) {
  std::string Source = Text.find("import") == std::string::npos
                           ? "import \"ledger.cert\".\nimport \"sources.cert\".\n" + Text
                           : Text;
  return compileTextAt(std::string(CERTC_SOURCE_STDLIB_DIR) + "/../policies/unit-test.cert", Source);
}

Compiled compileTextAt(const std::string &Root, const std::string &Source) {
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  Compiled Out;
  if (auto Module = loadModuleFromText(Root, Source, CERTC_SOURCE_STDLIB_DIR, Diags)) {
    bool HasHeader = Module->Files.back().Header.has_value();
    auto S = checkModule(*Module, HasHeader ? CheckMode::Policy : CheckMode::Fragment, Diags);
    if (S && HasHeader) {
      Out.Policy = lowerPolicy(*S, SM, CERTC_SOURCE_STDLIB_DIR);
      Out.Policy->ContentHash = ir::computeContentHash(*Out.Policy);
    }
  }
  for (const Diagnostic &D : Diags.diagnostics()) {
    Out.Codes.push_back(diagCode(D.Kind).str());
    Out.Messages.push_back(D.Message);
  }
  return Out;
}

} // namespace certc::testsupport
