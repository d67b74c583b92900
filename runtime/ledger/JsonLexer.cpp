// JSON tokens with places (RFC 8259) and precise diagnoses of non-JSON numbers.
#include "ledger/JsonLexer.h"

#include "ledger/Utf8.h"

#include <cstring>

namespace certc::ledger::detail {

namespace {
bool isDigit(char C) { return C >= '0' && C <= '9'; }
bool isWordChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || isDigit(C) || C == '_';
}
int hexValue(char C) {
  if (isDigit(C))
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

// Bytes that end the fast scan of a string: the quote, escapes, control
// characters and the start of every multi-byte UTF-8 sequence.
struct StringStops {
  bool Stop[256] = {};
  constexpr StringStops() {
    for (int C = 0; C < 0x20; ++C)
      Stop[C] = true;
    Stop[static_cast<unsigned char>('"')] = true;
    Stop[static_cast<unsigned char>('\\')] = true;
    for (int C = 0x80; C < 256; ++C)
      Stop[C] = true;
  }
};
constexpr StringStops Stops;

void appendUtf8(std::string &Out, uint32_t CP) {
  if (CP < 0x80) {
    Out += static_cast<char>(CP);
  } else if (CP < 0x800) {
    Out += static_cast<char>(0xC0 | (CP >> 6));
    Out += static_cast<char>(0x80 | (CP & 0x3F));
  } else if (CP < 0x10000) {
    Out += static_cast<char>(0xE0 | (CP >> 12));
    Out += static_cast<char>(0x80 | ((CP >> 6) & 0x3F));
    Out += static_cast<char>(0x80 | (CP & 0x3F));
  } else {
    Out += static_cast<char>(0xF0 | (CP >> 18));
    Out += static_cast<char>(0x80 | ((CP >> 12) & 0x3F));
    Out += static_cast<char>(0x80 | ((CP >> 6) & 0x3F));
    Out += static_cast<char>(0x80 | (CP & 0x3F));
  }
}
} // namespace

JsonLexer::JsonLexer(llvm::StringRef Buffer)
    : P(Buffer.begin()), End(Buffer.end()), Origin(Buffer.begin()),
      OriginLineStart(Buffer.begin()), Counted(Buffer.begin()), LineStart(Buffer.begin()) {
  if (Buffer.startswith("\xEF\xBB\xBF"))
    P += 3;
}

JsonLexer::JsonLexer(llvm::StringRef Buffer, uint32_t Offset, uint32_t Line, uint32_t Col)
    : JsonLexer(Buffer) {
  if (Offset == 0)
    return;
  P = Origin = Counted = Buffer.begin() + Offset;
  this->Line = Line;
  OriginLineStart = LineStart = P - (Col - 1);
}

JsonPlace JsonLexer::placeOf(const char *At) {
  if (At >= Counted) {
    for (const char *NL; (NL = static_cast<const char *>(std::memchr(Counted, '\n', At - Counted)));
         Counted = NL + 1) {
      ++Line;
      LineStart = NL + 1;
    }
  } else if (At < LineStart) {
    for (const char *C = At; C != LineStart; ++C)
      Line -= *C == '\n';
    LineStart = OriginLineStart;
    for (const char *C = At; C != Origin; --C)
      if (C[-1] == '\n') {
        LineStart = C;
        break;
      }
  }
  Counted = At;
  return {Line, static_cast<uint32_t>(At - LineStart) + 1};
}

void JsonLexer::invalid(JsonToken &T, const char *At, const char *Why) {
  T.Kind = JsonTok::Invalid;
  T.Problem = Why;
  T.ProblemOffset = static_cast<uint32_t>(At - T.Begin);
}

void JsonLexer::next(JsonToken &T) {
  skipBlanks();
  T.Kind = JsonTok::End;
  T.Text = {};
  T.Problem = nullptr;
  T.Begin = P;
  if (P == End) {
    T.Kind = JsonTok::End;
    return;
  }
  JsonTok Single = JsonTok::Invalid;
  switch (*P) {
  case '{':
    Single = JsonTok::LBrace;
    break;
  case '}':
    Single = JsonTok::RBrace;
    break;
  case '[':
    Single = JsonTok::LBracket;
    break;
  case ']':
    Single = JsonTok::RBracket;
    break;
  case ':':
    Single = JsonTok::Colon;
    break;
  case ',':
    Single = JsonTok::Comma;
    break;
  case '"':
    lexString(T);
    return;
  default:
    break;
  }
  if (Single != JsonTok::Invalid) {
    T.Kind = Single;
    T.Text = llvm::StringRef(P, 1);
    ++P;
    return;
  }
  if (*P == '-' || isDigit(*P))
    lexNumber(T);
  else if (isWordChar(*P))
    lexWord(T);
  else {
    T.Text = llvm::StringRef(P, 1);
    invalid(T, P, "unexpected character");
    ++P;
  }
  return;
}

void JsonLexer::lexString(JsonToken &T) {
  const char *Start = ++P;
  // Fast path: plain ASCII without escapes is returned in place.
  while (P != End && !Stops.Stop[static_cast<unsigned char>(*P)])
    ++P;
  if (P != End && *P == '"') {
    T.Kind = JsonTok::String;
    T.Text = llvm::StringRef(Start, P - Start);
    ++P;
    return;
  }
  // Slow path: validate UTF-8 and decode escapes; copy only once an escape
  // makes the decoded text differ from the source.
  bool Copying = false;
  auto *UEnd = reinterpret_cast<const unsigned char *>(End);
  while (true) {
    if (P == End) {
      T.Text = llvm::StringRef(T.Begin, P - T.Begin);
      invalid(T, T.Begin, "unterminated string");
      return;
    }
    unsigned char C = static_cast<unsigned char>(*P);
    if (C == '"') {
      T.Kind = JsonTok::String;
      T.Text = Copying ? llvm::StringRef(Scratch) : llvm::StringRef(Start, P - Start);
      ++P;
      return;
    }
    if (C < 0x20) {
      invalid(T, P, C == '\n' ? "unterminated string (strings cannot span lines)"
                              : "control character in a string; write it as an escape "
                                "such as \\n or \\u0009");
      P = C == '\n' ? P : P + 1;
      return;
    }
    if (C >= 0x80) {
      size_t Len = utf8SequenceLength(reinterpret_cast<const unsigned char *>(P), UEnd);
      if (Len == 0) {
        invalid(T, P, "invalid UTF-8 in a string");
        ++P;
        return;
      }
      if (Copying)
        Scratch.append(P, Len);
      P += Len;
      continue;
    }
    if (C != '\\') {
      if (Copying)
        Scratch += static_cast<char>(C);
      ++P;
      continue;
    }
    if (!Copying) {
      Scratch.assign(Start, P - Start);
      Copying = true;
    }
    const char *Escape = P++;
    if (P == End) {
      invalid(T, Escape, "unterminated string");
      return;
    }
    char E = *P++;
    switch (E) {
    case '"': Scratch += '"'; break;
    case '\\': Scratch += '\\'; break;
    case '/': Scratch += '/'; break;
    case 'b': Scratch += '\b'; break;
    case 'f': Scratch += '\f'; break;
    case 'n': Scratch += '\n'; break;
    case 'r': Scratch += '\r'; break;
    case 't': Scratch += '\t'; break;
    case 'u': {
      auto Hex4 = [&](uint32_t &Out) {
        if (End - P < 4)
          return false;
        Out = 0;
        for (int I = 0; I < 4; ++I) {
          int H = hexValue(P[I]);
          if (H < 0)
            return false;
          Out = Out * 16 + static_cast<uint32_t>(H);
        }
        P += 4;
        return true;
      };
      uint32_t CP;
      if (!Hex4(CP)) {
        invalid(T, Escape, "invalid \\u escape; expected four hex digits");
        return;
      }
      if (CP >= 0xDC00 && CP <= 0xDFFF) {
        invalid(T, Escape, "unpaired UTF-16 surrogate in a \\u escape");
        return;
      }
      if (CP >= 0xD800 && CP <= 0xDBFF) {
        uint32_t Low;
        if (End - P < 2 || P[0] != '\\' || P[1] != 'u' || (P += 2, !Hex4(Low)) ||
            Low < 0xDC00 || Low > 0xDFFF) {
          invalid(T, Escape, "unpaired UTF-16 surrogate in a \\u escape");
          return;
        }
        CP = 0x10000 + ((CP - 0xD800) << 10) + (Low - 0xDC00);
      }
      appendUtf8(Scratch, CP);
      break;
    }
    default:
      invalid(T, Escape, "invalid escape in a string");
      return;
    }
  }
}

void JsonLexer::lexNumber(JsonToken &T) {
  const char *Start = P;
  if (*P == '-') {
    ++P;
    if (P != End && isWordChar(*P) && !isDigit(*P)) {
      lexWord(T); // -Infinity
      T.Begin = Start;
      T.Text = llvm::StringRef(Start, P - Start);
      return;
    }
    if (P == End || !isDigit(*P)) {
      T.Text = llvm::StringRef(Start, P - Start);
      invalid(T, Start, "`-` must be followed by digits");
      return;
    }
  }
  T.Kind = JsonTok::Number;
  if (*P == '0' && P + 1 != End && isDigit(P[1]))
    T.Problem = "leading zeros are not allowed in JSON numbers";
  while (P != End && isDigit(*P))
    ++P;
  if (P != End && *P == '.') {
    ++P;
    if (P == End || !isDigit(*P)) {
      T.Text = llvm::StringRef(Start, P - Start);
      invalid(T, Start, "a decimal point must be followed by digits");
      return;
    }
    while (P != End && isDigit(*P))
      ++P;
  }
  if (P != End && (*P == 'e' || *P == 'E')) {
    ++P;
    if (P != End && (*P == '+' || *P == '-'))
      ++P;
    if (P == End || !isDigit(*P)) {
      T.Text = llvm::StringRef(Start, P - Start);
      invalid(T, Start, "an exponent must have digits");
      return;
    }
    while (P != End && isDigit(*P))
      ++P;
    T.Problem = "exponent notation is not supported; write the number in plain "
                "decimal, such as 1500 instead of 1.5e3";
  }
  T.Text = llvm::StringRef(Start, P - Start);
}

void JsonLexer::lexWord(JsonToken &T) {
  const char *Start = P;
  while (P != End && isWordChar(*P))
    ++P;
  llvm::StringRef Word(Start, P - Start);
  T.Text = Word;
  if (Word == "true")
    T.Kind = JsonTok::True;
  else if (Word == "false")
    T.Kind = JsonTok::False;
  else if (Word == "null")
    T.Kind = JsonTok::Null;
  else if (Word.equals_insensitive("nan") || Word.equals_insensitive("infinity") ||
           Word.equals_insensitive("inf"))
    T.Kind = JsonTok::NonFinite;
  else
    invalid(T, Start, "unexpected word; text values must be in double quotes");
}

} // namespace certc::ledger::detail
