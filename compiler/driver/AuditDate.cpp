#include "driver/AuditDate.h"

#include "llvm/Support/WithColor.h"

#include <ctime>

namespace certc {

namespace {
std::optional<Date> today() {
  std::time_t Now = std::time(nullptr);
  std::tm Utc{};
  gmtime_r(&Now, &Utc);
  return Date::fromCivil(Utc.tm_year + 1900, static_cast<unsigned>(Utc.tm_mon + 1),
                         static_cast<unsigned>(Utc.tm_mday));
}
} // namespace

std::optional<Date> auditDateOption(const llvm::cl::opt<std::string> &AsOf) {
  // `--as-of ""` is given, and not a date: only a missing option means today.
  std::optional<Date> D = AsOf.getNumOccurrences() == 0 ? today() : Date::parse(AsOf);
  if (!D)
    llvm::WithColor::error(llvm::errs(), "certc") << "--as-of: `" << AsOf << "` is not a date (expected YYYY-MM-DD)\n";
  return D;
}

} // namespace certc
