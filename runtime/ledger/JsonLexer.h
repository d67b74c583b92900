// A JSON tokenizer whose tokens know their place: line and column on request (llvm::json has none).
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
  const char *Begin = nullptr; ///< start in the buffer, for rewinding and places
  /// Invalid: bytes from Begin to where the problem is.
  uint32_t ProblemOffset = 0;
};

/// A 1-based line and column (in bytes) in the lexer's buffer.
struct JsonPlace {
  uint32_t Line = 0, Col = 0;
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
  void rewindTo(const JsonToken &T) { P = T.Begin; }
  /// Where T is; for an Invalid token, where its problem is. Tokens carry no
  /// line and column because few are ever placed: tracking lines on every
  /// blank made lexing about 7% slower.
  JsonPlace place(const JsonToken &T) {
    return placeOf(T.Begin + (T.Kind == JsonTok::Invalid ? T.ProblemOffset : 0));
  }
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
    while (P != End && (*P == ' ' || *P == '\n' || *P == '\r' || *P == '\t'))
      ++P;
  }
  /// The line and column of At (between Origin and End), counted from the
  /// place last asked for, forwards or backwards: the reader asks in nearly
  /// increasing order, so each newline is counted about once.
  JsonPlace placeOf(const char *At);
  void lexString(JsonToken &T);
  void lexNumber(JsonToken &T);
  void lexWord(JsonToken &T);
  void invalid(JsonToken &T, const char *At, const char *Why);

  const char *P;
  const char *End;
  const char *Origin;         ///< where lexing started: no place before it is asked for
  const char *OriginLineStart; ///< the start of Origin's line (may be before Origin)
  const char *Counted;   ///< the place last asked for
  const char *LineStart; ///< the start of Counted's line
  uint32_t Line = 1;     ///< Counted's line
  std::string Scratch; ///< decoded strings that contain escapes
};

} // namespace certc::ledger::detail

#endif
