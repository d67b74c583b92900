// Syntax errors in the committee's language (SyntaxErrors.h). Each message
// names what was found in words, says what the construct needs, with an
// example for the common mistakes, and never lists grammar tokens.
#include "parse/SyntaxErrors.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

namespace certc {

namespace {
using antlr4::Token;

/// The keyword a literal token type stands for (`of`, `.`), or "" for the
/// token types that are not literals (names, texts, numbers, dates).
std::string literalOf(antlr4::Parser *P, size_t Type) {
  std::string Literal = P->getVocabulary().getLiteralName(Type);
  if (Literal.size() >= 2 && Literal.front() == '\'' && Literal.back() == '\'')
    return Literal.substr(1, Literal.size() - 2);
  return "";
}

bool isWord(llvm::StringRef Text) { return !Text.empty() && llvm::all_of(Text, llvm::isAlpha); }

/// A token's text for a message, shortened and without control characters.
std::string shown(const std::string &Text) {
  std::string Out = Text.size() > 40 ? Text.substr(0, 37) + "..." : Text;
  for (char &C : Out)
    if (static_cast<unsigned char>(C) < 0x20)
      C = ' ';
  return Out;
}

/// "the word `of`", "the name `Educaton`", "the end of the file", ...
std::string foundWords(antlr4::Parser *P, Token *T) {
  size_t Type = T->getType();
  std::string Text = shown(T->getText());
  switch (Type) {
  case Token::EOF: return "the end of the file";
  case CertLexer::ID: return "the name `" + Text + "`";
  case CertLexer::STRING: return "the text " + Text;
  case CertLexer::UNCLOSED_TEXT: return "a text with no closing quote";
  case CertLexer::NUMBER:
  case CertLexer::FRACTION: return "the number `" + Text + "`";
  case CertLexer::DATE: return "the date `" + Text + "`";
  case CertLexer::STRAY: return "the character `" + Text + "`";
  default: break;
  }
  std::string Literal = literalOf(P, Type);
  return isWord(Literal) ? "the word `" + Literal + "`" : "`" + Literal + "`";
}

/// What an expected token is, in words; several token types share one text.
std::string expectedWords(antlr4::Parser *P, size_t Type) {
  switch (Type) {
  case Token::EOF: return "the end of the file";
  case CertLexer::ID: return "a name";
  case CertLexer::STRING: return "a text in quotes";
  case CertLexer::NUMBER:
  case CertLexer::FRACTION: return "a number (`60`, `7.5`, `1/2`)";
  case CertLexer::DATE: return "a date (`2024-01-01`)";
  default: return "`" + literalOf(P, Type) + "`";
  }
}

/// The construct being written, from the innermost rule that names one.
std::string constructOf(const std::vector<std::string> &Stack) {
  static const std::pair<const char *, const char *> Names[] = {
      {"policyHeader", "the policy header"},    {"importDecl", "an import"},
      {"sourceDecl", "a source"},               {"unitDecl", "a unit"},
      {"enumDecl", "an enumeration"},           {"designationDecl", "a designation"},
      {"fieldDecl", "a field"},                 {"memberDecl", "the member's fields"},
      {"activityDecl", "an activity kind"},     {"commonFieldsDecl", "the fields of every activity"},
      {"categoryDecl", "a category"},           {"requirementDecl", "a requirement"},
      {"spillDecl", "an `excess` statement"},   {"prerequisiteDecl", "a prerequisite"},
      {"compliancePeriodDecl", "a compliance period"}, {"everyItemDecl", "an `every item` statement"},
      {"cite", "a citation"},                   {"condition", "a condition"},
      {"groupDecl", "a group"},                 {"ruleDecl", "a rule"},
  };
  for (const std::string &Rule : Stack)
    for (const auto &[Grammar, Words] : Names)
      if (Rule == Grammar)
        return Words;
  return "a statement";
}

bool contains(const std::vector<std::string> &Stack, llvm::StringRef Rule) { return llvm::is_contained(Stack, Rule); }

/// Words that start a declaration: a statement before them lacks its full stop.
bool startsDeclaration(llvm::StringRef Word) {
  static const llvm::StringSet<> Starts = {"policy", "import", "source", "unit", "enum", "designation", "member",
                                           "activity", "every", "category", "requirement", "excess", "prerequisite",
                                           "compliance", "group", "rule"};
  return Starts.count(Word);
}

/// The readers of a category name: after these a name may be several words.
bool introducesCategory(llvm::StringRef Word, const std::vector<std::string> &Stack) {
  if (Word == "category" || Word == "excess" || Word == "toward" || Word == "into")
    return true;
  if (Word == ":" || Word == "+")
    return contains(Stack, "requirementDecl");
  return Word == "or" && contains(Stack, "ruleDecl");
}

/// Clause words that end a multi-word category name.
bool endsCategory(llvm::StringRef Word) {
  static const llvm::StringSet<> Ends = {"at", "or", "counts", "requires", "earns", "rounded", "into",
                                         "priority", "cite", "toward", "else"};
  return Ends.count(Word);
}

class Explainer {
public:
  Explainer(antlr4::Parser *P, Token *Found)
      : P(P), Tokens(*P->getTokenStream()), Found(Found), Stack(P->getRuleInvocationStack()),
        Expected(P->getExpectedTokens()) {}

