// One JSON object per line. Points are JSON numbers written from their exact
// decimal text ("7.5"), or strings ("7/3") when no finite decimal exists.
#include "report/Report.h"

#include "report/JsonString.h"

namespace certc::report {

namespace {
void points(llvm::raw_ostream &OS, const Rational &R) {
  if (R.hasFiniteDecimal())
    OS << R;
  else
    OS << '"' << R << '"';
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
} // namespace

void printJsonReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A, const EditionUsed *Edition) {
  OS << "{\"member\":";
  writeJsonString(OS, A.Member);
  OS << ",\"designation\":";
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
  OS << ",\"eligible\":" << (A.Eligible ? "true" : "false");
  OS << ",\"categories\":";
  array(OS, A.Categories, [&](const eval::CategoryResult &C) {
    OS << "{\"name\":";
    writeJsonString(OS, C.Name);
    OS << ",\"points\":";
    points(OS, C.Points);
    OS << ",\"spilled_in\":";
    points(OS, C.SpilledIn);
    OS << ",\"required\":";
    if (C.Required)
      points(OS, *C.Required);
    else
      OS << "null";
    OS << '}';
  });
  OS << ",\"requirements\":";
  array(OS, A.Requirements, [&](const eval::RequirementResult &R) {
    OS << "{\"name\":";
    writeJsonString(OS, R.Name);
    OS << ",\"kind\":" << (R.IsPrerequisite ? "\"prerequisite\"" : "\"points\"");
    OS << ",\"met\":" << (R.Met ? "true" : "false") << ",\"detail\":";
    writeJsonString(OS, R.Detail);
    OS << '}';
  });
  OS << ",\"items\":";
  JsonStringStream Explanation(OS);
  array(OS, A.Items, [&](const eval::ItemResult &I) {
    OS << "{\"id\":";
    writeJsonString(OS, I.Id);
    OS << ",\"kind\":";
    writeJsonString(OS, I.Kind);
    OS << ",\"credited\":" << (I.Credited ? "true" : "false") << ",\"rule\":";
    if (I.Rule.empty())
      OS << "null";
    else
      writeJsonString(OS, I.Rule);
    OS << ",\"category\":";
    if (I.Category.empty())
      OS << "null";
    else
      writeJsonString(OS, I.Category);
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
    OS << '}';
  });
  OS << ",\"missing\":";
  array(OS, A.Missing, [&](const std::string &M) { writeJsonString(OS, M); });
  OS << "}\n";
}

} // namespace certc::report
