#include "driver/EditionSet.h"

#include "compare/Facets.h"
#include "ir/Lookup.h"

#include "llvm/Support/WithColor.h"

namespace certc {

namespace {
llvm::raw_ostream &error() { return llvm::WithColor::error(llvm::errs(), "certc"); }

eval::EditionFacts factsOf(const ir::Policy &P) {
  return {P.Edition, P.Effective, P.Supersedes, P.SupersedesFrom};
}

std::string governingName(const ir::Policy &P) {
  return P.GoverningField < P.MemberFields.size() ? P.MemberFields[P.GoverningField].Name : "";
}
} // namespace

std::unique_ptr<EditionSet> EditionSet::make(std::vector<ir::Policy> Policies, const std::vector<std::string> &Files) {
  auto Set = std::unique_ptr<EditionSet>(new EditionSet());
  const ir::Policy &First = Policies.front();
  std::string Designation = ir::programName(First);
  bool Ok = true;
  for (size_t I = 1; I < Policies.size(); ++I) {
    const ir::Policy &P = Policies[I];
    if (ir::programName(P) != Designation) {
      error() << "`" << Files[I] << "` is a policy for " << ir::programName(P) << ", not " << Designation
              << ": --edition takes editions of one designation\n";
      Ok = false;
    } else if (!compare::sameLedgerVocabulary(First, P)) {
      error() << "`" << Files[I] << "` reads ledgers differently from `" << Files[0]
              << "` (another vocabulary): run each edition on its own\n";
      Ok = false;
    } else if (governingName(P) != governingName(First)) {
      error() << "`" << Files[I] << "` and `" << Files[0]
              << "` are governed by different dates: editions must agree on the member's governing date\n";
      Ok = false;
    }
  }
  for (const ir::Policy &P : Policies)
    Set->Facts.push_back(factsOf(P));
  if (Policies.size() > 1)
    for (const eval::EditionProblem &Problem : eval::checkEditions(Set->Facts)) {
      error() << eval::describeEditionProblem(Problem, Set->Facts, Designation) << "\n";
      Ok = false;
    }
  if (!Ok)
    return nullptr;
  Set->Policies = std::move(Policies);
  for (const ir::Policy &P : Set->Policies) {
    Set->Indexes.push_back(std::make_unique<eval::PolicyIndex>(P));
    Set->Fragments.push_back(std::make_unique<report::ReportFragments>(P));
  }
  return Set;
}

EditionChoice EditionSet::choose(const ledger::Member &M, Date AsOf) const {
  EditionChoice Choice;
  if (Policies.size() == 1) {
    Choice.Index = Indexes.front().get();
    Choice.Fragments = Fragments.front().get();
    return Choice;
  }
  const ir::Policy &First = Policies.front();
  Date Governing = AsOf;
  if (First.GoverningField != ir::None) {
    const ledger::FieldValue &V = M.Fields[First.GoverningField];
    if (V.K != ir::Value::Kind::Date) {
      Choice.Error = "member " + M.Id + ": no `" + governingName(First) + "`, the date that chooses the edition of " +
                     ir::programName(First);
      return Choice;
    }
    Governing = V.DateValue;
  }
  std::optional<size_t> I = eval::editionInForce(Facts, Governing);
  if (!I) {
    Choice.Error = "member " + M.Id + ": no edition of " + ir::programName(First) +
                   " given is in force on " + Governing.str();
    return Choice;
  }
  Choice.Index = Indexes[*I].get();
  Choice.Fragments = Fragments[*I].get();
  Choice.Used = report::EditionUsed{Policies[*I].Edition, Governing,
                                    First.GoverningField == ir::None ? llvm::StringRef()
                                                                     : llvm::StringRef(First.MemberFields[First.GoverningField].Name)};
  return Choice;
}

} // namespace certc
