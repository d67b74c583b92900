// The C++ embedding API over the runtime phases: IR reader and verifier, ledger
// readers, evaluator and reports. Everything here is const after load().
#include "certc/Runtime.h"

#include "api/MemberShape.h"
#include "eval/Evaluate.h"
#include "eval/PolicyIndex.h"
#include "ir/IRJson.h"
#include "ir/Verifier.h"
#include "ledger/LedgerSchema.h"
#include "report/Report.h"
#include "report/ReportFragments.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace certc {

const char *runtimeVersion() { return CERTC_RUNTIME_VERSION; }

std::string LedgerAudits::errorText() const {
  std::string Out;
  for (const ledger::LedgerError &E : Errors)
    Out += E.str() + "\n";
  return Out;
}

/// The IR and the tables built from it once. PolicyIndex, LedgerSchema and
/// ReportFragments refer to IR, so a State never moves: it lives behind
/// Policy's unique_ptr.
struct Policy::State {
  explicit State(ir::Policy P) : IR(std::move(P)), Index(IR), Schema(IR), Fragments(IR) {}
  State(const State &) = delete;
  State &operator=(const State &) = delete;

  const ir::Policy IR;
  const eval::PolicyIndex Index;
  const ledger::LedgerSchema Schema;
  const report::ReportFragments Fragments; ///< what every report of the policy repeats
};

Policy::Policy(std::unique_ptr<State> S) : S(std::move(S)) {}
Policy::~Policy() = default;

llvm::Expected<std::shared_ptr<const Policy>> Policy::load(llvm::StringRef IRText,
                                                           llvm::StringRef Name) {
  llvm::Expected<ir::Policy> P = ir::readPolicyJson(IRText, Name);
  if (!P)
    return P.takeError();
  if (llvm::Error E = ir::verifyPolicy(*P))
    return llvm::createStringError(std::errc::invalid_argument, "%s: IR rejected: %s",
                                   Name.str().c_str(), llvm::toString(std::move(E)).c_str());
  return std::shared_ptr<const Policy>(new Policy(std::make_unique<State>(std::move(*P))));
}

llvm::Expected<std::shared_ptr<const Policy>> Policy::loadFile(llvm::StringRef Path) {
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> Buffer = ir::readIRFile(Path);
  if (!Buffer)
    return Buffer.takeError();
  return load((*Buffer)->getBuffer(), Path);
}

const ir::Policy &Policy::ir() const { return S->IR; }
const std::string &Policy::title() const { return S->IR.Title; }
llvm::StringRef Policy::designation() const {
  return S->IR.Designation < S->IR.Symbols.size() ? llvm::StringRef(S->IR.Symbols[S->IR.Designation])
                                                  : llvm::StringRef();
}
const std::string &Policy::contentHash() const { return S->IR.ContentHash; }

ledger::ReadResult Policy::readJson(llvm::StringRef Text, llvm::StringRef Name,
                                    const ledger::LedgerLimits &Limits) const {
  return ledger::readJsonLedger(S->Schema, Name, Text, Limits);
}

ledger::ReadResult Policy::readCsv(llvm::StringRef MembersName, llvm::StringRef MembersText,
                                   llvm::StringRef ActivitiesName, llvm::StringRef ActivitiesText,
                                   const ledger::LedgerLimits &Limits) const {
  return ledger::readCsvLedger(S->Schema, MembersName, MembersText, ActivitiesName, ActivitiesText,
                               Limits);
}

llvm::Expected<eval::Audit> Policy::evaluate(const ledger::Member &M, Date AsOf) const {
  alloc::AllocationScratch Scratch;
  return evaluate(M, AsOf, Scratch);
}

llvm::Expected<eval::Audit> Policy::evaluate(const ledger::Member &M, Date AsOf,
                                             alloc::AllocationScratch &Scratch) const {
  if (std::optional<ledger::LedgerError> E = api::checkMemberShape(S->IR, M))
    return llvm::createStringError(std::errc::invalid_argument, "%s", E->str().c_str());
  eval::AuditOptions Options;
  Options.Scratch = &Scratch;
  return eval::evaluate(S->Index, M, AsOf, Options);
}

namespace {
/// Audits every member read, in ledger order; a failed audit becomes an error
/// placed at its member.
LedgerAudits auditAll(const Policy &P, ledger::ReadResult Read, Date AsOf) {
  LedgerAudits Out;
  Out.Errors = std::move(Read.Errors);
  alloc::AllocationScratch Scratch;
  for (const ledger::Member &M : Read.Members) {
    llvm::Expected<eval::Audit> A = P.evaluate(M, AsOf, Scratch);
    if (A) {
      Out.Audits.push_back(std::move(*A));
      continue;
    }
    ledger::LedgerError E;
    E.File = M.File;
    E.Line = M.Line;
    E.Col = M.Col;
    E.Member = M.Id;
    E.Message = llvm::toString(A.takeError());
    // The evaluator names the member itself; say it once.
    llvm::StringRef Message(E.Message);
    if (Message.consume_front("member " + M.Id + ": "))
      E.Message = Message.str();
    Out.Errors.push_back(std::move(E));
  }
  return Out;
}
} // namespace

LedgerAudits Policy::evaluateJson(llvm::StringRef LedgerText, llvm::StringRef Name, Date AsOf,
                                  const ledger::LedgerLimits &Limits) const {
  return auditAll(*this, readJson(LedgerText, Name, Limits), AsOf);
}

LedgerAudits Policy::evaluateCsv(llvm::StringRef MembersName, llvm::StringRef MembersText,
                                 llvm::StringRef ActivitiesName, llvm::StringRef ActivitiesText,
                                 Date AsOf, const ledger::LedgerLimits &Limits) const {
  return auditAll(*this, readCsv(MembersName, MembersText, ActivitiesName, ActivitiesText, Limits),
                  AsOf);
}

std::string Policy::toJson(const eval::Audit &A) const {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  report::printJsonReport(OS, S->Fragments, A);
  return OS.str();
}

std::string Policy::toText(const eval::Audit &A) const {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  report::printTextReport(OS, S->Fragments, A);
  return OS.str();
}

} // namespace certc
