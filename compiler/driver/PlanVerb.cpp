// `certc plan POLICY LEDGER... --member ID --as-of DATE`: audits one member
// (with its exceptions and planned activities, if given) and shows the
// cheapest ways to close each gap to eligibility.
#include "driver/LedgerFiles.h"
#include "driver/Pipeline.h"
#include "driver/StaffFiles.h"
#include "driver/Verbs.h"
#include "eval/MemberExceptions.h"
#include "plan/Plan.h"

#include "llvm/Support/WithColor.h"

namespace certc {

namespace {
namespace cl = llvm::cl;
cl::opt<std::string> PlanMember("member", cl::Required, cl::desc("The member to plan for"), cl::value_desc("id"),
                                cl::sub(PlanCommand));
cl::opt<std::string> PlanAsOf("as-of", cl::Required, cl::desc("The date to plan for, YYYY-MM-DD"),
                              cl::value_desc("date"), cl::sub(PlanCommand));

/// Errors about this member, or about a whole file (which may hide it).
bool concernsMember(const ledger::LedgerError &E) { return E.Member.empty() || E.Member == PlanMember; }

int fail(const std::vector<ledger::LedgerError> &Errors) {
  for (const ledger::LedgerError &E : Errors)
    if (concernsMember(E))
      llvm::errs() << E.str() << "\n";
  return 1;
}
} // namespace

int runPlan(const char *Argv0) {
  std::optional<Date> AsOf = Date::parse(PlanAsOf);
  if (!AsOf) {
    llvm::WithColor::error(llvm::errs(), "certc") << "--as-of: `" << PlanAsOf
                                                  << "` is not a date (expected YYYY-MM-DD)\n";
    return 1;
  }
  std::optional<ir::Policy> P = loadPolicy(PolicyArgument, findStdlibDir(StdlibOption, Argv0), ErrorLimitOption);
  if (!P)
    return 1;
  eval::PolicyIndex Index(*P);
  ledger::LedgerSchema Schema(*P);

  std::vector<ledger::LedgerError> Errors;
  StaffFiles Staff(*P, ExceptionsOption, PlannedOption, Errors);
  std::optional<ledger::Member> Found;
  for (const LedgerSource &S : findLedgers(LedgerArguments, Errors)) {
    ledger::ReadResult R = readLedger(Schema, S);
    for (ledger::Member &M : R.Members)
      if (M.Id == PlanMember && !Found)
        Found = std::move(M);
    Errors.insert(Errors.end(), R.Errors.begin(), R.Errors.end());
  }
  if (!Staff.usable() || llvm::any_of(Errors, concernsMember))
    return fail(Errors);
  if (!Found) {
    llvm::WithColor::error(llvm::errs(), "certc") << "member `" << PlanMember << "` is in none of the ledgers given\n";
    return 1;
  }
  Staff.addPlanned(*Found);
  llvm::Expected<eval::Audit> A = Staff.audit(Index, *Found, *AsOf);
  if (!A) {
    llvm::handleAllErrors(
        A.takeError(), [](const eval::InputErrors &E) { llvm::errs() << E.message() << "\n"; },
        [](const llvm::ErrorInfoBase &E) { llvm::WithColor::error(llvm::errs(), "certc") << E.message() << "\n"; });
    return 1;
  }
  plan::writePlan(llvm::outs(), *P, *A, plan::planFor(Index, *Found, *A));
  return 0;
}

} // namespace certc
