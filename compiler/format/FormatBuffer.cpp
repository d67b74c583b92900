// Formats one buffer and proves the layout kept every token and comment, by
// parsing the result again.
#include "format/Format.h"

#include "llvm/Support/MemoryBuffer.h"

namespace certc {

std::string compareTokens(const SyntaxTree &Before, const SyntaxTree &After) {
  size_t Common = std::min(Before.Tokens.size(), After.Tokens.size());
  for (size_t I = 0; I < Common; ++I) {
    const SyntaxToken &B = Before.Tokens[I], &A = After.Tokens[I];
    if (B.IsComment != A.IsComment || B.Text.rtrim() != A.Text.rtrim())
      return "token " + std::to_string(I + 1) + " (line " + std::to_string(B.Line) + ") `" + B.Text.str() +
             "` became `" + A.Text.str() + "`";
  }
  if (Before.Tokens.size() != After.Tokens.size())
    return std::to_string(Before.Tokens.size()) + " tokens became " + std::to_string(After.Tokens.size());
  return "";
}

FormatResult formatBuffer(unsigned BufferId, DiagnosticEngine &Diags) {
  FormatResult Result;
  std::optional<SyntaxTree> Tree = parseSyntaxTree(BufferId, Diags);
  if (!Tree)
    return Result;
  Result.Text = formatSyntaxTree(*Tree);
  // The layout is parsed in an engine of its own: a failure here is the
  // formatter's, not the file's, and must not read as an error in the file.
  llvm::SourceMgr LayoutSources;
  DiagnosticEngine LayoutDiags(LayoutSources);
  std::string Name = Diags.sourceMgr().getMemoryBuffer(BufferId)->getBufferIdentifier().str();
  unsigned LayoutId =
      LayoutSources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(Result.Text, Name), llvm::SMLoc());
  std::optional<SyntaxTree> Reparsed = parseSyntaxTree(LayoutId, LayoutDiags);
  std::string Difference = Reparsed ? compareTokens(*Tree, *Reparsed) : "the layout does not parse";
  if (!Difference.empty()) {
    Result.Result = FormatResult::Outcome::LayoutChangedTokens;
    Result.Text = std::move(Difference);
    return Result;
  }
  Result.Result = FormatResult::Outcome::Formatted;
  return Result;
}

} // namespace certc
