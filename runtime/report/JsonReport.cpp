// One JSON object per line. Points are JSON numbers written from their exact
// decimal text ("7.5"), or strings ("7/3") when no finite decimal exists.
#include "report/Report.h"

#include "report/JsonString.h"
#include "report/ReportFragments.h"
#include "report/Words.h"

namespace certc::report {

namespace {
void points(llvm::raw_ostream &OS, const Rational &R) {
  if (R.hasFiniteDecimal())
    OS << R;
  else
    OS << '"' << R << '"';
}

/// Points, or null when there are none.
void optionalPoints(llvm::raw_ostream &OS, const std::optional<Rational> &R) {
  if (R)
    points(OS, *R);
  else
    OS << "null";
}

/// A string, or null when it is empty.
void optionalString(llvm::raw_ostream &OS, llvm::StringRef S) {
  if (S.empty())
    OS << "null";
  else
    writeJsonString(OS, S);
}

void writeException(llvm::raw_ostream &OS, const ir::Policy &P, const eval::ExceptionResult &R) {
  const eval::StaffException &E = *R.E;
  OS << "{\"id\":";
  writeJsonString(OS, E.Id);
  OS << ",\"action\":";
  writeJsonString(OS, eval::actionName(E.A));
  OS << ",\"item\":";
  optionalString(OS, E.Item);
  OS << ",\"category\":";
  optionalString(OS, E.Category == ir::None ? "" : llvm::StringRef(P.Categories[E.Category].Name));
  OS << ",\"prerequisite\":";
  optionalString(OS, E.Prerequisite == ir::None ? "" : llvm::StringRef(P.Prerequisites[E.Prerequisite].Name));
  OS << ",\"points\":";
  optionalPoints(OS, E.Points);
  OS << ",\"by\":";
  writeJsonString(OS, E.By);
  OS << ",\"date\":\"" << E.On << "\",\"reason\":";
  writeJsonString(OS, E.Reason);
  OS << ",\"description\":";
  writeJsonString(OS, eval::exceptionText(P, E));
  OS << ",\"in_effect\":" << (R.InEffect ? "true" : "false") << '}';
}

/// Fragment when there is one (the policy's text, rendered once), else what
/// Render writes.
template <typename RenderFn> void fragmentOr(llvm::raw_ostream &OS, llvm::StringRef Fragment, RenderFn Render) {
  if (!Fragment.empty())
    OS << Fragment;
  else
    Render();
}

void citations(llvm::raw_ostream &OS, const ReportFragments *Fragments, llvm::ArrayRef<ir::Citation> Cites) {
  fragmentOr(OS, Fragments ? Fragments->jsonCitations(Cites) : "", [&] { writeJsonCitations(OS, Cites); });
}

/// One of the policy's names (a kind, a rule, a category).
void name(llvm::raw_ostream &OS, const ReportFragments *Fragments, llvm::StringRef Name) {
  fragmentOr(OS, Fragments ? Fragments->jsonName(Name) : "", [&] { writeJsonString(OS, Name); });
}

/// A name, or null when it is empty.
void optionalName(llvm::raw_ostream &OS, const ReportFragments *Fragments, llvm::StringRef Name) {
  if (Name.empty())
    OS << "null";
  else
    name(OS, Fragments, Name);
}

template <typename T, typename F> void array(llvm::raw_ostream &OS, const std::vector<T> &Items, F Each) {
  OS << '[';
  for (size_t I = 0; I < Items.size(); ++I) {
    if (I)
      OS << ',';
    Each(Items[I]);
  }
  OS << ']';
}

void writeJsonReport(llvm::raw_ostream &OS, const ir::Policy &P, const ReportFragments *Fragments,
                     const eval::Audit &A, const EditionUsed *Edition) {
  OS << "{\"report_version\":" << RunReportVersion << ",\"member\":";
  writeJsonString(OS, A.Member);
  OS << ",\"designation\":";
  if (A.Designation.empty())
    OS << "null";
  else
    writeJsonString(OS, A.Designation);
  OS << ",\"policy\":";
  writeJsonString(OS, P.Title);
  OS << ",\"policy_hash\":";
  writeJsonString(OS, P.ContentHash);
  if (Edition) {
    OS << ",\"edition\":";
    writeJsonString(OS, Edition->Edition);
    OS << ",\"governing_date\":\"" << Edition->GoverningDate << '"';
  }
  OS << ",\"as_of\":";
  OS << '"' << A.AsOf << '"';
  // The period and the credit carried into it: in every audit of a policy
  // with compliance periods.
  if (A.Period) {
    OS << ",\"period\":{\"start\":\"" << A.Period->Start << "\",\"end\":\"" << A.Period->lastDay()
       << "\",\"grace_until\":\"" << A.Period->lastGraceDay() << "\"}";
    OS << ",\"carried_in\":";
    array(OS, A.CarriedIn, [&](const eval::CarriedCredit &C) {
      OS << "{\"from_period\":";
      if (A.Previous)
        OS << "{\"start\":\"" << A.Previous->Start << "\",\"end\":\"" << A.Previous->lastDay() << "\"}";
      else
        OS << "null";
      OS << ",\"requirement\":";
      writeJsonString(OS, C.Requirement);
      OS << ",\"category\":";
      writeJsonString(OS, C.Category);
      OS << ",\"excess\":";
      points(OS, C.Excess);
      OS << ",\"points\":";
      points(OS, C.Points);
      OS << ",\"text\":";
      writeJsonString(OS, eval::carriedText(P, A, C));
      OS << '}';
    });
  }
  OS << ",\"eligible\":" << (A.Eligible ? "true" : "false") << ",\"verdict\":";
  writeJsonString(OS, verdictWords(P, A.Eligible, VerdictCase::Sentence));
  OS << ",\"unit\":";
  writeJsonString(OS, eval::countingUnitName(P, /*Plural=*/true));
  OS << ",\"categories\":";
  array(OS, A.Categories, [&](const eval::CategoryResult &C) {
    OS << "{\"name\":";
    writeJsonString(OS, C.Name);
    OS << ",\"points\":";
    points(OS, C.Points);
    OS << ",\"spilled_in\":";
    points(OS, C.SpilledIn);
    if (A.Period) {
      OS << ",\"carried_in\":";
      points(OS, C.CarriedIn);
    }
    OS << ",\"required\":";
    optionalPoints(OS, C.Required);
    OS << '}';
  });
  OS << ",\"requirements\":";
  size_t Position = 0;
  array(OS, A.Requirements, [&](const eval::RequirementResult &R) {
    fragmentOr(OS, Fragments ? Fragments->jsonRequirementStart(R, Position++) : "", [&] {
      OS << "{\"name\":";
      writeJsonString(OS, R.Name);
      OS << ",\"title\":";
      writeJsonString(OS, R.Title);
      OS << ",\"kind\":" << (R.IsPrerequisite ? "\"prerequisite\"" : "\"points\"");
    });
    OS << ",\"met\":" << (R.Met ? "true" : "false") << ",\"applies\":" << (R.Applies ? "true" : "false")
       << ",\"detail\":";
    optionalString(OS, R.Detail);
    OS << ",\"points\":";
    if (R.IsPrerequisite)
      OS << "null";
    else
      points(OS, R.Points);
    OS << ",\"required\":";
    if (R.IsPrerequisite)
      OS << "null";
    else
      points(OS, R.Required);
    OS << ",\"citations\":";
    citations(OS, Fragments, R.Cites);
    OS << ",\"waived_by\":";
    optionalString(OS, R.Waiver ? llvm::StringRef(R.Waiver->Id) : "");
    OS << '}';
  });
  OS << ",\"items\":";
  JsonStringStream Explanation(OS);
  array(OS, A.Items, [&](const eval::ItemResult &I) {
    OS << "{\"id\":";
    writeJsonString(OS, I.Id);
    OS << ",\"kind\":";
    name(OS, Fragments, I.Kind);
    OS << ",\"part\":";
    optionalString(OS, eval::partLabel(I));
    OS << ",\"credited\":" << (I.Credited ? "true" : "false") << ",\"rule\":";
    optionalName(OS, Fragments, I.Rule);
    OS << ",\"category\":";
    optionalName(OS, Fragments, I.Category);
    OS << ",\"points\":";
    points(OS, I.Points);
    OS << ",\"derivation\":";
    Explanation.begin();
    eval::writeDerivation(Explanation, P, I);
    Explanation.end(/*EmptyIsNull=*/false);
    OS << ",\"reason\":";
    Explanation.begin();
    eval::writeReason(Explanation, P, A, I);
    Explanation.end(/*EmptyIsNull=*/true);
    OS << ",\"citations\":";
    citations(OS, Fragments, I.Cites);
    OS << ",\"planned\":" << (I.Planned ? "true" : "false") << ",\"exception\":";
    optionalString(OS, I.Exception ? llvm::StringRef(I.Exception->Id) : "");
    OS << '}';
  });
  OS << ",\"missing\":";
  array(OS, A.Missing, [&](const std::string &M) { writeJsonString(OS, M); });
  OS << ",\"exceptions\":";
  array(OS, A.Exceptions, [&](const eval::ExceptionResult &R) { writeException(OS, P, R); });
  OS << "}\n";
}
} // namespace

void printJsonReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A, const EditionUsed *Edition) {
  writeJsonReport(OS, P, nullptr, A, Edition);
}

void printJsonReport(llvm::raw_ostream &OS, const ReportFragments &Fragments, const eval::Audit &A,
                     const EditionUsed *Edition) {
  writeJsonReport(OS, Fragments.policy(), &Fragments, A, Edition);
}

} // namespace certc::report
