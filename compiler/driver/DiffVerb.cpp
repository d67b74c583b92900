// `certc diff OLD NEW [LEDGER...]`: what changed between two editions of one
// designation's policy (.cert or compiled .json), in committee language, and
// what changes for the members of the ledgers (runtime/compare).
#include "compare/PolicyDiff.h"
#include "compare/WitnessReport.h"
#include "driver/Output.h"
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
cl::opt<bool> WitnessOption("witness", cl::desc("Search for a smallest member on whom the editions differ"),
                            cl::sub(DiffCommand));
cl::opt<unsigned> WitnessActivities("witness-activities", cl::desc("Activities of a candidate member (default 8)"),
                                    cl::init(8), cl::sub(DiffCommand));
cl::opt<uint64_t> WitnessTries("witness-tries", cl::desc("Candidate members to audit (default 20000)"),
                               cl::init(20000), cl::sub(DiffCommand));
cl::opt<double> WitnessSeconds("witness-seconds", cl::desc("Time limit of the search, seconds (default 10)"),
                               cl::init(10), cl::sub(DiffCommand));
cl::opt<std::string> WitnessOut("witness-out", cl::desc("Also write the witness ledger to this file"),
                                cl::value_desc("file"), cl::sub(DiffCommand));
} // namespace

int runDiff(const char *Argv0) {
  std::string Stdlib = findStdlibDir(StdlibOption, Argv0);
  std::optional<ir::Policy> Old = loadPolicy(DiffOld, Stdlib, ErrorLimitOption);
  std::optional<ir::Policy> New = loadPolicy(DiffNew, Stdlib, ErrorLimitOption);
  if (!Old || !New)
    return 1;
  std::string OldDesignation = ir::programName(*Old);
  std::string NewDesignation = ir::programName(*New);
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
  compare::WitnessBounds Bounds{WitnessActivities, WitnessTries, WitnessSeconds, /*Seed=*/1};
  std::optional<compare::WitnessResult> Witness;
  bool Wanted = WitnessOption || !WitnessOut.empty();
  // Equal substance: no member can tell the editions apart; nothing to search.
  if (Wanted && !Diff.SameSubstance) {
    if (WitnessSeconds <= 0 || WitnessActivities > 1000) {
      llvm::WithColor::error(llvm::errs(), "certc")
          << "--witness-seconds must be positive and --witness-activities at most 1000\n";
      return 1;
    }
    Witness = compare::findWitness(*Old, *New, *AsOf, Bounds);
    if (Witness->Found && !WitnessOut.empty()) {
      std::unique_ptr<OutputFile> Out = OutputFile::open(WitnessOut, {DiffOld, DiffNew});
      if (!Out)
        return 1;
      Out->os() << compare::witnessLedgerJson(*Witness->Found);
      if (!Out->commit())
        return 1;
    }
  }
  compare::EditionLabel OldLabel{DiffOld, &*Old}, NewLabel{DiffNew, &*New};
  if (DiffFormatOption == DiffFormat::Json) {
    compare::printDiffJson(Diff, OldLabel, NewLabel, llvm::outs(), [&](llvm::json::OStream &J) {
      if (Impact)
        compare::writeImpactJson(*Impact, *AsOf, J);
      if (Witness)
        compare::writeWitnessJson(*Witness, Bounds, J);
    });
    return 0;
  }
  compare::printDiffText(Diff, OldLabel, NewLabel, llvm::outs());
  if (Impact)
    compare::printImpactText(*Impact, *AsOf, llvm::outs());
  if (Witness)
    compare::printWitnessText(*Witness, Bounds, llvm::outs());
  return 0;
}

} // namespace certc
