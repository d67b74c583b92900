// Editions of one designation's policy: which is in force on a date, and
// whether a set of editions leaves a date with none or with two. An edition is
// in force from its `effective` date until the `from` date of the edition that
// supersedes it (exclusive); one that no edition supersedes, with no end.
#ifndef CERTC_EVAL_EDITIONS_H
#define CERTC_EVAL_EDITIONS_H

#include "base/Date.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace certc::eval {

/// What a policy header says about its edition.
struct EditionFacts {
  std::string Edition;
  std::optional<Date> Effective;
  std::string Supersedes; ///< empty: supersedes none
  std::optional<Date> SupersedesFrom;
};

struct EditionProblem {
  enum class Kind {
    Overlap,           ///< First and Second are both in force on [From, Until)
    Gap,               ///< none is in force on [From, Until): First ends, Second starts later
    SupersededMissing, ///< First supersedes an edition none of the set is
    Undated,           ///< First supersedes or is superseded, but states no effective date
  };
  Kind K;
  size_t First = 0, Second = 0;
  Date From, Until;
};

/// The problems of a set of editions of one designation, in a stable order.
std::vector<EditionProblem> checkEditions(llvm::ArrayRef<EditionFacts> Editions);

/// The edition in force on D, when exactly one is (a set without problems
/// has one for every date from its earliest effective date on).
std::optional<size_t> editionInForce(llvm::ArrayRef<EditionFacts> Editions, Date D);

/// The problem in words, naming the editions and the designation.
std::string describeEditionProblem(const EditionProblem &P, llvm::ArrayRef<EditionFacts> Editions,
                                   llvm::StringRef Designation);

} // namespace certc::eval

#endif
