// The layout rules of `certc fmt`. They read grammar rule names, not constructs:
// a declaration (any alternative of `decl` or `groupMember`) starts a line at
// its nesting depth; a clause (one of ClauseRules) starts a line one step in; a
// `{` owned by a declaration opens a block; everything else flows on the line,
// broken before `else`, `or`, `and` or after `,` when longer than the width.
// A construct added to the grammar lays out by these rules without a change here.
#include "format/Format.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

#include <cctype>
#include <climits>

namespace certc {

namespace {
constexpr unsigned IndentStep = 2;
/// Continuation lines of a long clause sit two steps inside their declaration,
/// one step past its clauses.
constexpr unsigned ContinuationSteps = 2;

/// Rules whose every application starts a line, one step inside its declaration.
bool isClauseRule(llvm::StringRef Rule) {
  static const llvm::StringSet<> Clauses = {"ruleClause", "headerClause", "cite",      "condition",
                                             "countedPart", "fieldDecl",    "proRating", "requirementScope"};
  return Clauses.contains(Rule);
}

/// Rules whose children are declarations.
bool holdsDeclarations(llvm::StringRef Rule) { return Rule == "decl" || Rule == "groupMember"; }

enum class Role { Inline, LineStart, BlockOpen, BlockClose };

/// One output line before line breaking: tokens, or an own-line comment.
struct Unit {
  std::vector<uint32_t> Tokens;
  llvm::StringRef OwnLineComment; ///< set for a comment on a line of its own
  llvm::StringRef TrailingComment;
  unsigned Indent = 0;
  unsigned ContinuationIndent = 0;
  bool BlankBefore = false;  ///< the source had an empty line before it (kept for line starts)
  bool StartsBlockClose = false;
  bool EndsBlockOpen = false;
};

class Layout {
public:
  explicit Layout(const SyntaxTree &Tree) : Tree(Tree) { indexNodes(); }

  std::string run() {
    buildUnits();
    placeOwnLineComments();
    std::string Out;
    bool AfterBlockOpen = true; // no empty line at the start of the file
    for (const Unit &U : Units) {
      if (U.BlankBefore && !AfterBlockOpen && !U.StartsBlockClose)
        Out += "\n";
      if (!U.OwnLineComment.empty())
        appendLine(Out, U.Indent, U.OwnLineComment.str());
      else
        emitTokens(Out, U);
      AfterBlockOpen = U.EndsBlockOpen;
    }
    return Out;
  }

private:
  // --- The tree: which tokens start declarations, clauses and blocks.

  void indexNodes() {
    size_t N = Tree.Nodes.size();
    IsDeclaration.assign(N, false);
    DeclarationOf.assign(N, NoSyntaxNode);
    Depth.assign(N, 0);
    for (uint32_t Id = 0; Id < N; ++Id) { // parents come before children
      const SyntaxNode &Node = Tree.Nodes[Id];
      uint32_t Parent = Node.Parent;
      IsDeclaration[Id] = Parent != NoSyntaxNode && holdsDeclarations(Tree.Nodes[Parent].Rule);
      uint32_t Enclosing = Parent == NoSyntaxNode ? NoSyntaxNode : DeclarationOf[Parent];
      DeclarationOf[Id] = IsDeclaration[Id] ? Id : Enclosing;
      if (IsDeclaration[Id] && Enclosing != NoSyntaxNode)
        Depth[Id] = Depth[Enclosing] + 1;
    }
  }

  unsigned declarationIndent(uint32_t Node) const {
    uint32_t Decl = Node == NoSyntaxNode ? NoSyntaxNode : DeclarationOf[Node];
    return Decl == NoSyntaxNode ? 0 : Depth[Decl] * IndentStep;
  }

  unsigned continuationIndent(uint32_t Token) const {
    return declarationIndent(Tree.Tokens[Token].Parent) + ContinuationSteps * IndentStep;
  }

  /// A brace owned by a declaration delimits a block of declarations or fields;
  /// other braces ({full, retired}) are inline.
  bool isBlockBrace(uint32_t Token) const {
    const SyntaxToken &T = Tree.Tokens[Token];
    return (T.Text == "{" || T.Text == "}") && IsDeclaration[T.Parent];
  }

