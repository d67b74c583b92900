// Strict JSON in one pass that enforces the limits and builds the tree.
#include "ir/StrictJson.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <optional>
#include <string>

namespace certc::ir {

namespace json = llvm::json;

namespace {
/// Checks the grammar and the restrictions while building the tree. Not
/// llvm::json::parse: it grows each array one element at a time, and since
/// json::Value's move constructor is not noexcept, every reallocation of a
/// std::vector<json::Value> deep-copies the elements so far (a transient
/// doubling of the tree). Here each array is built at its final size.
class Validator {
public:
  Validator(llvm::StringRef Text, unsigned MaxDepth)
      : Text(Text), Data(Text.data()), Size(Text.size()), MaxDepth(MaxDepth) {}

  /// The error message ("LINE:COL: message"), or nullopt when Text is valid
  /// (its value then in Out).
  std::optional<std::string> run(json::Value &Out) {
    size_t BadByte = 0;
    if (!json::isUTF8(Text, &BadByte)) {
      Pos = BadByte;
      fail("invalid UTF-8");
    } else if (value(0, Out)) {
      skipSpace();
      if (Pos != Text.size())
        fail("unexpected text after the JSON value");
    }
    if (!Message)
      return std::nullopt;
    return location() + ": " + *Message;
  }

private:
  llvm::StringRef Text;
  // Raw access in the loops that touch every byte: unoptimised builds run the
  // IR tests, and StringRef's accessors are calls there.
  const char *Data;
  size_t Size;
  unsigned MaxDepth;
  size_t Pos = 0;
  std::optional<std::string> Message;
  size_t ErrorPos = 0;

  bool fail(const llvm::Twine &Msg) {
    if (!Message) {
      Message = Msg.str();
      ErrorPos = Pos;
    }
    return false;
  }

  std::string location() const {
    size_t Line = 1, LineStart = 0;
    const char *End = Data + std::min(ErrorPos, Size);
    for (const char *P = Data; (P = static_cast<const char *>(std::memchr(P, '\n', End - P)));
         ++P) {
      ++Line;
      LineStart = P - Data + 1;
    }
    return std::to_string(Line) + ":" + std::to_string(ErrorPos - LineStart + 1);
  }

  bool atEnd() const { return Pos >= Size; }
  char peek() const { return Pos >= Size ? '\0' : Data[Pos]; }
  bool failAt(const char *Msg) { return fail(atEnd() ? "unexpected end of input" : Msg); }

  void skipSpace() {
    while (Pos < Size &&
           (Data[Pos] == ' ' || Data[Pos] == '\t' || Data[Pos] == '\n' || Data[Pos] == '\r'))
      ++Pos;
  }

  bool value(unsigned Depth, json::Value &Out) {
    skipSpace();
    if (atEnd())
      return fail("unexpected end of input");
    switch (Text[Pos]) {
    case '{':
    case '[':
      if (Depth >= MaxDepth)
        return fail("nesting deeper than " + llvm::Twine(MaxDepth) + " levels");
      return Text[Pos] == '{' ? object(Depth + 1, Out) : array(Depth + 1, Out);
    case '"': {
      std::string Decoded;
      if (!string(Decoded))
        return false;
      Out = std::move(Decoded);
      return true;
    }
    case 't':
      Out = true;
      return word("true");
    case 'f':
      Out = false;
      return word("false");
    case 'n':
      Out = nullptr;
      return word("null");
    default:
      return number(Out);
    }
  }

  bool word(llvm::StringRef Word) {
    if (!Text.substr(Pos).startswith(Word))
      return fail("invalid literal");
    Pos += Word.size();
    return true;
  }

  bool array(unsigned Depth, json::Value &Out) {
    ++Pos; // '['
    // A deque grows without moving its elements; the array is then filled
    // within its reserved size (see the class comment).
    std::deque<json::Value> Items;
    auto Finish = [&] {
      json::Array A;
      A.reserve(Items.size());
      for (json::Value &V : Items)
        A.push_back(std::move(V));
      Out = std::move(A);
      return true;
    };
    skipSpace();
    if (peek() == ']') {
      ++Pos;
      return Finish();
    }
    while (true) {
      Items.emplace_back(nullptr);
      if (!value(Depth, Items.back()))
        return false;
      skipSpace();
      if (peek() == ',') {
        ++Pos;
        continue;
      }
      if (peek() == ']') {
        ++Pos;
        return Finish();
      }
      return failAt("expected ',' or ']'");
    }
  }

  bool object(unsigned Depth, json::Value &Out) {
    ++Pos; // '{'
    Out = json::Object();
    json::Object &Obj = *Out.getAsObject();
    skipSpace();
    if (peek() == '}') {
      ++Pos;
      return true;
    }
    // IR objects have a few keys: compare linearly, switch to a set for big ones
    // so that hostile input stays linear.
    llvm::SmallVector<std::string, 16> Keys;
    llvm::StringSet<> KeySet;
    while (true) {
      skipSpace();
      if (peek() != '"')
        return failAt("expected a string key");
      size_t KeyPos = Pos;
      std::string Key;
      if (!string(Key))
        return false;
      bool Duplicate;
      if (Keys.size() < 32) {
        Duplicate = llvm::is_contained(Keys, Key);
        Keys.push_back(Key);
        if (Keys.size() == 32)
          for (const std::string &K : Keys)
            KeySet.insert(K);
      } else {
        Duplicate = !KeySet.insert(Key).second;
      }
      if (Duplicate) {
        Pos = KeyPos;
        return fail("duplicate key \"" + Key + "\"");
      }
      skipSpace();
      if (peek() != ':')
        return failAt("expected ':'");
      ++Pos;
      if (!value(Depth, Obj[std::move(Key)]))
        return false;
      skipSpace();
      if (peek() == ',') {
        ++Pos;
        continue;
      }
      if (peek() == '}') {
        ++Pos;
        return true;
      }
      return failAt("expected ',' or '}'");
    }
  }

