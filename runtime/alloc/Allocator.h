// Exact optimal allocation of credited items to categories. Independent of the IR:
// the evaluator builds a Problem from a policy and a ledger, and explains the
// Solution. Algorithm, optimality proof and complexity: docs/allocation.md.
#ifndef CERTC_ALLOC_ALLOCATOR_H
#define CERTC_ALLOC_ALLOCATOR_H

#include "base/Rational.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <vector>

namespace certc::alloc {

inline constexpr uint32_t NoCap = UINT32_MAX;

/// One way to credit an item: its points (before caps) into one category,
/// through the innermost cap that limits the rule offering it.
struct Option {
  uint32_t Category = 0;
  Rational Points;
  uint32_t Cap = NoCap;
};

/// An item counts once, whole, in at most one of its options. Options are in
/// the policy's order of preference, which breaks ties. Most items have one or
/// two options (either-or), so they live inline.
struct Item {
  llvm::SmallVector<Option, 2> Options;
  /// The option the item must take (a choice made outside the allocator, such
  /// as a staff exception), or -1: the allocator chooses.
  int32_t Pinned = -1;
};

/// Caps nest (Parent) and each limits a single category (the checker ensures
/// every option through a cap targets the cap's category).
struct CapLimit {
  Rational Limit;
  uint32_t Category = 0;
  uint32_t Parent = NoCap;
};

/// A limit beyond the cap trees, over the options Problem::Covered lists for it,
/// which may lie in several categories and overlap caps and other limits: the
/// points that count from them add up to at most Absolute or, when IsShare, to
/// at most Share times the points counted in the categories ShareOf.
struct SharedLimit {
  Rational Absolute;
  bool IsShare = false;
  Rational Share;
  std::vector<uint32_t> ShareOf;
};

/// Option Option of item Item counts against limit Limit (Problem::Limits).
struct Coverage {
  uint32_t Item = 0;
  uint32_t Option = 0;
  uint32_t Limit = 0;
};

/// The sum of the listed categories (before spillover) must reach Amount.
/// A single-category requirement also counts spillover into its category.
struct Requirement {
  std::vector<uint32_t> Categories;
  Rational Amount;
};

/// Points of From above Above also count towards To's single-category requirements.
struct Spill {
  uint32_t From = 0;
  uint32_t To = 0;
  Rational Above;
};

struct Problem {
  unsigned NumCategories = 0;
  std::vector<Item> Items; ///< in a canonical order (the evaluator sorts by activity id)
  std::vector<CapLimit> Caps;
  std::vector<SharedLimit> Limits;
  /// Which options count against which limits, besides their caps. Kept apart
  /// from the options so that problems without limits pay nothing for them.
  std::vector<Coverage> Covered;
  std::vector<Requirement> Requirements;
  std::vector<Spill> Spills;
};

/// What was full when an item counted less than its points: one of its caps
/// or limits (docs/allocation.md, "Per-item credit" and "General limits").
struct FullBound {
  enum class Kind : uint8_t { None, Cap, Limit };
  Kind K = Kind::None;
  uint32_t Index = NoCap; ///< into Problem::Caps or Problem::Limits
};

struct Solution {
  /// Per item: the chosen option index, or -1 when the item is not credited.
  std::vector<int32_t> Choice;
  /// Per item: points credited after caps (0 when not credited).
  std::vector<Rational> Credited;
  /// Per item: the cap or limit that was full when it counted less than its points.
  std::vector<FullBound> FullAt;
  /// Per category: points credited after caps, before spillover.
  std::vector<Rational> CategoryPoints;
  /// Per category: points received from spillover.
  std::vector<Rational> SpilledIn;
  /// Per requirement: the points that count towards it (after spillover where it applies).
  std::vector<Rational> RequirementPoints;
  /// Sum over requirements of min(points, amount): what the allocation maximises.
  Rational Progress;
  bool AllMet = false;
};

/// The buffers allocateCredits works in (the scaled problem, the reduction,
/// the search's tables and fronts), kept by the caller so that a run of
/// allocations reuses them instead of allocating a dozen vectors per call.
/// What they hold between calls means nothing but the policy's scaled caps,
/// reused while the caps and scale stay the same; no result refers to them.
/// Not thread-safe: one scratch serves one call at a time, so keep one per
/// thread (`certc run` keeps one per job). Deliberately not thread_local: the
/// runtime library stays free of TLS relocations.
class AllocationScratch {
public:
  AllocationScratch();
  ~AllocationScratch();
  AllocationScratch(AllocationScratch &&) noexcept;
  AllocationScratch &operator=(AllocationScratch &&) noexcept;

  /// The buffers themselves, opaque outside the allocator (alloc/Allocator.cpp);
  /// made again when a move left this scratch without them.
  struct Buffers;
  Buffers &buffers();

private:
  std::unique_ptr<Buffers> B;
};

/// Chooses, exactly, the assignment that meets every requirement when any
/// assignment can, otherwise maximises Progress; ties are broken by option
/// preference in item order, so the result depends only on the Problem.
/// Pinned items take their pinned option; the rest are chosen as above among
/// the assignments that honour every pin.
/// Fails (never crashes) on inputs beyond the documented state limits or when
/// exact arithmetic would overflow.
llvm::Expected<Solution> allocateCredits(const Problem &P, AllocationScratch &Scratch);
/// The same with buffers of its own, allocated for this call.
llvm::Expected<Solution> allocateCredits(const Problem &P);

} // namespace certc::alloc

#endif
