// Drives ANTLR: SLL prediction first, full LL with error recovery only when SLL
// fails, and every syntax error turned into a certc diagnostic. The tree becomes
// the AST (parseFile) or, for layout tools, a SyntaxTree (parseSyntaxTree).
#include "parse/Parser.h"
#include "parse/SyntaxTree.h"
#include "parse/AstBuilder.h"
#include "parse/InputCheck.h"
#include "parse/SourcePositions.h"
#include "parse/SyntaxErrors.h"

#include "parse/Antlr.h"

namespace certc {

namespace {
/// ANTLR's input stream silently drops a leading byte order mark, which would
/// shift every position after it by one character; the text given to it
/// (and to SourcePositions) starts after any instead.
llvm::StringRef withoutByteOrderMarks(llvm::StringRef Text) {
  while (Text.startswith("\xEF\xBB\xBF"))
    Text = Text.drop_front(3);
  return Text;
}

/// One parse of a buffer: the ANTLR objects live as long as the tree is read.
class ParseRun {
public:
  ParseRun(llvm::StringRef Buffer)
      : Text(withoutByteOrderMarks(Buffer)), Pos(Text), Input(Text.data(), Text.size()), Lexer(&Input),
        Tokens(&Lexer), Parser(&Tokens) {
    Lexer.removeErrorListeners();
    Parser.removeErrorListeners();
  }

  /// SLL with BailErrorStrategy first; only if that fails, full LL with error
  /// recovery and every error reported. Null when there were errors.
  CertParser::FileContext *parse(DiagnosticEngine &Diags) {
    Parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
    Parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      return Parser.file();
    } catch (antlr4::ParseCancellationException &) {
      // SLL could not decide or the text is wrong: rerun with full LL and report.
      // The strategy reports every error itself, in words (SyntaxErrors.h).
      unsigned ErrorsBefore = Diags.errorCount();
      Tokens.reset();
      Parser.reset();
      Parser.setErrorHandler(std::make_shared<CommitteeErrorStrategy>(Diags, Pos));
      Parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
          antlr4::atn::PredictionMode::LL);
      CertParser::FileContext *Tree = Parser.file();
      return Diags.errorCount() == ErrorsBefore ? Tree : nullptr;
    }
  }

  llvm::StringRef Text;
  SourcePositions Pos;
  antlr4::ANTLRInputStream Input;
  CertLexer Lexer;
  antlr4::CommonTokenStream Tokens;
  CertParser Parser;
};

/// Copies ANTLR's tree into a SyntaxTree: token indices are ANTLR's own (the
/// stream holds hidden-channel comments too), rule names the grammar's.
class SyntaxTreeBuilder {
public:
  SyntaxTreeBuilder(ParseRun &Run) : Run(Run) {}

  SyntaxTree build(CertParser::FileContext *Root) {
    for (antlr4::Token *T : Run.Tokens.getTokens()) {
      if (T->getType() == antlr4::Token::EOF)
        break;
      llvm::SMLoc Begin = Run.Pos.at(T->getStartIndex());
      llvm::SMLoc End = Run.Pos.at(T->getStopIndex() + 1);
      SyntaxToken Token;
      Token.Text = llvm::StringRef(Begin.getPointer(), End.getPointer() - Begin.getPointer());
      Token.Line = T->getLine();
      Token.IsComment = T->getType() == CertLexer::COMMENT;
      Tree.Tokens.push_back(Token);
    }
    addNode(Root, NoSyntaxNode);
    return std::move(Tree);
  }

private:
  void addNode(antlr4::ParserRuleContext *Context, uint32_t Parent) {
    uint32_t Id = Tree.Nodes.size();
    SyntaxNode Node;
    Node.Rule = Run.Parser.getRuleNames()[Context->getRuleIndex()];
    Node.Parent = Parent;
    Node.FirstToken = std::min<size_t>(Context->getStart()->getTokenIndex(), Tree.Tokens.size());
    // A rule that matched nothing (a file of comments) has its stop before its start.
    antlr4::Token *Stop = Context->getStop();
    Node.EndToken = Stop ? std::min<size_t>(Stop->getTokenIndex() + 1, Tree.Tokens.size()) : Node.FirstToken;
    Node.EndToken = std::max(Node.EndToken, Node.FirstToken);
    Tree.Nodes.push_back(Node);
    for (antlr4::tree::ParseTree *Child : Context->children) {
      if (auto *Rule = dynamic_cast<antlr4::ParserRuleContext *>(Child)) {
        addNode(Rule, Id);
        continue;
      }
      size_t Index = static_cast<antlr4::tree::TerminalNode *>(Child)->getSymbol()->getTokenIndex();
      if (Index < Tree.Tokens.size())
        Tree.Tokens[Index].Parent = Id;
    }
  }

  ParseRun &Run;
  SyntaxTree Tree;
};
} // namespace

std::optional<ast::File> parseFile(unsigned BufferId, DiagnosticEngine &Diags) {
  const llvm::MemoryBuffer *Buffer = Diags.sourceMgr().getMemoryBuffer(BufferId);
  if (!checkPolicyInput(Buffer->getBuffer(), Diags))
    return std::nullopt;
  ParseRun Run(Buffer->getBuffer());
  CertParser::FileContext *Tree = Run.parse(Diags);
  if (!Tree)
    return std::nullopt;
  return buildAst(Tree, Buffer->getBufferIdentifier().str(), BufferId, Run.Pos, Diags);
}

std::optional<SyntaxTree> parseSyntaxTree(unsigned BufferId, DiagnosticEngine &Diags) {
  llvm::StringRef Text = Diags.sourceMgr().getMemoryBuffer(BufferId)->getBuffer();
  if (!checkPolicyInput(Text, Diags))
    return std::nullopt;
  ParseRun Run(Text);
  CertParser::FileContext *Tree = Run.parse(Diags);
  if (!Tree)
    return std::nullopt;
  return SyntaxTreeBuilder(Run).build(Tree);
}

} // namespace certc
