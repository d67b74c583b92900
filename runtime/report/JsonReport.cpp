// One JSON object per line. Points are JSON numbers written from their exact
// decimal text ("7.5"), or strings ("7/3") when no finite decimal exists.
#include "report/Report.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Format.h"

namespace certc::report {

namespace {
void string(llvm::raw_ostream &OS, llvm::StringRef S) {
  OS << '"';
  // Runs of characters that need no escape are written whole.
  size_t Run = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned char C = S[I];
    if (C >= 0x20 && C != '"' && C != '\\')
      continue;
    OS << S.slice(Run, I);
    Run = I + 1;
    switch (C) {
    case '"': OS << "\\\""; break;
    case '\\': OS << "\\\\"; break;
    case '\n': OS << "\\n"; break;
    case '\r': OS << "\\r"; break;
    case '\t': OS << "\\t"; break;
    default: OS << llvm::format("\\u%04x", C);
    }
  }
  OS << S.substr(Run) << '"';
}

/// An explanation, as a JSON string or null when there is none; built in a
/// buffer on the stack because it must be escaped.
template <typename WriteFn> void explanation(llvm::raw_ostream &OS, bool NullWhenEmpty, WriteFn Write) {
  llvm::SmallString<256> Text;
  llvm::raw_svector_ostream TextOS(Text);
  Write(TextOS);
  if (Text.empty() && NullWhenEmpty)
    OS << "null";
  else
    string(OS, Text);
}

void points(llvm::raw_ostream &OS, const Rational &R) {
  std::string Text = R.str();
  if (Text.find('/') == std::string::npos)
    OS << Text;
  else
    string(OS, Text);
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

void printJsonReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A) {
  OS << "{\"member\":";
  string(OS, A.Member);
  OS << ",\"designation\":";
  string(OS, A.Designation);
  OS << ",\"policy\":";
  string(OS, P.Title);
  OS << ",\"policy_hash\":";
  string(OS, P.ContentHash);
  OS << ",\"as_of\":";
  string(OS, A.AsOf.str());
  OS << ",\"eligible\":" << (A.Eligible ? "true" : "false");
  OS << ",\"categories\":";
  array(OS, A.Categories, [&](const eval::CategoryResult &C) {
    OS << "{\"name\":";
    string(OS, C.Name);
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
    string(OS, R.Name);
    OS << ",\"kind\":" << (R.IsPrerequisite ? "\"prerequisite\"" : "\"points\"");
    OS << ",\"met\":" << (R.Met ? "true" : "false") << ",\"detail\":";
    string(OS, R.Detail);
    OS << '}';
  });
  OS << ",\"items\":";
  array(OS, A.Items, [&](const eval::ItemResult &I) {
    OS << "{\"id\":";
    string(OS, I.Id);
    OS << ",\"kind\":";
    string(OS, I.Kind);
    OS << ",\"credited\":" << (I.Credited ? "true" : "false") << ",\"rule\":";
    if (I.Rule.empty())
      OS << "null";
    else
      string(OS, I.Rule);
    OS << ",\"category\":";
    if (I.Category.empty())
      OS << "null";
    else
      string(OS, I.Category);
    OS << ",\"points\":";
    points(OS, I.Points);
    OS << ",\"derivation\":";
    explanation(OS, false, [&](llvm::raw_ostream &Out) { eval::writeDerivation(Out, P, I); });
    OS << ",\"reason\":";
    explanation(OS, true, [&](llvm::raw_ostream &Out) { eval::writeReason(Out, P, A, I); });
    OS << '}';
  });
  OS << ",\"missing\":";
  array(OS, A.Missing, [&](const std::string &M) { string(OS, M); });
  OS << "}\n";
}

} // namespace certc::report
