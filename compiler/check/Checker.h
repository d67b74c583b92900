// The checker's internal state and its handlers, shared by its passes (private
// to check/). Each construct has one small handler, named after it; the pass
// that walks the construct's parent dispatches to it. A new construct is a new
// handler (and usually a new Handle*.cpp file), not a new case in a long one.
#ifndef CERTC_CHECK_CHECKER_H
#define CERTC_CHECK_CHECKER_H

#include "check/Check.h"

#include "llvm/ADT/StringMap.h"

namespace certc {

/// First declaration of each name in a namespace, for duplicate reports.
class DeclaredNames {
public:
  DeclaredNames(DiagnosticEngine &Diags, llvm::StringRef What) : Diags(Diags), What(What) {}
  /// Whether N is new; if not, reports it as a duplicate (`As`, when one
  /// namespace holds several kinds of names) next to the first declaration.
  bool add(const ast::Name &N, llvm::StringRef As = {});

private:
  DiagnosticEngine &Diags;
  std::string What;
  llvm::StringMap<ast::SMRange> First;
};

/// What a group passes down to the rules and groups under it.
struct GroupFrame {
  std::vector<const ast::Expr *> Filters;
  std::vector<std::pair<const ast::Condition *, const ast::EveryItem *>> Conditions;
  std::vector<const ast::CountedPart *> Parts;
  sema::CapId Cap;
};

class Checker {
public:
  Checker(sema::Sema &S, DiagnosticEngine &Diags) : S(S), Diags(Diags), RuleAndGroupNames(Diags, "rule") {}

  // The passes, in the order checkModule (Check.cpp) runs them.
  // Declarations.cpp
  void collectDeclarations(const LoadedModule &Module);
  void resolveSchema();
  // HandlePolicy.cpp: the header, requirements, spillovers and prerequisites.
  void checkPolicyLevel(CheckMode Mode);
  // HandleGroup.cpp: flattens groups into rules (HandleRule.cpp).
  void checkRules();
  // HandleCategories.cpp: aggregates (before requirements), then category caps
  // and limits (after rules, whose kinds limit conditions are read in).
  void resolveAggregates();
  void checkCategoryCapsAndLimits();
  // Analyses.cpp
  void checkContradictionsAndOverlaps();
  void checkReachability();
  // HandleRequirementScope.cpp: requirements and periods that can never apply.
  void checkRequirementsCanApply();
  void checkCitations();

  // Expressions.cpp: the type of E, recorded in Sema, from the handler of its kind.
  sema::Type checkExpr(const ast::Expr &E, sema::Context C);
  bool checkCondition(const ast::Expr &E, sema::Context C);

private:
  // HandlePolicy.cpp
  void handleHeader(CheckMode Mode);
  void handleRequirement(const ast::Requirement &R, DeclaredNames &Names);
  void handleSpill(const ast::Spill &Sp);
  void handlePrerequisite(const ast::Prerequisite &P, DeclaredNames &Names);
  void handleTitle(const std::optional<ast::Text> &Title, const char *What, const ast::Name &Of);
  // HandlePeriod.cpp
  void handleCompliancePeriod(const ast::CompliancePeriod &P);
  sema::Type handlePeriodBound(const ast::Expr &E);
  std::optional<uint32_t> wholeMonths(const ast::Quantity &Q, llvm::StringRef What);
  // HandleRequirementScope.cpp: dated and pro-rated amounts, `when`, `every Nth period`.
  void handleRequirementScope(const ast::Requirement &R);
  void handleProRating(const ast::ProRating &Pr);
  // HandleCarryOver.cpp
  void handleCarryOver(const ast::CarryOver &C);

  // HandleCategories.cpp
  void resolveAggregate(uint32_t Aggregate, std::vector<uint32_t> &Path);
  void handleCategoryCap(const ast::CategoryDecl &D);
  void handleLimit(const ast::LimitDecl &D, DeclaredNames &Names);
  /// The categories N stands for: itself, or an aggregate's; empty (and reported) if unknown.
  std::vector<sema::CategoryId> lookupCategoryOrAggregate(const ast::Name &N);
  void addLimit(sema::LimitInfo L);

  // HandleGroup.cpp
  void handleGroup(const ast::Group &G, const GroupFrame &Outer, bool IsRoot);
  void checkGroupCapCategories();
  // HandleRule.cpp: a rule's name, kind and conditions, then its clauses.
  void handleRule(const ast::Rule &R, const GroupFrame &Frame);
  void handleRuleConditions(const ast::Rule &R, const GroupFrame &Frame, sema::RuleInfo &Info);
  // HandleEarns.cpp
  bool handleEarnings(const ast::Rule &R, sema::RuleInfo &Info);
  bool handleEarning(const ast::Earning &E, const sema::KindInfo &Kind, sema::EarningInfo &Out);
  bool handleAwarded(const ast::Earning &E, const sema::KindInfo &Kind, sema::EarningInfo &Out);
  bool handleRate(const ast::Earning &E, const sema::KindInfo &Kind, sema::EarningInfo &Out);
  // HandleInto.cpp
  bool handleTargets(const ast::Rule &R, sema::RuleInfo &Info);
  /// Each of Names as a category, once (unknown and repeated ones reported).
  bool resolveTargets(llvm::ArrayRef<ast::Name> Names, std::vector<sema::CategoryId> &Out);
  bool handleSplit(const ast::Rule &R, sema::RuleInfo &Info);
  bool handleSplitPart(const ast::SplitPart &Part, const sema::KindInfo &Kind, sema::SplitPartInfo &Out);
  // HandleLimits.cpp: per-item maxima and the rule cap.
  bool handleLimits(const ast::Rule &R, const GroupFrame &Frame, sema::RuleInfo &Info);
  // HandleCountedPart.cpp: `counts only from`.
  bool periodInMonths(const ast::Name &Measure, bool &InMonths);
  bool handleCountedParts(const ast::Rule &R, const GroupFrame &Frame, sema::RuleInfo &Info);