  /// The message; Before is set when the error is best shown just after the
  /// previous token (a missing full stop).
  std::string message(bool &Before) {
    Before = false;
    size_t Type = Found->getType();
    std::string FoundLiteral = literalOf(P, Type);
    if (Type == CertLexer::UNCLOSED_TEXT)
      return "this text has no closing quote: a text ends with `\"` on the line where it starts";
    if (expects(".") && (Type == Token::EOF || startsDeclaration(FoundLiteral))) {
      Before = true;
      return "this statement has no full stop: end " + constructOf(Stack) + " with `.` before " +
             foundWords(P, Found);
    }
    if (isWord(FoundLiteral) && (Expected.contains(static_cast<size_t>(CertLexer::ID)) || afterCategoryWords()))
      return reservedWord(FoundLiteral);
    if (Type == Token::EOF && expects("}"))
      return "a block opened with `{` is never closed: end it with `}`";
    if (Type == CertLexer::ID)
      if (std::string Meant = closestKeyword(Found->getText()); !Meant.empty())
        return "`" + shown(Found->getText()) + "` is not a word of the .cert language; did you mean `" + Meant +
               "`?";
    if (contains(Stack, "requirementDecl") && expects("at"))
      return "a requirement needs `at least` and an amount after its categories: "
             "`requirement education: Education at least 60 points.`; found " +
             foundWords(P, Found);
    if (expects("else"))
      return "a condition needs `else` and the reason members read when it fails: "
             "`requires documented else \"no supporting documentation\"`; found " +
             foundWords(P, Found);
    if (Expected.contains(static_cast<size_t>(CertLexer::STRING)) && previousText() == "else")
      return "after `else` comes the reason members read, in quotes: `else \"no supporting documentation\"`; "
             "found " +
             foundWords(P, Found);
    return "found " + foundWords(P, Found) + expectation();
  }

  /// "needs `at least`, `.` or a name": what may come here, each said once;
  /// for a long list, how the construct goes on.
  std::string expectation() const {
    std::vector<std::string> Words;
    for (size_t Type : Expected.toList()) {
      std::string Text = expectedWords(P, Type);
      if (!llvm::is_contained(Words, Text))
        Words.push_back(Text);
    }
    if (Words.size() > 6 || Words.empty())
      return ", which cannot come here in " + constructOf(Stack) + ": " + howItGoesOn();
    std::string Out = " where " + constructOf(Stack) + " needs ";
    for (size_t I = 0; I < Words.size(); ++I)
      Out += (I == 0 ? "" : I + 1 == Words.size() ? " or " : ", ") + Words[I];
    return Out;
  }

  std::string howItGoesOn() const {
    if (contains(Stack, "ruleDecl") && !contains(Stack, "expr"))
      return "a rule's clauses are `requires ... else`, `earns`, `rounded`, `into`, `at most`, `priority` and "
             "`cite`, and it ends with `.`";
    if (contains(Stack, "expr"))
      return "a condition compares a field with a value (`hours at least 4 hours`, `level = cmc`), joined by "
             "`and`, `or` and `not`";
    if (contains(Stack, "policyHeader"))
      return "the header's clauses are `for`, `edition`, `effective`, `source`, `supersedes`, `governed by` and "
             "`verdict`, and it ends with `.`";
    return "a statement starts with a word such as `category`, `requirement`, `prerequisite`, `rule` or `group`";
  }

  /// The on-channel token just before Found, or null.
  Token *previous() const { return before(1); }

private:
  bool expects(llvm::StringRef Literal) const {
    for (size_t Type : Expected.toList())
      if (Type != Token::EOF && literalOf(P, Type) == Literal)
        return true;
    return false;
  }

