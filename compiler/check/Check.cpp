// checkModule: the checker's passes in order, in one place, so that adding or
// reordering a pass is one edit.
#include "check/Checker.h"

namespace certc {

using namespace sema;

std::unique_ptr<Sema> checkModule(const LoadedModule &Module, CheckMode Mode, DiagnosticEngine &Diags) {
  // One engine collects the diagnostics of every file `certc check` is given:
  // this module is judged by the errors reported since it started, so an error
  // in an earlier file does not skip this file's analyses.
  const unsigned HardErrorsBefore = Diags.hardErrorCount(), ErrorsBefore = Diags.errorCount();
  auto S = std::make_unique<Sema>();
  Checker C(*S, Diags);
  C.collectDeclarations(Module);
  C.resolveSchema();
  C.resolveAggregates();
  C.checkPolicyLevel(Mode);
  C.checkRules();
  C.checkCategoryCapsAndLimits();
  C.checkCitations();
  // The analyses reason about resolved rules; after name errors they would only
  // repeat them.
  if (Diags.hardErrorCount() != HardErrorsBefore)
    return nullptr;
  C.checkContradictionsAndOverlaps();
  C.checkReachability();
  C.checkRequirementsCanApply();
  if (Diags.errorCount() != ErrorsBefore)
    return nullptr;
  return S;
}

} // namespace certc
