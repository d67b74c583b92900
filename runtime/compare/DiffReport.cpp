// `certc diff`'s output: text for people, one JSON object for tools.
#include "compare/PolicyDiff.h"

#include "ir/ExprPrinter.h"
#include "ir/Lookup.h"

#include "llvm/Support/JSON.h"

namespace certc::compare {

namespace {
const char *actionName(Change::Action A) {
  switch (A) {
  case Change::Action::Added:
    return "added";
  case Change::Action::Removed:
    return "removed";
  case Change::Action::Renamed:
    return "renamed";
  case Change::Action::Changed:
    return "changed";
  }
  return "changed";
}

std::string shortHash(const ir::Policy &P) { return P.ContentHash.substr(0, 12); }

void printLabel(llvm::StringRef Tag, const EditionLabel &L, llvm::raw_ostream &OS) {
  const ir::Policy &P = *L.Policy;
  OS << Tag << " " << L.File << ": " << ir::quoteText(P.Title);
  if (P.Designation != ir::None)
    OS << " for " << ir::symbolName(P, P.Designation);
  if (!P.Edition.empty())
    OS << ", edition " << ir::quoteText(P.Edition);
  if (P.Effective)
    OS << ", effective " << P.Effective->str();
  OS << ", hash " << shortHash(P) << "\n";
}

std::string heading(const Change &C) {
  return C.Name.empty() ? C.Subject : C.Subject + " `" + C.Name + "`";
}
} // namespace

void printDiffText(const PolicyDiff &Diff, const EditionLabel &Old, const EditionLabel &New, llvm::raw_ostream &OS) {
  printLabel("old", Old, OS);
  printLabel("new", New, OS);
  if (Diff.SameSubstance) {
    OS << "no change in substance: the compiled policies are equal apart from source positions and file names\n";
    return;
  }
  std::string Current;
  for (const Change &C : Diff.Changes) {
    switch (C.What) {
    case Change::Action::Added:
    case Change::Action::Removed:
      OS << heading(C) << " " << actionName(C.What) << "\n";
      Current.clear();
      continue;
    case Change::Action::Renamed:
      OS << C.Subject << " `" << C.OldName << "` renamed to `" << C.Name << "` (otherwise the same)\n";
      Current.clear();
      continue;
    case Change::Action::Changed:
      break;
    }
    if (heading(C) != Current) {
      Current = heading(C);
      OS << Current << ":\n";
    }
    if (C.Old.empty() && !C.New.empty())
      OS << "  " << C.Aspect << " added: " << C.New << "\n";
    else if (C.New.empty() && !C.Old.empty())
      OS << "  " << C.Aspect << " removed: " << C.Old << "\n";
    else
      OS << "  " << C.Aspect << ": " << C.Old << "\n  " << std::string(C.Aspect.size(), ' ') << "  now "
         << C.New << "\n";
  }
  size_t N = Diff.Changes.size();
  OS << N << (N == 1 ? " change" : " changes") << " in substance\n";
}

void printDiffJson(const PolicyDiff &Diff, const EditionLabel &Old, const EditionLabel &New, llvm::raw_ostream &OS,
                   llvm::function_ref<void(llvm::json::OStream &)> More) {
  llvm::json::OStream J(OS, 2);
  auto Label = [&](const EditionLabel &L) {
    J.object([&] {
      J.attribute("file", L.File);
      J.attribute("title", L.Policy->Title);
      if (L.Policy->Designation == ir::None)
        J.attribute("designation", nullptr);
      else
        J.attribute("designation", ir::symbolName(*L.Policy, L.Policy->Designation));
      J.attribute("edition", L.Policy->Edition);
      J.attribute("effective", L.Policy->Effective ? L.Policy->Effective->str() : "");
      J.attribute("content_hash", L.Policy->ContentHash);
    });
  };
  J.object([&] {
    J.attributeBegin("old");
    Label(Old);
    J.attributeEnd();
    J.attributeBegin("new");
    Label(New);
    J.attributeEnd();
    J.attribute("same_substance", Diff.SameSubstance);
    J.attributeArray("changes", [&] {
      for (const Change &C : Diff.Changes)
        J.object([&] {
          J.attribute("subject", C.Subject);
          J.attribute("name", C.Name);
          J.attribute("action", actionName(C.What));
          if (C.What == Change::Action::Renamed)
            J.attribute("old_name", C.OldName);
          if (C.What == Change::Action::Changed) {
            J.attribute("aspect", C.Aspect);
            J.attribute("old", C.Old);
            J.attribute("new", C.New);
          }
        });
    });
    if (More)
      More(J);
  });
  OS << "\n";
}

} // namespace certc::compare