  /// The on-channel token Offset tokens before Found (1: the one just before), or null.
  Token *before(size_t Offset) const {
    size_t Seen = 0;
    for (size_t I = Found->getTokenIndex(); I-- > 0;) {
      Token *T = Tokens.get(I);
      if (T->getChannel() != Token::DEFAULT_CHANNEL)
        continue;
      if (++Seen == Offset)
        return T;
    }
    return nullptr;
  }
  std::string previousText() const {
    Token *T = before(1);
    return T ? T->getText() : "";
  }

  /// Whether Found follows the words of a category name (`category Ways of`).
  bool afterCategoryWords() const {
    size_t Offset = 1;
    while (Token *T = before(Offset)) {
      if (T->getType() != CertLexer::ID)
        return Offset > 1 && introducesCategory(T->getText(), Stack);
      ++Offset;
    }
    return false;
  }

  std::string reservedWord(const std::string &Word) const {
    std::string Message = "the word `" + Word + "` is reserved in .cert";
    size_t Offset = 1;
    for (Token *T = before(Offset); T && T->getType() == CertLexer::ID; T = before(Offset))
      ++Offset;
    Token *Introducer = before(Offset);
    if (!Introducer || !introducesCategory(Introducer->getText(), Stack))
      return Message + " and cannot be a name here; choose another name (`" + Word + "_x`)";
    // The whole name as written, the reserved word included: it goes in quotes.
    std::string Phrase;
    for (size_t I = Introducer->getTokenIndex() + 1; I < Tokens.size(); ++I) {
      Token *T = Tokens.get(I);
      if (T->getChannel() != Token::DEFAULT_CHANNEL)
        continue;
      std::string Text = T->getText();
      bool Name = T->getType() == CertLexer::ID || (isWord(literalOf(P, T->getType())) && !endsCategory(Text));
      if (!Name && !(T == Found))
        break;
      Phrase += (Phrase.empty() ? "" : " ") + Text;
    }
    return Message + "; write the name in quotes: \"" + shown(Phrase) + "\"";
  }

  /// The expected keyword, or declaration word, nearest to a misspelt name.
  std::string closestKeyword(llvm::StringRef Written) const {
    std::vector<std::string> Candidates;
    for (size_t Type : Expected.toList())
      if (std::string Literal = literalOf(P, Type); isWord(Literal))
        Candidates.push_back(Literal);
    // One slip in a short word, two (a swap of letters) in a longer one.
    std::string Best;
    unsigned BestDistance = Written.size() >= 4 ? 3 : 2;
    for (const std::string &Candidate : Candidates) {
      unsigned Distance = llvm::StringRef(Written.lower()).edit_distance(Candidate);
      if (Distance > 0 && Distance < BestDistance) {
        Best = Candidate;
        BestDistance = Distance;
      }
    }
    return Best;
  }

  antlr4::Parser *P;
  antlr4::TokenStream &Tokens;
  Token *Found;
  std::vector<std::string> Stack;
  antlr4::misc::IntervalSet Expected;
};
} // namespace

void CommitteeErrorStrategy::explain(antlr4::Parser *P, Token *Found) {
  bool Before = false;
  Explainer Explain(P, Found);
  std::string Message = Explain.message(Before);
  llvm::SMRange Range;
  Token *Previous = Explain.previous();
  if (Before && Previous) {
    llvm::SMLoc After = Pos.at(Previous->getStopIndex() + 1);
    Range = {After, After};
  } else if (Found->getType() != Token::EOF) {
    Range = Pos.range(Found->getStartIndex(), Found->getStopIndex());
  } else {
    Range = Pos.range(Found->getStartIndex(), Found->getStartIndex());
  }
  Diags.report(diag::SyntaxError, Range, "syntax error: " + Message);
}

void CommitteeErrorStrategy::reportNoViableAlternative(antlr4::Parser *P, const antlr4::NoViableAltException &E) {
  explain(P, E.getOffendingToken());
}

void CommitteeErrorStrategy::reportInputMismatch(antlr4::Parser *P, const antlr4::InputMismatchException &E) {
  explain(P, E.getOffendingToken());
}

void CommitteeErrorStrategy::reportFailedPredicate(antlr4::Parser *P, const antlr4::FailedPredicateException &E) {
  explain(P, E.getOffendingToken());
}

void CommitteeErrorStrategy::reportUnwantedToken(antlr4::Parser *P) {
  if (inErrorRecoveryMode(P))
    return;
  beginErrorCondition(P);
  explain(P, P->getCurrentToken());
}

void CommitteeErrorStrategy::reportMissingToken(antlr4::Parser *P) {
  if (inErrorRecoveryMode(P))
    return;
  beginErrorCondition(P);
  explain(P, P->getCurrentToken());
}

} // namespace certc
