// The policy's tests (rule filters, item conditions, rule limits' filters,
// prerequisites, the conditions of requirements, periods and counts) compiled
// once per policy into flat sequences of simple steps, so that auditing an
// item runs a short loop instead of walking the expression tree node by node.
#ifndef CERTC_EVAL_COMPILEDTESTS_H
#define CERTC_EVAL_COMPILEDTESTS_H

#include "ir/IR.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace certc::ledger {
struct Activity;
} // namespace certc::ledger

namespace certc::eval {

class ExprEvaluator;

/// One step of a compiled test: a test of one field (of the current activity
/// or of the member) and where to go next on each outcome. A field that is
/// absent, or of another kind than the test reads, fails every step, as every
/// comparison with an absent operand is false; `not` swaps the two outcomes
/// instead of being a step of its own. What no step expresses is a Walk step,
/// which asks the tree walker.
struct TestStep {
  enum class Op : uint8_t {
    IsTrue,       ///< the field is the boolean true
    IsGiven,      ///< the field is not absent
    CompareConst, ///< the field Cmp a constant (number, date, symbol, boolean or set)
    InSet,        ///< the field is a symbol at a position of Mask in Positions
    AnyOfMask,    ///< the field is a set that contains an element of Mask (`contains`)
    WithinMask,   ///< the field is a set with no element outside Mask
    Walk,         ///< the tree walker's test of expression Walked
  };
  /// Where a step's outcome leads: another step's index, or the verdict.
  static constexpr uint32_t Accept = UINT32_MAX - 1, Reject = UINT32_MAX;

  Op O = Op::Walk;
  bool OfMember = false; ///< the member's field, else the current activity's
  /// CompareConst: the constant's kind and, per sign of (field - constant),
  /// whether the comparison holds: bit 0 below, bit 1 equal, bit 2 above.
  ir::Value::Kind ConstKind = ir::Value::Kind::Absent;
  uint8_t HoldsWhen = 0;
  uint32_t Field = 0;
  uint32_t OnTrue = Accept, OnFalse = Reject;
  /// CompareConst: the constant, pre-converted to what its kind compares.
  Rational Number;
  int32_t Day = 0;        ///< a date constant's day number
  uint64_t Mask = 0;      ///< a set or boolean constant, a symbol id, or InSet/AnyOfMask/WithinMask's mask
  /// InSet: where the enum's table (symbol -> position, None if not a value)
  /// starts in CompiledTests' own copy, which a copied index keeps valid.
  uint32_t PositionsAt = 0;
  ir::ExprId Walked = ir::None;
};

/// The compiled tests of one policy. Immutable after construction.
class CompiledTests {
public:
  CompiledTests() = default; ///< no programs: every test is walked
  /// KindOfSymbol and EnumPosition are PolicyIndex's tables (symbol -> kind,
  /// enum -> symbol -> position).
  CompiledTests(const ir::Policy &P, llvm::ArrayRef<uint32_t> KindOfSymbol,
                const std::vector<std::vector<uint32_t>> &EnumPosition);

  /// The program that tests expression Id, or ir::None when the tree walker
  /// would do as well (an expression no step expresses, or not a test root).
  uint32_t programOf(ir::ExprId Id) const { return Id < ProgramOf.size() ? ProgramOf[Id] : ir::None; }
  /// Whether the program holds for Current (null: the member alone, whose
  /// activity fields read as absent). Eval supplies the member and walks
  /// what the program left to it.
  bool run(uint32_t Program, const ExprEvaluator &Eval, const ledger::Activity *Current) const;

  /// A compiled test and the kind of activity it reads (ir::None: the member's
  /// alone), for comparing programs with the walker in tests and the fuzzer.
  struct Root {
    ir::ExprId Test = ir::None;
    uint32_t Kind = ir::None;
  };
  llvm::ArrayRef<Root> roots() const { return Roots; }
  /// The steps, for tests: a program starts at its number.
  llvm::ArrayRef<TestStep> steps() const { return Steps; }

private:
  struct Builder;

  std::vector<TestStep> Steps;
  std::vector<uint32_t> ProgramOf; ///< expression -> first step, or None
  std::vector<uint32_t> Positions; ///< the enums' position tables InSet steps read
  std::vector<Root> Roots;
};

} // namespace certc::eval

#endif