  // One handler per expression kind (Expressions.cpp dispatches).
  // HandleOperands.cpp
  sema::Type handleFieldName(const ast::Expr &E, sema::Context C);
  sema::Type handleMemberField(const ast::Expr &E, sema::Context C);
  sema::Type handleNumber(const ast::Expr &E);
  // HandleLogic.cpp
  sema::Type handleConnective(const ast::Expr &E, sema::Context C);
  sema::Type handleCompare(const ast::Expr &E, sema::Context C);
  // HandleMembership.cpp
  sema::Type handleEnumTest(const ast::Expr &E, sema::Context C);
  sema::Type handleInRange(const ast::Expr &E, sema::Context C);
  sema::Type handleFirstLetter(const ast::Expr &E, sema::Context C);
  sema::Type handleInTextRange(const ast::Expr &E, sema::Context C);
  sema::Type handleIsGiven(const ast::Expr &E, sema::Context C);
  // HandleDates.cpp
  sema::Type handleInWindow(const ast::Expr &E, sema::Context C);
  sema::Type handleDesignation(const ast::Expr &E, sema::Type Result);
  sema::Type handleYearsSince(const ast::Expr &E, sema::Context C);
  sema::Type handleShift(const ast::Expr &E, sema::Context C);
  sema::Type handleMonthOperand(const ast::Expr &E, sema::Context C);
  // HandleActivities.cpp
  sema::Type handleNoSame(const ast::Expr &E, sema::Context C);
  sema::Type handleCountOf(const ast::Expr &E, sema::Context C);
  sema::Type handleNumberOf(const ast::Expr &E);

  // Expressions.cpp: helpers the expression handlers share.
  /// The type of Operand if it is a Want; otherwise reports Diag, whose one
  /// argument is the type found, and returns an error.
  template <typename DiagTag>
  sema::Type operandOfKind(const ast::Expr &Operand, sema::Context C, sema::Type::Kind Want, DiagTag Diag) {
    sema::Type T = checkExpr(Operand, C);
    if (T.isError() || T.K == Want)
      return T;
    Diags.report(Diag, Operand.Range, S.typeName(T));
    return sema::Type::error();
  }
  /// The type of field N read in context C (or of the member's when Member),
  /// recorded in Sema::FieldOf; reports E0002 when there is none.
  sema::Type fieldType(const ast::Name &N, sema::Context C, bool Member);
  /// `level = cmc`: a bare name opposite an enumeration is one of its values.
  std::optional<sema::Type> asEnumValue(const ast::Expr &Operand, const sema::Type &Other,
                                        sema::Context C);

  // Declarations.cpp: lookups that record what they resolved N to in Sema (for
  // lowering) or report it unknown, with a suggestion, and return none().
  sema::UnitId lookupUnit(const ast::Name &N);
  sema::CategoryId lookupCategory(const ast::Name &N);
  sema::KindId lookupKind(const ast::Name &N);
  sema::EnumValueId lookupDesignation(const ast::Name &N, bool InPrerequisite);
  sema::EnumValueId lookupEnumValue(sema::EnumId Enum, const ast::Name &N);
  bool lookupSource(const ast::Name &N);
  void reportUnknown(llvm::StringRef What, const ast::Name &N,
                     const std::vector<llvm::StringRef> &Candidates);
  /// E0002 for N, which names no field of Kind, suggesting one that does.
  void reportUnknownField(const sema::KindInfo &Kind, const ast::Name &N);

  // Quantities.cpp
  /// A positive quantity in points (a requirement, cap, maximum or earning).
  bool checkPoints(const ast::Quantity &Q, llvm::StringRef What);
  /// Dated values (earnings, per-item maxima) must not overlap or leave gaps.
  void checkWindows(const std::vector<const ast::Window *> &Windows,
                    const std::vector<ast::SMRange> &Ranges, llvm::StringRef What,
                    ast::SMRange Whole);

  /// Whether any file declares a compliance period (for `period start`).
  bool HasPeriods = false;
  /// Checking a compliance period's own anchor and condition.
  bool InPeriodDecl = false;
  sema::Sema &S;
  DiagnosticEngine &Diags;
  bool InPrerequisite = false;
  /// Rules and groups share one namespace: either can name a cap.
  DeclaredNames RuleAndGroupNames;
  /// The group of each cap a group declares (null for rule caps), by CapId.
  std::vector<const ast::Group *> CapGroups;
};

} // namespace certc

#endif
