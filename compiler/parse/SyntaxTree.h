// The concrete syntax of a .cert file, for tools that lay out text rather than
// read meaning (`certc fmt`): every token, comments included, and the grammar
// rules that contain them. The parse phase builds it; no ANTLR type leaks.
#ifndef CERTC_PARSE_SYNTAXTREE_H
#define CERTC_PARSE_SYNTAXTREE_H

#include "diag/Diagnostics.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace certc {

inline constexpr uint32_t NoSyntaxNode = UINT32_MAX;

struct SyntaxToken {
  llvm::StringRef Text; ///< a view into the parsed buffer (never spans a line)
  unsigned Line = 0;    ///< 1-based
  bool IsComment = false;
  /// The innermost grammar rule containing the token; NoSyntaxNode for comments,
  /// which the grammar does not place.
  uint32_t Parent = NoSyntaxNode;
};

/// One application of a grammar rule: its name as grammar/Cert.g4 spells it
/// ("ruleDecl", "ruleClause", "cite", ...) and the tokens it covers.
struct SyntaxNode {
  llvm::StringRef Rule;
  uint32_t Parent = NoSyntaxNode; ///< NoSyntaxNode for the root (`file`)
  uint32_t FirstToken = 0;        ///< index into SyntaxTree::Tokens
  uint32_t EndToken = 0;          ///< one past its last token
};

struct SyntaxTree {
  std::vector<SyntaxToken> Tokens; ///< source order, comments included, no end of file
  std::vector<SyntaxNode> Nodes;   ///< parents before children; Nodes[0] is the file
};

/// Parses buffer BufferId of the engine's SourceMgr as parseFile does (the same
/// input checks and syntax errors) and returns its syntax tree, or nullopt
/// when the text had errors.
std::optional<SyntaxTree> parseSyntaxTree(unsigned BufferId, DiagnosticEngine &Diags);

} // namespace certc

#endif
