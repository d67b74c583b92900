// Walks ANTLR's parse tree once and builds certc's AST (the only reader of the tree).
#ifndef CERTC_PARSE_ASTBUILDER_H
#define CERTC_PARSE_ASTBUILDER_H

#include "ast/AST.h"
#include "diag/Diagnostics.h"
#include "parse/SourcePositions.h"

#include <optional>

namespace antlr4::tree {
class ParseTree;
}

namespace certc {

/// Tree must be a syntactically valid CertParser::FileContext. Reports invalid
/// literals (dates, numbers) and returns nullopt if there were any.
std::optional<ast::File> buildAst(antlr4::tree::ParseTree *Tree, const std::string &Path,
                                  unsigned BufferId, const SourcePositions &Pos,
                                  DiagnosticEngine &Diags);

} // namespace certc

#endif
