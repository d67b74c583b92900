// `certc fmt` never changes what a file means and never loses a comment: every
// bundled policy and stdlib file, and every .cert file of the lit tests (which
// also seed the fuzzers' corpora), compiled before and after formatting.
#include "FormatText.h"
#include "support/CompileText.h"

#include "ir/IRJson.h"
#include "ir/Substance.h"
#include "parse/SyntaxTree.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

namespace certc {
namespace {

std::vector<std::string> bundledAndTestFiles() {
  std::vector<std::string> Files;
  for (const char *Folder : {"policies", "stdlib", "tests/lit"}) {
    std::error_code EC;
    std::string Root = std::string(CERTC_SOURCE_ROOT) + "/" + Folder;
    for (llvm::sys::fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC; It.increment(EC))
      if (llvm::sys::path::extension(It->path()) == ".cert")
        Files.push_back(It->path());
  }
  llvm::sort(Files);
  return Files;
}

std::string readText(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : "";
}

/// The comments of Text, in order, or nullopt when it does not parse.
std::optional<std::vector<std::string>> commentsOf(const std::string &Text) {
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  unsigned Id = SM.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "c.cert"), llvm::SMLoc());
  std::optional<SyntaxTree> Tree = parseSyntaxTree(Id, Diags);
  if (!Tree)
    return std::nullopt;
  std::vector<std::string> Comments;
  for (const SyntaxToken &T : Tree->Tokens)
    if (T.IsComment)
      Comments.push_back(T.Text.rtrim().str());
  return Comments;
}

TEST(FormatMeaning, CorpusIsFound) {
  std::vector<std::string> Files = bundledAndTestFiles();
  auto Has = [&](llvm::StringRef Suffix) { return llvm::any_of(Files, [&](auto &F) { return llvm::StringRef(F).endswith(Suffix); }); };
  EXPECT_TRUE(Has("policies/iimc/cmc.cert"));
  EXPECT_TRUE(Has("stdlib/ledger.cert"));
  EXPECT_GT(Files.size(), 100u);
}

TEST(FormatMeaning, SameIrSameDiagnosticsSameCommentsAndIdempotent) {
  unsigned Parsed = 0, Compiled = 0;
  for (const std::string &Path : bundledAndTestFiles()) {
    SCOPED_TRACE(Path);
    std::string Original = readText(Path);
    std::optional<std::string> Formatted = testsupport::formatText(Original);
    if (!Formatted)
      continue; // a syntax-error test: nothing to format
    ++Parsed;
    ASSERT_EQ(Formatted->rfind("LAYOUT CHANGED TOKENS", 0), std::string::npos) << *Formatted;
    EXPECT_EQ(testsupport::formatText(*Formatted), Formatted) << "not idempotent";
    EXPECT_EQ(commentsOf(*Formatted), commentsOf(Original)) << "comments differ";

    // Compiled as the same file, the two texts differ at most in positions.
    testsupport::Compiled Before = testsupport::compileTextAt(Path, Original);
    testsupport::Compiled After = testsupport::compileTextAt(Path, *Formatted);
    EXPECT_EQ(After.Codes, Before.Codes);
    EXPECT_EQ(After.Messages, Before.Messages);
    ASSERT_EQ(After.Policy.has_value(), Before.Policy.has_value());
    if (!Before.Policy)
      continue;
    ++Compiled;
    EXPECT_EQ(ir::writePolicyJson(ir::withoutSourcePositions(*After.Policy)),
              ir::writePolicyJson(ir::withoutSourcePositions(*Before.Policy)));
  }
  // The bundled policies and most lit tests take part.
  EXPECT_GT(Parsed, 100u);
  EXPECT_GE(Compiled, 5u);
}

} // namespace
} // namespace certc
