// Terse construction of allocation problems in tests.
#ifndef CERTC_TESTS_ALLOC_PROBLEMBUILDER_H
#define CERTC_TESTS_ALLOC_PROBLEMBUILDER_H

#include "alloc/Allocator.h"

#include <initializer_list>
#include <vector>

namespace certc::alloc::test {

inline Rational pts(int64_t Num, int64_t Den = 1) { return *Rational::make(Num, Den); }

/// An option, with the limits it counts against (Problem::Covered).
struct TestOption {
  Option O;
  std::vector<uint32_t> Limits;
  /*implicit*/ operator Option() const { return O; }
};

inline TestOption opt(uint32_t Category, Rational Points, uint32_t Cap = NoCap,
                      std::initializer_list<uint32_t> Limits = {}) {
  return TestOption{Option{Category, Points, Cap}, Limits};
}

struct ProblemBuilder {
  Problem P;

  explicit ProblemBuilder(unsigned NumCategories) { P.NumCategories = NumCategories; }
  ProblemBuilder &item(std::initializer_list<TestOption> Options) {
    Item &It = P.Items.emplace_back();
    for (const TestOption &T : Options) {
      for (uint32_t L : T.Limits)
        P.Covered.push_back({static_cast<uint32_t>(P.Items.size() - 1), static_cast<uint32_t>(It.Options.size()), L});
      It.Options.push_back(T.O);
    }
    return *this;
  }
  /// The last item added must take option Option.
  ProblemBuilder &pin(int32_t Option) {
    P.Items.back().Pinned = Option;
    return *this;
  }
  uint32_t cap(uint32_t Category, Rational Limit, uint32_t Parent = NoCap) {
    P.Caps.push_back(CapLimit{Limit, Category, Parent});
    return static_cast<uint32_t>(P.Caps.size() - 1);
  }
  ProblemBuilder &require(std::initializer_list<uint32_t> Categories, Rational Amount) {
    P.Requirements.push_back(Requirement{Categories, Amount});
    return *this;
  }
  uint32_t limit(Rational Absolute) {
    P.Limits.push_back(SharedLimit{Absolute, false, Rational(), {}});
    return static_cast<uint32_t>(P.Limits.size() - 1);
  }
  uint32_t share(Rational Share, std::initializer_list<uint32_t> Of) {
    P.Limits.push_back(SharedLimit{Rational(), true, Share, Of});
    return static_cast<uint32_t>(P.Limits.size() - 1);
  }
  ProblemBuilder &spill(uint32_t From, uint32_t To, Rational Above) {
    P.Spills.push_back(Spill{From, To, Above});
    return *this;
  }
};

} // namespace certc::alloc::test

#endif
