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

  // Shared lookups, each reporting E0002 with a suggestion when the name is unknown.
  uint32_t lookupUnit(const ast::Name &N);
  uint32_t lookupCategory(const ast::Name &N);
  uint32_t lookupKind(const ast::Name &N);
  uint32_t lookupDesignation(const ast::Name &N, bool InPrerequisite);
  uint32_t lookupEnumValue(uint32_t Enum, const ast::Name &N);
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
