// The constant parts of a policy's reports, rendered once (ReportFragments.h).
#include "report/ReportFragments.h"

#include "report/JsonString.h"
#include "report/Words.h"

namespace certc::report {

namespace {
template <typename Decl> llvm::StringRef titleOf(const Decl &D) { return D.Title.empty() ? D.Name : D.Title; }
} // namespace

void writeJsonCitations(llvm::raw_ostream &OS, llvm::ArrayRef<ir::Citation> Cites) {
  OS << '[';
  for (size_t I = 0; I < Cites.size(); ++I) {
    OS << (I ? ",{\"source\":" : "{\"source\":");
    writeJsonString(OS, Cites[I].Document);
    OS << ",\"section\":";
    writeJsonString(OS, Cites[I].Section);
    OS << ",\"quote\":";
    writeJsonString(OS, Cites[I].Quote);
    OS << '}';
  }
  OS << ']';
}

void writeTextSeeLine(llvm::raw_ostream &OS, llvm::ArrayRef<ir::Citation> Cites) {
  if (Cites.empty())
    return;
  const ir::Citation &C = Cites.front();
  OS << "      see " << C.Document << ", \"" << C.Section << "\": \"" << C.Quote << "\"\n";
}

ReportFragments::ReportFragments(const ir::Policy &P) : P(P), Heading(report::programHeading(P)) {
  for (const ir::Prerequisite &Pre : P.Prerequisites) {
    addRequirement(Pre.Name, titleOf(Pre), /*IsPrerequisite=*/true);
    addCitations(Pre.Cites);
  }
  for (const ir::Requirement &Req : P.Requirements) {
    addRequirement(Req.Name, titleOf(Req), /*IsPrerequisite=*/false);
    addCitations(Req.Cites);
  }
  for (const ir::ActivityKind &K : P.Kinds)
    addName(P.Symbols[K.Name]);
  for (const ir::Category &C : P.Categories)
    addName(C.Name);
  for (const ir::Rule &R : P.Rules) {
    addName(R.Name);
    addCitations(R.Cites);
    for (const ir::ItemCondition &C : R.Conditions)
      addCitations(C.Cites);
  }
}

void ReportFragments::addRequirement(llvm::StringRef Name, llvm::StringRef Title, bool IsPrerequisite) {
  RequirementStart &R = Requirements.emplace_back(RequirementStart{Name, Title, IsPrerequisite, ""});
  llvm::raw_string_ostream OS(R.Json);
  OS << "{\"name\":";
  writeJsonString(OS, Name);
  OS << ",\"title\":";
  writeJsonString(OS, Title);
  OS << ",\"kind\":" << (IsPrerequisite ? "\"prerequisite\"" : "\"points\"");
}

void ReportFragments::addCitations(llvm::ArrayRef<ir::Citation> Cites) {
  // An empty list is written as it is; its data pointer says nothing.
  if (Cites.empty())
    return;
  CitationList &L = Citations.emplace_back(CitationList{Cites.size(), "", ""});
  llvm::raw_string_ostream Json(L.Json);
  writeJsonCitations(Json, Cites);
  llvm::raw_string_ostream Text(L.TextSee);
  writeTextSeeLine(Text, Cites);
  CitationIndex.try_emplace(Cites.data(), Citations.size() - 1);
}

void ReportFragments::addName(llvm::StringRef Name) {
  if (Name.empty())
    return;
  NameLiteral &Literal = Names.emplace_back(NameLiteral{Name.size(), ""});
  llvm::raw_string_ostream OS(Literal.Json);
  writeJsonString(OS, Name);
  NameIndex.try_emplace(Name.data(), Names.size() - 1);
}

llvm::StringRef ReportFragments::jsonName(llvm::StringRef Name) const {
  auto It = NameIndex.find(Name.data());
  if (Name.empty() || It == NameIndex.end())
    return {};
  const NameLiteral &Literal = Names[It->second];
  return Literal.Size == Name.size() ? llvm::StringRef(Literal.Json) : llvm::StringRef();
}

const ReportFragments::CitationList *ReportFragments::find(llvm::ArrayRef<ir::Citation> Cites) const {
  if (Cites.empty())
    return nullptr;
  auto It = CitationIndex.find(Cites.data());
  if (It == CitationIndex.end() || Citations[It->second].Size != Cites.size())
    return nullptr;
  return &Citations[It->second];
}

llvm::StringRef ReportFragments::jsonCitations(llvm::ArrayRef<ir::Citation> Cites) const {
  const CitationList *L = find(Cites);
  return L ? llvm::StringRef(L->Json) : llvm::StringRef();
}

llvm::StringRef ReportFragments::textSeeLine(llvm::ArrayRef<ir::Citation> Cites) const {
  const CitationList *L = find(Cites);
  return L ? llvm::StringRef(L->TextSee) : llvm::StringRef();
}

llvm::StringRef ReportFragments::jsonRequirementStart(const eval::RequirementResult &R, size_t Position) const {
  if (Position >= Requirements.size())
    return {};
  const RequirementStart &S = Requirements[Position];
  // The same strings of the same policy, not merely equal text.
  if (S.IsPrerequisite != R.IsPrerequisite || S.Name.data() != R.Name.data() || S.Name.size() != R.Name.size() ||
      S.Title.data() != R.Title.data() || S.Title.size() != R.Title.size())
    return {};
  return S.Json;
}

} // namespace certc::report
