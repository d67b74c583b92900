// The checker's internal state, shared by its passes (private to check/).
#ifndef CERTC_CHECK_CHECKER_H
#define CERTC_CHECK_CHECKER_H

#include "check/Check.h"

namespace certc {

class Checker {
public:
  Checker(sema::Sema &S, DiagnosticEngine &Diags) : S(S), Diags(Diags) {}

  // Declarations.cpp
  void collectDeclarations(const LoadedModule &Module);
  void resolveSchema();
  // Rules.cpp
  void checkPolicyLevel(CheckMode Mode);
  void checkRules();
  // Analyses.cpp
  void checkContradictionsAndOverlaps();
  void checkReachability();
  void checkCitations();
  // Expressions.cpp
  sema::Type checkExpr(const ast::Expr &E, sema::Context C);
  bool checkCondition(const ast::Expr &E, sema::Context C);

  // Shared lookups: each records what it resolved N to in Sema (for lowering)
  // or reports it unknown, with a suggestion, and returns none().
  sema::UnitId lookupUnit(const ast::Name &N);
  sema::CategoryId lookupCategory(const ast::Name &N);
  sema::KindId lookupKind(const ast::Name &N);
  sema::EnumValueId lookupDesignation(const ast::Name &N, bool InPrerequisite);
  sema::EnumValueId lookupEnumValue(sema::EnumId Enum, const ast::Name &N);
  bool lookupSource(const ast::Name &N);
  void reportUnknown(llvm::StringRef What, const ast::Name &N,
                     const std::vector<llvm::StringRef> &Candidates);
  /// A positive quantity in points (a requirement, cap, maximum or earning).
  bool checkPoints(const ast::Quantity &Q, llvm::StringRef What);
  void checkWindows(const std::vector<const ast::Window *> &Windows,
                    const std::vector<ast::SMRange> &Ranges, llvm::StringRef What,
                    ast::SMRange Whole);

  sema::Sema &S;
  DiagnosticEngine &Diags;
  bool InPrerequisite = false;
};

} // namespace certc

#endif
