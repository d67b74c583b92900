// The check phase: names, types, units and the policy analyses (contradictions,
// double counting, unreachable requirements, dated windows, citations).
#ifndef CERTC_CHECK_CHECK_H
#define CERTC_CHECK_CHECK_H

#include "check/Sema.h"
#include "diag/Diagnostics.h"
#include "load/ModuleLoader.h"

#include <memory>

namespace certc {

/// A library fragment (stdlib/) may omit the policy header; a policy may not.
enum class CheckMode { Policy, Fragment };

/// Checks a loaded module. Returns the resolved tables when there are no errors;
/// the tables point into Module, which must outlive them.
std::unique_ptr<sema::Sema> checkModule(const LoadedModule &Module, CheckMode Mode,
                                        DiagnosticEngine &Diags);

} // namespace certc

#endif
