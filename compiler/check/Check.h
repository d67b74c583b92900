// The check phase: names, types, units and the policy analyses (contradictions,
// double counting, unreachable requirements, dated windows, citations).
#ifndef CERTC_CHECK_CHECK_H
#define CERTC_CHECK_CHECK_H

#include "check/Sema.h"
#include "diag/Diagnostics.h"
#include "load/ModuleLoader.h"

#include <memory>

namespace certc {

/// A date moves (`+ N days`, `- N months`, `+ N years`) by at most 10000 years,
/// the span of a Date: larger shifts are E0016. The IR verifier has the same
/// bound (ir::MaxShiftMonths, ir::MaxShiftDays; Lower.cpp checks they agree),
/// so lowering never has to narrow a shift.
inline constexpr int64_t MaxDateShiftYears = 10000;
inline constexpr int64_t MaxDateShiftMonths = 12 * MaxDateShiftYears;
inline constexpr int64_t MaxDateShiftDays = 366 * MaxDateShiftYears;

/// A library fragment (stdlib/) may omit the policy header; a policy may not.
enum class CheckMode { Policy, Fragment };

/// Checks a loaded module. Returns the resolved tables when there are no errors;
/// the tables point into Module, which must outlive them.
std::unique_ptr<sema::Sema> checkModule(const LoadedModule &Module, CheckMode Mode,
                                        DiagnosticEngine &Diags);

} // namespace certc

#endif