  /// The role of a token and, for a line start, its indentation.
  Role roleOf(uint32_t Token, unsigned &Indent) const {
    const SyntaxToken &T = Tree.Tokens[Token];
    if (isBlockBrace(Token)) {
      Indent = declarationIndent(T.Parent);
      return T.Text == "{" ? Role::BlockOpen : Role::BlockClose;
    }
    bool StartsClause = false;
    for (uint32_t Node = T.Parent; Node != NoSyntaxNode && Tree.Nodes[Node].FirstToken == Token;
         Node = Tree.Nodes[Node].Parent) {
      if (IsDeclaration[Node]) {
        Indent = declarationIndent(Node);
        return Role::LineStart;
      }
      StartsClause |= isClauseRule(Tree.Nodes[Node].Rule);
    }
    if (!StartsClause)
      return Role::Inline;
    Indent = declarationIndent(T.Parent) + IndentStep;
    return Role::LineStart;
  }

  // --- Units: the lines before breaking.

  void buildUnits() {
    bool Open = false; // whether the last unit still takes tokens
    unsigned PreviousLine = 0;
    for (uint32_t I = 0; I < Tree.Tokens.size(); ++I) {
      const SyntaxToken &T = Tree.Tokens[I];
      bool Blank = PreviousLine != 0 && T.Line > PreviousLine + 1;
      bool SameLine = PreviousLine == T.Line;
      PreviousLine = T.Line;
      if (T.IsComment) {
        llvm::StringRef Text = T.Text.rtrim();
        // Comments run to the end of their line, so a comment on the line of
        // the previous token follows that token.
        if (SameLine && !Units.empty() && Units.back().OwnLineComment.empty()) {
          Units.back().TrailingComment = Text;
        } else {
          Units.emplace_back();
          Units.back().OwnLineComment = Text;
          Units.back().BlankBefore = Blank;
        }
        Open = false; // what follows a comment starts a line
        continue;
      }
      unsigned Indent = 0;
      Role R = roleOf(I, Indent);
      if (R == Role::LineStart || R == Role::BlockClose || !Open) {
        Units.emplace_back();
        Unit &U = Units.back();
        bool Continues = R == Role::Inline || R == Role::BlockOpen;
        U.Indent = Continues ? continuationIndent(I) : Indent;
        U.BlankBefore = Blank && !Continues;
        U.StartsBlockClose = R == Role::BlockClose;
      }
      Units.back().Tokens.push_back(I);
      Units.back().ContinuationIndent = continuationIndent(I);
      Open = R != Role::BlockOpen && R != Role::BlockClose;
      Units.back().EndsBlockOpen = R == Role::BlockOpen;
    }
  }

  /// A comment on a line of its own takes the indentation of the line it
  /// introduces: the next line, or a block's contents before its `}`.
  void placeOwnLineComments() {
    unsigned NextIndent = 0;
    for (Unit &U : llvm::reverse(Units)) {
      if (!U.OwnLineComment.empty())
        U.Indent = NextIndent;
      else
        NextIndent = U.StartsBlockClose ? U.Indent + IndentStep : U.Indent;
    }
  }

  // --- Emitting: spacing and line breaks.

  /// Whether a space separates two adjacent tokens on a line.
  bool spaceBetween(uint32_t Left, uint32_t Right) const {
    llvm::StringRef L = Tree.Tokens[Left].Text, R = Tree.Tokens[Right].Text;
    if (R == "," || R == "." || R == ":" || R == ")" || L == "(")
      return false;
    if ((L == "{" && !isBlockBrace(Left)) || (R == "}" && !isBlockBrace(Right)))
      return false;
    // An ordinal is one word: `every 3rd period`. Its number is the only
    // token `requirementScope` holds directly that starts with a digit.
    if (!L.empty() && std::isdigit(static_cast<unsigned char>(L[0])) &&
        Tree.Nodes[Tree.Tokens[Left].Parent].Rule == "requirementScope")
      return false;
    // A `.` inside a rule (member.region) joins; one that ends it terminates.
    if (L == "." && Tree.Nodes[Tree.Tokens[Left].Parent].EndToken != Left + 1)
      return false;
    return true;
  }

  size_t width(llvm::ArrayRef<uint32_t> Tokens) const {
    size_t W = 0;
    for (size_t I = 0; I < Tokens.size(); ++I)
      W += Tree.Tokens[Tokens[I]].Text.size() + (I && spaceBetween(Tokens[I - 1], Tokens[I]) ? 1 : 0);
    return W;
  }

