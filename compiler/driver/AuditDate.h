// `--as-of DATE`, shared by the verbs that audit: today when not given.
#ifndef CERTC_DRIVER_AUDITDATE_H
#define CERTC_DRIVER_AUDITDATE_H

#include "base/Date.h"

#include "llvm/Support/CommandLine.h"

#include <optional>

namespace certc {

/// The audit date an --as-of option gives (today, UTC, when absent); prints
/// the error and returns nullopt when its text is not a date.
std::optional<Date> auditDateOption(const llvm::cl::opt<std::string> &AsOf);

} // namespace certc

#endif
