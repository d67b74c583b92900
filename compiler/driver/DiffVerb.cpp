// `certc diff OLD NEW [LEDGER...]`: what changed between two editions of one
// designation's policy (.cert or compiled .json), in committee language, and
// what changes for the members of the ledgers (runtime/compare).
#include "compare/PolicyDiff.h"
#include "driver/AuditDate.h"
#include "driver/MembershipImpact.h"
#include "driver/Pipeline.h"
#include "driver/Verbs.h"
#include "ir/Lookup.h"

#include "llvm/Support/WithColor.h"

namespace certc {

namespace {
namespace cl = llvm::cl;
cl::opt<std::string> DiffOld(cl::Positional, cl::Required, cl::desc("<old policy>"), cl::sub(DiffCommand));
cl::opt<std::string> DiffNew(cl::Positional, cl::Required, cl::desc("<new policy>"), cl::sub(DiffCommand));
cl::list<std::string> DiffLedgers(cl::Positional, cl::ZeroOrMore,
                                  cl::desc("<ledger file or folder>... (audit every member under both)"),
                                  cl::sub(DiffCommand));
cl::opt<std::string> DiffAsOf("as-of", cl::desc("Audit date for the ledgers, YYYY-MM-DD (default: today)"),
                              cl::value_desc("date"), cl::sub(DiffCommand));
enum class DiffFormat { Text, Json };
cl::opt<DiffFormat> DiffFormatOption("format", cl::desc("Output format"), cl::init(DiffFormat::Text),
                                     cl::values(clEnumValN(DiffFormat::Text, "text", "committee language"),
                                                clEnumValN(DiffFormat::Json, "json", "one JSON object")),
                                     cl::sub(DiffCommand));
} // namespace

int runDiff(const char *Argv0) {
  std::string Stdlib = findStdlibDir(StdlibOption, Argv0);
  std::optional<ir::Policy> Old = loadPolicy(DiffOld, Stdlib, ErrorLimitOption);
  std::optional<ir::Policy> New = loadPolicy(DiffNew, Stdlib, ErrorLimitOption);
  if (!Old || !New)
    return 1;
  std::string OldDesignation = ir::symbolName(*Old, Old->Designation);
  std::string NewDesignation = ir::symbolName(*New, New->Designation);
  if (OldDesignation != NewDesignation) {
    llvm::WithColor::error(llvm::errs(), "certc")
        << "`" << DiffOld << "` is a policy for " << OldDesignation << " and `" << DiffNew << "` for "
        << NewDesignation << ": diff compares two editions of one designation\n";
    return 1;
  }
  std::optional<Date> AsOf = auditDateOption(DiffAsOf);
  if (!AsOf)
    return 1;
  std::optional<compare::ImpactReport> Impact;
  if (!DiffLedgers.empty()) {
    Impact = measureMembershipImpact(*Old, *New, DiffLedgers, *AsOf);
    if (!Impact)
      return 1;
  }
  compare::PolicyDiff Diff = compare::diffPolicies(*Old, *New);
  compare::EditionLabel OldLabel{DiffOld, &*Old}, NewLabel{DiffNew, &*New};
  if (DiffFormatOption == DiffFormat::Json) {
    compare::printDiffJson(Diff, OldLabel, NewLabel, llvm::outs(), [&](llvm::json::OStream &J) {
      if (Impact)
        compare::writeImpactJson(*Impact, *AsOf, J);
    });
    return 0;
  }
  compare::printDiffText(Diff, OldLabel, NewLabel, llvm::outs());
  if (Impact)
    compare::printImpactText(*Impact, *AsOf, llvm::outs());
  return 0;
}

} // namespace certc