  /// How much a line prefers to break before Tokens[At] (lower: more), or
  /// nullopt where it does not break: before `else`, then before `or` and
  /// `and` outside brackets first, then after a comma.
  std::optional<unsigned> breakRank(llvm::ArrayRef<uint32_t> Tokens, size_t At, unsigned BracketDepth) const {
    const SyntaxToken &Token = Tree.Tokens[Tokens[At]], &Before = Tree.Tokens[Tokens[At - 1]];
    if (Before.Text == ",")
      return 3 + 3 * BracketDepth;
    // A break goes between two phrases, never inside one: the word before
    // must end a phrase of its own (not `on` of `on or after`).
    if (Before.Parent == Token.Parent)
      return std::nullopt;
    llvm::StringRef Text = Token.Text;
    if (Text == "else")
      return 0;
    if (Text == "or")
      return 1 + 3 * BracketDepth;
    if (Text == "and")
      return 2 + 3 * BracketDepth;
    return std::nullopt;
  }

  /// Breaks a line longer than the width at its most preferred break points,
  /// filling lines greedily, then breaks the pieces still too long.
  void breakLine(llvm::ArrayRef<uint32_t> Tokens, unsigned Indent, unsigned Continuation,
                 std::vector<std::pair<unsigned, std::vector<uint32_t>>> &Lines) const {
    if (Indent + width(Tokens) <= FormatLineWidth) {
      Lines.emplace_back(Indent, Tokens.vec());
      return;
    }
    std::vector<std::pair<size_t, unsigned>> Candidates; // position, rank
    unsigned BracketDepth = 0;
    for (size_t I = 0; I < Tokens.size(); ++I) {
      llvm::StringRef Text = Tree.Tokens[Tokens[I]].Text;
      if (I > 0)
        if (std::optional<unsigned> Rank = breakRank(Tokens, I, BracketDepth))
          Candidates.emplace_back(I, *Rank);
      if (Text == "(" || Text == "{")
        ++BracketDepth;
      else if ((Text == ")" || Text == "}") && BracketDepth > 0)
        --BracketDepth;
    }
    if (Candidates.empty()) {
      Lines.emplace_back(Indent, Tokens.vec());
      return;
    }
    unsigned Best = UINT_MAX;
    for (auto [At, Rank] : Candidates)
      Best = std::min(Best, Rank);
    size_t LineStart = 0, SegmentStart = 0;
    bool First = true;
    auto Flush = [&](size_t End) {
      breakLine(Tokens.slice(LineStart, End - LineStart), First ? Indent : Continuation, Continuation, Lines);
      First = false;
      LineStart = End;
    };
    for (auto [At, Rank] : Candidates) {
      if (Rank != Best)
        continue;
      // The segment [SegmentStart, At) joins the line if the line still fits.
      unsigned LineIndent = First ? Indent : Continuation;
      if (SegmentStart > LineStart && LineIndent + width(Tokens.slice(LineStart, At - LineStart)) > FormatLineWidth)
        Flush(SegmentStart);
      SegmentStart = At;
    }
    unsigned LineIndent = First ? Indent : Continuation;
    if (SegmentStart > LineStart && LineIndent + width(Tokens.drop_front(LineStart)) > FormatLineWidth)
      Flush(SegmentStart);
    Flush(Tokens.size());
  }

  void emitTokens(std::string &Out, const Unit &U) const {
    std::vector<std::pair<unsigned, std::vector<uint32_t>>> Lines;
    breakLine(U.Tokens, U.Indent, U.ContinuationIndent, Lines);
    for (size_t L = 0; L < Lines.size(); ++L) {
      std::string Text;
      const std::vector<uint32_t> &Tokens = Lines[L].second;
      for (size_t I = 0; I < Tokens.size(); ++I) {
        if (I && spaceBetween(Tokens[I - 1], Tokens[I]))
          Text += ' ';
        Text += Tree.Tokens[Tokens[I]].Text;
      }
      if (L + 1 == Lines.size() && !U.TrailingComment.empty())
        Text += " " + U.TrailingComment.str();
      appendLine(Out, Lines[L].first, Text);
    }
  }

  static void appendLine(std::string &Out, unsigned Indent, const std::string &Text) {
    Out.append(Indent, ' ');
    Out += Text;
    Out += '\n';
  }

  const SyntaxTree &Tree;
  std::vector<bool> IsDeclaration;
  std::vector<uint32_t> DeclarationOf; ///< the innermost declaration containing a node
  std::vector<unsigned> Depth;         ///< of a declaration: how many declarations enclose it
  std::vector<Unit> Units;
};
} // namespace

std::string formatSyntaxTree(const SyntaxTree &Tree) { return Layout(Tree).run(); }

} // namespace certc
