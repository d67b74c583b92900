// `certc fmt`: one canonical layout for .cert text, computed from the syntax
// tree and its tokens (comments included), never by editing the text.
#ifndef CERTC_FORMAT_FORMAT_H
#define CERTC_FORMAT_FORMAT_H

#include "diag/Diagnostics.h"
#include "parse/SyntaxTree.h"

#include <string>

namespace certc {

/// Lines are broken when longer than this, where the grammar allows.
inline constexpr unsigned FormatLineWidth = 100;

/// The canonical layout of a parsed file. The result holds the same tokens and
/// comments in the same order (see compareTokens), and formatting it again gives
/// it back unchanged.
std::string formatSyntaxTree(const SyntaxTree &Tree);

/// Empty when After holds Before's tokens and comments in the same order;
/// otherwise where they first differ, in words.
std::string compareTokens(const SyntaxTree &Before, const SyntaxTree &After);

struct FormatResult {
  enum class Outcome {
    Formatted,          ///< Text is the layout
    SyntaxErrors,       ///< the input does not parse; every error is in Diags
    LayoutChangedTokens ///< a formatter bug caught before any harm; Text says where
  };
  Outcome Result = Outcome::SyntaxErrors;
  std::string Text;
};

/// Formats buffer BufferId of Diags' SourceMgr and checks the layout by parsing
/// it again and comparing the tokens.
FormatResult formatBuffer(unsigned BufferId, DiagnosticEngine &Diags);

} // namespace certc

#endif
