// One pass over the ledgers per needed schema; each member's two outcomes are
// kept (not its audits), so memory is a few numbers per member.
#include "driver/MembershipImpact.h"
#include "driver/LedgerFiles.h"

#include "compare/Facets.h"
#include "eval/Evaluate.h"
#include "ledger/LedgerSchema.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/WithColor.h"

namespace certc {

namespace {
/// One edition being audited: its index, the outcomes so far, and its shape.
struct EditionRun {
  explicit EditionRun(const ir::Policy &P) : Index(P) {}
  eval::PolicyIndex Index;
  std::vector<compare::MemberOutcome> Outcomes;
  std::optional<compare::EditionShape> Shape;
};

class ImpactReader {
public:
  ImpactReader(const std::vector<std::string> &Ledgers, Date AsOf) : AsOf(AsOf) {
    Sources = findLedgers(Ledgers, LedgerErrors);
  }

  /// Reads every ledger under Schema and audits each member under Runs.
  void read(const ledger::LedgerSchema &Schema, llvm::ArrayRef<EditionRun *> Runs) {
    BatchMemberIds Shared = memberIdsInSeveralFiles(Schema, Sources);
    for (size_t File = 0; File < Sources.size(); ++File) {
      std::vector<size_t> Dropped; // by number in the file, as the reader numbers them
      std::vector<size_t> FirstOutcome;
      for (EditionRun *Run : Runs)
        FirstOutcome.push_back(Run->Outcomes.size());
      size_t Number = 0;
      ledger::StreamResult R = streamLedger(
          Schema, Sources[File],
          [&](ledger::Member &&M) {
            if (const std::string *Other = Shared.otherFile(M.Id, File)) {
              Dropped.push_back(Number);
              LedgerErrors.push_back(memberInSeveralFiles(M, *Other));
            }
            ++Number;
            for (EditionRun *Run : Runs)
              audit(*Run, M);
          },
          [](bool) {});
      Dropped.insert(Dropped.end(), R.Withdrawn.begin(), R.Withdrawn.end());
      for (size_t I = 0; I < Runs.size(); ++I)
        dropFromFile(Runs[I]->Outcomes, FirstOutcome[I], Dropped);
      for (ledger::LedgerError &E : R.Errors)
        LedgerErrors.push_back(std::move(E));
    }
  }

  /// Prints the errors (each once: two passes read the same files); false if any.
  bool reportErrors() {
    llvm::StringSet<> Printed;
    for (const ledger::LedgerError &E : LedgerErrors)
      if (Printed.insert(E.str()).second)
        llvm::errs() << E.str() << "\n";
    for (const std::string &E : AuditErrors)
      llvm::WithColor::error(llvm::errs(), "certc") << E << "\n";
    return LedgerErrors.empty() && AuditErrors.empty();
  }

private:
  void audit(EditionRun &Run, const ledger::Member &M) {
    llvm::Expected<eval::Audit> A = eval::evaluate(Run.Index, M, AsOf);
    if (!A) {
      AuditErrors.push_back(llvm::toString(A.takeError()));
      // A placeholder keeps the outcomes numbered like the members; the
      // error already fails the run.
      Run.Outcomes.push_back({M.Id, false, {}, {}});
      return;
    }
    if (!Run.Shape)
      Run.Shape = compare::shapeOf(*A);
    Run.Outcomes.push_back(compare::outcomeOf(*A));
  }

  /// Removes the outcomes of a file's dropped members (numbered from the
  /// file's first member, at Outcomes[First]).
  static void dropFromFile(std::vector<compare::MemberOutcome> &Outcomes, size_t First,
                           std::vector<size_t> Dropped) {
    llvm::sort(Dropped);
    Dropped.erase(std::unique(Dropped.begin(), Dropped.end()), Dropped.end());
    for (auto It = Dropped.rbegin(); It != Dropped.rend(); ++It)
      if (First + *It < Outcomes.size())
        Outcomes.erase(Outcomes.begin() + First + *It);
  }

  Date AsOf;
  std::vector<LedgerSource> Sources;
  std::vector<ledger::LedgerError> LedgerErrors;
  std::vector<std::string> AuditErrors;
};
} // namespace

std::optional<compare::ImpactReport> measureMembershipImpact(const ir::Policy &Old, const ir::Policy &New,
                                                             const std::vector<std::string> &Ledgers, Date AsOf) {
  EditionRun OldRun(Old), NewRun(New);
  ImpactReader Reader(Ledgers, AsOf);
  ledger::LedgerSchema OldSchema(Old);
  if (compare::sameLedgerVocabulary(Old, New)) {
    Reader.read(OldSchema, {&OldRun, &NewRun});
  } else {
    Reader.read(OldSchema, {&OldRun});
    Reader.read(ledger::LedgerSchema(New), {&NewRun});
  }
  if (!Reader.reportErrors())
    return std::nullopt;
  // With no member read, neither edition has a shape: nothing changes.
  compare::EditionShape NoShape;
  llvm::Expected<compare::ImpactReport> Report =
      compare::measureImpact(OldRun.Shape ? *OldRun.Shape : NoShape, OldRun.Outcomes,
                             NewRun.Shape ? *NewRun.Shape : NoShape, NewRun.Outcomes);
  if (!Report) {
    llvm::WithColor::error(llvm::errs(), "certc") << llvm::toString(Report.takeError()) << "\n";
    return std::nullopt;
  }
  return std::move(*Report);
}

} // namespace certc
