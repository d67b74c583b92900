// The parse phase: .cert text to certc's AST. ANTLR is confined to this folder.
#ifndef CERTC_PARSE_PARSER_H
#define CERTC_PARSE_PARSER_H

#include "ast/AST.h"
#include "diag/Diagnostics.h"

#include <optional>

namespace certc {

/// Stated input limits; beyond them the parser reports E0016 instead of parsing.
inline constexpr size_t MaxPolicyFileBytes = 4 * 1024 * 1024;
inline constexpr unsigned MaxNestingDepth = 64;

/// Parses buffer BufferId of the engine's SourceMgr. Returns the AST, or nullopt
/// when the text had errors (every one is reported, with recovery).
std::optional<ast::File> parseFile(unsigned BufferId, DiagnosticEngine &Diags);

} // namespace certc

#endif
