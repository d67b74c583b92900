// A JSON tokenizer that gives every token its line and column (llvm::json does not).
#ifndef CERTC_LEDGER_JSONLEXER_H
#define CERTC_LEDGER_JSONLEXER_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace certc::ledger::detail {

enum class JsonTok : uint8_t {
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  Colon,
  Comma,
  String,
  Number,
  True,
  False,
  Null,
  NonFinite, ///< NaN or Infinity: not JSON, but common enough to name precisely
  End,
  Invalid,
};

struct JsonToken {
  JsonTok Kind = JsonTok::End;
  /// String: the decoded contents, valid until the lexer decodes the next
  /// string with escapes. Number, NonFinite, Invalid: the source text.
  llvm::StringRef Text;
  /// Number: why a well-delimited number is not accepted (exponent, leading
  /// zero), or null. Invalid: why the text is not JSON. Static strings.
  const char *Problem = nullptr;
  const char *Begin = nullptr; ///< start in the buffer, for rewinding
  uint32_t Line = 0, Col = 0;  ///< 1-based; Invalid: where the problem is
};

class JsonLexer {
public:
  /// Buffer must stay alive while tokens are used; a leading UTF-8 byte order
  /// mark is skipped.
  explicit JsonLexer(llvm::StringRef Buffer);
  /// Starts at byte Offset of Buffer, which is at Line and Col (a part of a
  /// ledger read on its own; see JsonLedgerPart).
  JsonLexer(llvm::StringRef Buffer, uint32_t Offset, uint32_t Line, uint32_t Col);

  /// Lexes the next token into T. Filling the caller's token in place, rather
  /// than returning one, avoids store-forwarding stalls that once cost a third
  /// of the reader's time.
  void next(JsonToken &T);
  /// Continues lexing at T, which this lexer returned earlier (used to look
  /// ahead within an object and come back).
  void rewindTo(const JsonToken &T);
  /// Skips blanks and the `:` after a key when it comes next, without making
  /// a token of it (every key is followed by one); false when something else
  /// comes next, with only the blanks skipped.
  bool skipColon() {
    skipBlanks();
    if (P == End || *P != ':')
      return false;
    ++P;
    return true;
  }

private:
  void skipBlanks() {
    for (; P != End; ++P) {
      if (*P == '\n') {
        ++Line;
        LineStart = P + 1;
      } else if (*P != ' ' && *P != '\t' && *P != '\r') {
        break;
      }
    }
  }
  void lexString(JsonToken &T);
  void lexNumber(JsonToken &T);
  void lexWord(JsonToken &T);
  void invalid(JsonToken &T, const char *At, const char *Why);

  const char *P;
  const char *End;
  const char *LineStart;
  uint32_t Line = 1;
  std::string Scratch; ///< decoded strings that contain escapes
};

} // namespace certc::ledger::detail

#endif
