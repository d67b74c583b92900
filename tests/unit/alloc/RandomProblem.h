// Seeded random allocation problems for the differential and property tests.
#ifndef CERTC_TESTS_ALLOC_RANDOMPROBLEM_H
#define CERTC_TESTS_ALLOC_RANDOMPROBLEM_H

#include "alloc/Allocator.h"

#include <random>

namespace certc::alloc::test {

struct RandomShape {
  unsigned MinItems = 3;
  unsigned MaxItems = 12;
  unsigned MaxOptions = 3;
  /// Points are multiples of 1/Denominator up to MaxPoints.
  int64_t Denominator = 2;
  int64_t MaxPoints = 10;
  /// Requirement amounts: up to MaxAmount for one category, MaxCombined for
  /// a combination.
  int64_t MaxAmount = 25;
  int64_t MaxCombined = 40;
  /// Percentage of items with options pinned to one of them at random; 0
  /// draws nothing, so the problems of a seed are those of earlier versions.
  int PinPercent = 0;
  /// Percentage of problems given one or two shared limits (absolute across
  /// categories or a share, each covering a random part of the options of its
  /// categories, as an item filter would); 0 draws nothing, as for pins.
  int LimitPercent = 0;
};

/// 2-3 categories, up to four caps (some nested), one to four requirements
/// (single or combination), up to two spills, pins and limits as Shape asks. Uses only mt19937_64's output,
/// which the standard fixes, so a seed means the same problems everywhere.
Problem randomProblem(std::mt19937_64 &Rng, const RandomShape &Shape);

} // namespace certc::alloc::test

#endif
