// Syntax errors in the committee's language: ANTLR's recovery, with every
// error worded by certc (what was found, what the construct needs, a likely
// fix) and never a grammar token name. Private to compiler/parse.
#ifndef CERTC_PARSE_SYNTAXERRORS_H
#define CERTC_PARSE_SYNTAXERRORS_H

#include "diag/Diagnostics.h"
#include "parse/SourcePositions.h"

#include "parse/Antlr.h"

namespace certc {

/// ANTLR's default recovery (single-token insertion and deletion, resync),
/// reporting each error as E0001 in words (docs/diagnostics.md#e0001).
class CommitteeErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  CommitteeErrorStrategy(DiagnosticEngine &Diags, const SourcePositions &Pos) : Diags(Diags), Pos(Pos) {}

protected:
  void reportNoViableAlternative(antlr4::Parser *P, const antlr4::NoViableAltException &E) override;
  void reportInputMismatch(antlr4::Parser *P, const antlr4::InputMismatchException &E) override;
  void reportFailedPredicate(antlr4::Parser *P, const antlr4::FailedPredicateException &E) override;
  void reportUnwantedToken(antlr4::Parser *P) override;
  void reportMissingToken(antlr4::Parser *P) override;

private:
  /// Reports the error at Found, given what the parser expected there.
  void explain(antlr4::Parser *P, antlr4::Token *Found);

  DiagnosticEngine &Diags;
  const SourcePositions &Pos;
};

} // namespace certc

#endif
