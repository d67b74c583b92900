// The JSON exceptions file: an array of flat objects, read with the ledger's
// positioned lexer so that every error names its line and column.
#include "exceptions/Record.h"

#include "ledger/JsonLedgerReader.h"
#include "ledger/JsonLexer.h"

namespace certc::exceptions {

namespace {
using ledger::detail::JsonTok;
using ledger::detail::JsonToken;

/// Exceptions files are flat; nesting beyond this is not an exceptions file.
constexpr unsigned MaxDepth = 32;

class JsonExceptionsReader {
public:
  JsonExceptionsReader(const ir::Policy &P, llvm::StringRef FileName, llvm::StringRef Text, ExceptionsFile &Out)
      : P(P), FileName(FileName), Lex(Text), Out(Out) {}

  void read() {
    advance();
    if (Tok.Kind != JsonTok::LBracket)
      return syntax("an array of exceptions `[{...}, ...]`");
    advance();
    if (Tok.Kind == JsonTok::RBracket)
      return finish();
    for (size_t Number = 1;; ++Number) {
      if (!readRecord(Number))
        return;
      if (Tok.Kind == JsonTok::RBracket)
        return finish();
      if (Tok.Kind != JsonTok::Comma)
        return syntax("`,` or `]` after an exception");
      advance();
    }
  }

private:
  void advance() { Lex.next(Tok); }

  void finish() {
    advance();
    if (Tok.Kind != JsonTok::End)
      syntax("the end of the file after the array");
  }

  void syntax(llvm::StringRef Expected) {
    std::string Message = Tok.Kind == JsonTok::Invalid
                              ? std::string(Tok.Problem)
                              : "expected " + Expected.str() + ", found " + ledger::detail::describe(Tok);
    ledger::detail::JsonPlace At = Lex.place(Tok);
    detail::fileError(Out, FileName, At.Line, At.Col, Message + "; no member is audited with this file");
  }

  bool readRecord(size_t Number) {
    if (Tok.Kind != JsonTok::LBrace)
      return syntax("an exception object `{...}`"), false;
    detail::Record R;
    R.Number = Number;
    ledger::detail::JsonPlace At = Lex.place(Tok);
    R.Line = At.Line;
    R.Col = At.Col;
    advance();
    while (Tok.Kind != JsonTok::RBrace) {
      if (!R.Fields.empty()) {
        if (Tok.Kind != JsonTok::Comma)
          return syntax("`,` or `}` in an exception"), false;
        advance();
      }
      if (Tok.Kind != JsonTok::String)
        return syntax("a field name in double quotes"), false;
      detail::RecordField F;
      F.Name = Tok.Text.str();
      advance();
      if (Tok.Kind != JsonTok::Colon)
        return syntax("`:` after the field name"), false;
      advance();
      if (!readValue(F))
        return false;
      R.Fields.push_back(std::move(F));
    }
    advance();
    detail::decodeRecord(P, FileName, R, Out);
    return true;
  }

  bool readValue(detail::RecordField &F) {
    ledger::detail::JsonPlace At = Lex.place(Tok);
    F.Line = At.Line;
    F.Col = At.Col;
    switch (Tok.Kind) {
    case JsonTok::String:
      F.Text = Tok.Text.str();
      break;
    case JsonTok::Number:
      if (Tok.Problem)
        F.WrongType = "the number " + Tok.Text.str() + " (" + Tok.Problem + ")";
      F.Text = Tok.Text.str();
      F.IsNumber = true;
      break;
    case JsonTok::True:
    case JsonTok::False:
    case JsonTok::Null:
    case JsonTok::NonFinite:
      F.WrongType = ledger::detail::describe(Tok);
      break;
    case JsonTok::LBrace:
    case JsonTok::LBracket:
      F.WrongType = ledger::detail::describe(Tok);
      return skipValue(0);
    default:
      return syntax("a value"), false;
    }
    advance();
    return true;
  }

  /// Skips the array or object at Tok (a wrong value, reported by the decoder).
  bool skipValue(unsigned Depth) {
    if (Depth > MaxDepth)
      return syntax("at most " + std::to_string(MaxDepth) + " nested arrays and objects"), false;
    JsonTok Close = Tok.Kind == JsonTok::LBrace ? JsonTok::RBrace : JsonTok::RBracket;
    advance();
    while (Tok.Kind != Close) {
      if (Tok.Kind == JsonTok::End || Tok.Kind == JsonTok::Invalid)
        return syntax("the end of the array or object"), false;
      if (Tok.Kind == JsonTok::LBrace || Tok.Kind == JsonTok::LBracket) {
        if (!skipValue(Depth + 1))
          return false;
        continue;
      }
      advance();
    }
    advance();
    return true;
  }

  const ir::Policy &P;
  llvm::StringRef FileName;
  ledger::detail::JsonLexer Lex;
  JsonToken Tok;
  ExceptionsFile &Out;
};
} // namespace

ExceptionsFile readExceptionsJson(const ir::Policy &P, llvm::StringRef FileName, llvm::StringRef Text) {
  ExceptionsFile Out;
  JsonExceptionsReader(P, FileName, Text, Out).read();
  Out.groupByMember();
  return Out;
}

} // namespace certc::exceptions