  std::optional<unsigned> hex4() {
    if (Text.size() - Pos < 4) {
      Pos = Text.size();
      fail("unexpected end of input");
      return std::nullopt;
    }
    unsigned Code = 0;
    for (int I = 0; I < 4; ++I, ++Pos) {
      char C = Text[Pos];
      unsigned Digit;
      if (C >= '0' && C <= '9')
        Digit = C - '0';
      else if (C >= 'a' && C <= 'f')
        Digit = C - 'a' + 10;
      else if (C >= 'A' && C <= 'F')
        Digit = C - 'A' + 10;
      else {
        fail("invalid \\u escape");
        return std::nullopt;
      }
      Code = Code * 16 + Digit;
    }
    return Code;
  }

  static void appendUtf8(std::string &Out, unsigned Code) {
    if (Code < 0x80) {
      Out += char(Code);
    } else if (Code < 0x800) {
      Out += char(0xC0 | (Code >> 6));
      Out += char(0x80 | (Code & 0x3F));
    } else if (Code < 0x10000) {
      Out += char(0xE0 | (Code >> 12));
      Out += char(0x80 | ((Code >> 6) & 0x3F));
      Out += char(0x80 | (Code & 0x3F));
    } else {
      Out += char(0xF0 | (Code >> 18));
      Out += char(0x80 | ((Code >> 12) & 0x3F));
      Out += char(0x80 | ((Code >> 6) & 0x3F));
      Out += char(0x80 | (Code & 0x3F));
    }
  }

  /// After the backslash. Lone surrogates are errors: llvm::json::parse would
  /// silently replace them.
  bool escape(std::string &Out) {
    if (atEnd())
      return fail("unexpected end of input");
    char C = Text[Pos++];
    switch (C) {
    case '"':
      Out += '"';
      return true;
    case '\\':
      Out += '\\';
      return true;
    case '/':
      Out += '/';
      return true;
    case 'b':
      Out += '\b';
      return true;
    case 'f':
      Out += '\f';
      return true;
    case 'n':
      Out += '\n';
      return true;
    case 'r':
      Out += '\r';
      return true;
    case 't':
      Out += '\t';
      return true;
    case 'u':
      break;
    default:
      --Pos;
      return fail("invalid escape");
    }
    size_t Start = Pos - 2;
    std::optional<unsigned> Code = hex4();
    if (!Code)
      return false;
    if (*Code >= 0xD800 && *Code <= 0xDBFF && Text.substr(Pos).startswith("\\u")) {
      Pos += 2;
      std::optional<unsigned> Low = hex4();
      if (!Low)
        return false;
      if (*Low >= 0xDC00 && *Low <= 0xDFFF) {
        appendUtf8(Out, 0x10000 + ((*Code - 0xD800) << 10) + (*Low - 0xDC00));
        return true;
      }
    }
    if (*Code >= 0xD800 && *Code <= 0xDFFF) {
      Pos = Start;
      return fail("unpaired surrogate in \\u escape");
    }
    appendUtf8(Out, *Code);
    return true;
  }

  /// Decodes into Out, which only keys need.
  bool string(std::string &Out) {
    ++Pos; // '"'
    while (true) {
      size_t Run = Pos;
      while (Run < Size && Data[Run] != '"' && Data[Run] != '\\' &&
             static_cast<unsigned char>(Data[Run]) >= 0x20)
        ++Run;
      Out.append(Data + Pos, Run - Pos);
      Pos = Run;
      if (atEnd())
        return fail("unterminated string");
      if (Text[Pos] == '"') {
        ++Pos;
        return true;
      }
      if (Text[Pos] != '\\')
        return fail("control character in string");
      ++Pos;
      if (!escape(Out))
        return false;
    }
  }

  bool number(json::Value &Out) {
    size_t Start = Pos;
    bool Negative = false;
    if (peek() == '-') {
      Negative = true;
      ++Pos;
    }
    if (peek() < '0' || peek() > '9') {
      Pos = Start;
      return fail("unexpected character");
    }
    // The magnitude may reach 2^63 for negative numbers, 2^63 - 1 otherwise.
    uint64_t Limit = Negative ? uint64_t(1) << 63 : uint64_t(INT64_MAX);
    uint64_t Magnitude = 0;
    if (peek() == '0') {
      ++Pos;
    } else {
      while (peek() >= '0' && peek() <= '9') {
        uint64_t Digit = uint64_t(Text[Pos] - '0');
        if (Magnitude > (Limit - Digit) / 10) {
          Pos = Start;
          return fail("integer out of the 64-bit range");
        }
        Magnitude = Magnitude * 10 + Digit;
        ++Pos;
      }
    }
    if (peek() == '.' || peek() == 'e' || peek() == 'E') {
      Pos = Start;
      return fail("numbers in certc IR are whole numbers");
    }
    // Two's complement: -2^63 has no positive counterpart to negate.
    Out = static_cast<int64_t>(Negative ? ~Magnitude + 1 : Magnitude);
    return true;
  }
};
} // namespace

llvm::Expected<json::Value> parseStrictJson(llvm::StringRef Text, unsigned MaxDepth) {
  json::Value Out = nullptr;
  if (std::optional<std::string> Problem = Validator(Text, MaxDepth).run(Out))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), *Problem);
  return Out;
}

} // namespace certc::ir
