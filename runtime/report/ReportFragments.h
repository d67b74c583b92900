// The parts of a policy's reports that are the same for every member (the
// requirements' names and titles, the citations of requirements, rules and
// conditions, the names of kinds, rules and categories, the program's
// heading), rendered once per policy, so that a member's report is mostly
// copies of them plus the member's own values.
// Immutable once built: the jobs of `certc run` share one per policy.
#ifndef CERTC_REPORT_REPORTFRAGMENTS_H
#define CERTC_REPORT_REPORTFRAGMENTS_H

#include "eval/Audit.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace certc::report {

class ReportFragments {
public:
  /// Renders P's fragments; the object refers to P, which must outlive it.
  explicit ReportFragments(const ir::Policy &P);

  const ir::Policy &policy() const { return P; }

  /// `[{"source":...,"section":...,"quote":...},...]` for one of the policy's
  /// lists of citations (a rule's, a condition's, a requirement's); empty when
  /// Cites is none of them (an audit against another copy of the policy).
  llvm::StringRef jsonCitations(llvm::ArrayRef<ir::Citation> Cites) const;
  /// `      see DOCUMENT, "SECTION": "QUOTE"\n`, the status update's line for
  /// the first of one of the policy's lists of citations; empty as above, and
  /// for a list without citations.
  llvm::StringRef textSeeLine(llvm::ArrayRef<ir::Citation> Cites) const;
  /// `{"name":NAME,"title":TITLE,"kind":KIND`: the start of R's entry in
  /// `requirements`, when R is the policy's requirement or prerequisite in
  /// that place of an audit's list (prerequisites first); empty otherwise.
  llvm::StringRef jsonRequirementStart(const eval::RequirementResult &R, size_t Position) const;
  /// `"NAME"`: the JSON literal of one of the policy's names that items
  /// carry (an activity kind, a rule, a category); empty when Name is not one.
  llvm::StringRef jsonName(llvm::StringRef Name) const;
  /// "IIMC Certified Municipal Clerk (CMC)": the status update's heading.
  llvm::StringRef programHeading() const { return Heading; }

private:
  struct CitationList {
    size_t Size;
    std::string Json, TextSee;
  };
  struct RequirementStart {
    llvm::StringRef Name, Title;
    bool IsPrerequisite;
    std::string Json;
  };
  const CitationList *find(llvm::ArrayRef<ir::Citation> Cites) const;
  void addCitations(llvm::ArrayRef<ir::Citation> Cites);
  void addRequirement(llvm::StringRef Name, llvm::StringRef Title, bool IsPrerequisite);
  void addName(llvm::StringRef Name);

  const ir::Policy &P;
  std::vector<CitationList> Citations;
  /// The first citation of each list -> its index in Citations.
  llvm::DenseMap<const ir::Citation *, uint32_t> CitationIndex;
  std::vector<RequirementStart> Requirements; ///< prerequisites, then requirements
  struct NameLiteral {
    size_t Size; ///< of the name
    std::string Json;
  };
  std::vector<NameLiteral> Names;
  /// The name's first byte -> its literal in Names.
  llvm::DenseMap<const char *, uint32_t> NameIndex;
  std::string Heading;
};

/// Writes `[...]`, Cites as the JSON report lists citations.
void writeJsonCitations(llvm::raw_ostream &OS, llvm::ArrayRef<ir::Citation> Cites);
/// Writes the status update's `see` line for the first of Cites; nothing
/// when there is none.
void writeTextSeeLine(llvm::raw_ostream &OS, llvm::ArrayRef<ir::Citation> Cites);

} // namespace certc::report

#endif
