// Drives ANTLR: SLL prediction first, full LL with error recovery only when SLL
// fails, and every syntax error turned into a certc diagnostic.
#include "parse/Parser.h"
#include "parse/AstBuilder.h"
#include "parse/InputCheck.h"
#include "parse/SourcePositions.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#include "CertLexer.h"
#include "CertParser.h"
#include "antlr4-runtime.h"
#pragma GCC diagnostic pop

namespace certc {

namespace {
/// Reports ANTLR's syntax errors as E0001 at the offending token.
class DiagnosticErrorListener : public antlr4::BaseErrorListener {
public:
  DiagnosticErrorListener(DiagnosticEngine &Diags, const SourcePositions &Pos)
      : Diags(Diags), Pos(Pos) {}

  void syntaxError(antlr4::Recognizer *, antlr4::Token *Offending, size_t Line,
                   size_t Col, const std::string &Msg, std::exception_ptr) override {
    llvm::SMRange Range;
    if (Offending && Offending->getType() != antlr4::Token::EOF)
      Range = Pos.range(Offending->getStartIndex(), Offending->getStopIndex());
    else if (Offending)
      Range = Pos.range(Offending->getStartIndex(), Offending->getStartIndex());
    Diags.report(diag::SyntaxError, Range, rephrase(Msg));
  }

private:
  // ANTLR's wording, made to read like the rest of certc's messages.
  static std::string rephrase(std::string Msg) {
    auto Replace = [&](const std::string &From, const std::string &To) {
      if (Msg.rfind(From, 0) == 0)
        Msg = To + Msg.substr(From.size());
    };
    Replace("mismatched input ", "unexpected ");
    Replace("extraneous input ", "unexpected ");
    Replace("no viable alternative at input ", "cannot parse ");
    for (size_t At = Msg.find("<EOF>"); At != std::string::npos; At = Msg.find("<EOF>"))
      Msg.replace(At, 5, "end of file");
    return "syntax error: " + Msg;
  }

  DiagnosticEngine &Diags;
  const SourcePositions &Pos;
};
} // namespace

std::optional<ast::File> parseFile(unsigned BufferId, DiagnosticEngine &Diags) {
  llvm::StringRef Text = Diags.sourceMgr().getMemoryBuffer(BufferId)->getBuffer();
  if (!checkPolicyInput(Text, Diags))
    return std::nullopt;

  SourcePositions Pos(Text);
  antlr4::ANTLRInputStream Input(Text.data(), Text.size());
  CertLexer Lexer(&Input);
  Lexer.removeErrorListeners();
  antlr4::CommonTokenStream Tokens(&Lexer);
  CertParser Parser(&Tokens);
  Parser.removeErrorListeners();

  CertParser::FileContext *Tree = nullptr;
  Parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  Parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    Tree = Parser.file();
  } catch (antlr4::ParseCancellationException &) {
    // SLL could not decide or the text is wrong: rerun with full LL and report.
    unsigned ErrorsBefore = Diags.errorCount();
    DiagnosticErrorListener Listener(Diags, Pos);
    Tokens.reset();
    Parser.reset();
    Parser.addErrorListener(&Listener);
    Parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    Parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    Tree = Parser.file();
    Parser.removeErrorListeners();
    if (Diags.errorCount() != ErrorsBefore)
      return std::nullopt;
  }

  std::string Path = Diags.sourceMgr().getMemoryBuffer(BufferId)->getBufferIdentifier().str();
  return buildAst(Tree, Path, BufferId, Pos, Diags);
}

} // namespace certc
