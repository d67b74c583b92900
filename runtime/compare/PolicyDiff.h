// `certc diff`: what changed between two editions of a policy, in committee
// language, declaration by declaration matched by name. Works on IR, so the
// editions may be .cert text or compiled IR files.
#ifndef CERTC_COMPARE_POLICYDIFF_H
#define CERTC_COMPARE_POLICYDIFF_H

#include "ir/IR.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace certc::compare {

struct Change {
  enum class Action { Added, Removed, Renamed, Changed };
  Action What = Action::Changed;
  /// "policy", "vocabulary", "category", "requirement", "spillover",
  /// "prerequisite", "cap" or "rule".
  std::string Subject;
  std::string Name;    ///< in NEW (in OLD when removed); empty for the policy and vocabulary
  std::string OldName; ///< Renamed: the name in OLD
  std::string Aspect;  ///< Changed: which aspect ("earns", "condition", ...)
  /// Changed: the aspect's text in OLD and in NEW. For a list aspect
  /// (conditions, citations, vocabulary) one item, with Old or New empty
  /// when the item was added or removed.
  std::string Old, New;
};

struct PolicyDiff {
  /// Whether the compiled policies are equal once source positions and file
  /// names are set aside. When not, Changes is never empty.
  bool SameSubstance = false;
  std::vector<Change> Changes;
};

PolicyDiff diffPolicies(const ir::Policy &Old, const ir::Policy &New);

/// Names an edition in reports: its file, title, edition and content hash.
struct EditionLabel {
  std::string File;
  const ir::Policy *Policy = nullptr;
};

/// The changes as text, one declaration per paragraph.
void printDiffText(const PolicyDiff &Diff, const EditionLabel &Old, const EditionLabel &New, llvm::raw_ostream &OS);
/// The changes as one JSON object (docs/diff-output.md); More, when given,
/// writes further members of the object.
void printDiffJson(const PolicyDiff &Diff, const EditionLabel &Old, const EditionLabel &New, llvm::raw_ostream &OS,
                   llvm::function_ref<void(llvm::json::OStream &)> More = nullptr);

} // namespace certc::compare

#endif
