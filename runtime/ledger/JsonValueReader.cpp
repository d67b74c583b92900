// The JSON grammar below the ledger structure: keys, separators, skipping, field values.
#include "ledger/JsonLedgerReader.h"

#include "ledger/FieldDecoding.h"

namespace certc::ledger::detail {

namespace {
std::string expectedValue(const LedgerSchema &S, const ir::Field &F) {
  switch (F.Type) {
  case ir::ValueType::Text:
    return "a string";
  case ir::ValueType::Bool:
    return "true or false";
  case ir::ValueType::Integer:
    return "a whole number";
  case ir::ValueType::Quantity:
    return "a number";
  case ir::ValueType::Date:
    return "a date string such as \"2019-03-15\"";
  case ir::ValueType::Enum:
    return "a string, one of " + S.enumValueList(F.Enum);
  case ir::ValueType::EnumSet:
    return "an array of strings, each one of " + S.enumValueList(F.Enum);
  case ir::ValueType::Awards:
    return "an array of {\"name\": designation, \"awarded\": date} objects";
  }
  return "a value";
}
} // namespace

bool isValueStart(JsonTok K) {
  switch (K) {
  case JsonTok::LBrace:
  case JsonTok::LBracket:
  case JsonTok::String:
  case JsonTok::Number:
  case JsonTok::True:
  case JsonTok::False:
  case JsonTok::Null:
  case JsonTok::NonFinite:
    return true;
  default:
    return false;
  }
}

std::string describe(const JsonToken &T) {
  switch (T.Kind) {
  case JsonTok::LBrace:
    return "an object";
  case JsonTok::LBracket:
    return "an array";
  case JsonTok::RBrace:
  case JsonTok::RBracket:
  case JsonTok::Colon:
  case JsonTok::Comma:
  case JsonTok::True:
  case JsonTok::False:
  case JsonTok::Null:
    return "`" + T.Text.str() + "`";
  case JsonTok::String:
    return "the string " + quote(T.Text);
  case JsonTok::Number:
    return "the number " + quote(T.Text);
  case JsonTok::NonFinite:
  case JsonTok::Invalid:
    return quote(T.Text);
  case JsonTok::End:
    return "the end of the file";
  }
  return "a token";
}

bool JsonLedgerReader::syntax(const JsonToken &At, std::string Expected) {
  if (Quiet)
    return false;
  std::string Message;
  if (At.Kind == JsonTok::Invalid) {
    Message = At.Problem;
    if (llvm::StringRef(At.Problem) == "unexpected character" ||
        llvm::StringRef(At.Problem).startswith("unexpected word"))
      Message += " " + quote(At.Text);
  } else {
    Message = "expected " + Expected + ", found " + describe(At);
  }
  if (At.Kind == JsonTok::End)
    Message += " (is the file truncated?)";
  else
    Message += "; the rest of the file was not read";
  JsonPlace Where = Lex.place(At);
  Errs.report(Where.Line, Where.Col, CurField, std::move(Message));
  return false;
}

bool JsonLedgerReader::open(uint32_t Depth) {
  if (Depth + 1 <= MaxDepth)
    return true;
  if (Quiet)
    return false;
  JsonPlace At = Lex.place(Tok);
  Errs.report(At.Line, At.Col, CurField,
              "arrays and objects are nested more than " + std::to_string(MaxDepth) +
                  " deep; the rest of the file was not read");
  return false;
}

bool JsonLedgerReader::readKey(JsonToken &Key) {
  if (Tok.Kind != JsonTok::String)
    return syntax(Tok, "a field name in double quotes");
  // Skipping the colon first gives the lexer's stores to Tok time to land:
  // copying it at once stalls on them (a tenth of the reader's time). A key
  // needs only its text and place, copied a word at a time: a whole-token
  // copy reads 16 bytes across two 8-byte stores, which cannot be forwarded.
  bool Colon = Lex.skipColon();
  Key.Kind = JsonTok::String;
  Key.Text = llvm::StringRef(Tok.Text.data(), Tok.Text.size());
  Key.Begin = Tok.Begin;
  // Escaped keys live in the lexer's scratch buffer, which the value may reuse.
  if (Key.Text.data() < Text.begin() || Key.Text.data() >= Text.end()) {
    KeyCopy.assign(Key.Text.data(), Key.Text.size());
    Key.Text = KeyCopy;
  }
  advance();
  if (!Colon)
    return syntax(Tok, "`:` after the field name");
  return true;
}

bool JsonLedgerReader::afterElement(JsonTok Close, bool &More) {
  if (Tok.Kind == JsonTok::Comma) {
    advance();
    More = true;
    if (Tok.Kind == Close)
      return syntax(Tok, Close == JsonTok::RBrace ? "a field name after `,`"
                                                  : "a value after `,`");
    return true;
  }
  if (Tok.Kind == Close) {
    advance();
    More = false;
    return true;
  }
  return syntax(Tok, Close == JsonTok::RBrace ? "`,` or `}`" : "`,` or `]`");
}

bool JsonLedgerReader::skipValue(uint32_t Depth) {
  switch (Tok.Kind) {
  case JsonTok::String:
  case JsonTok::Number:
  case JsonTok::True:
  case JsonTok::False:
  case JsonTok::Null:
  case JsonTok::NonFinite:
    advance();
    return true;
  case JsonTok::LBrace:
  case JsonTok::LBracket: {
    JsonTok Close = Tok.Kind == JsonTok::LBrace ? JsonTok::RBrace : JsonTok::RBracket;
    if (!open(Depth))
      return false;
    advance();
    if (Tok.Kind == Close) {
      advance();
      return true;
    }
    for (bool More = true; More;) {
      JsonToken Key;
      if (Close == JsonTok::RBrace && !readKey(Key))
        return false;
      if (!skipValue(Depth + 1) || !afterElement(Close, More))
        return false;
    }
    return true;
  }
  default:
    return syntax(Tok, "a value");
  }
}

bool JsonLedgerReader::readField(const ir::Field &F, FieldValue &V, uint32_t Depth) {
  CurField = F.Name;
  if (Tok.Kind == JsonTok::Null) {
    // null is how many tools write "not given"; a required field must be given.
    if (F.Required)
      error(Tok, F.Name, "required field is null");
    advance();
    return true;
  }
  std::string Why;
  switch (F.Type) {
  case ir::ValueType::Text:
    if (Tok.Kind != JsonTok::String)
      break;
    V.setText(Store->copyOf(Tok.Text));
    advance();
    return true;
  case ir::ValueType::Bool:
    if (Tok.Kind != JsonTok::True && Tok.Kind != JsonTok::False)
      break;
    V.setBool(Tok.Kind == JsonTok::True);
    advance();
    return true;
  case ir::ValueType::Integer:
  case ir::ValueType::Quantity:
    if (Tok.Kind == JsonTok::NonFinite)
      Why = quote(Tok.Text) + " is not a finite number; expected " + expectedValue(S, F);
    else if (Tok.Kind != JsonTok::Number)
      break;
    else if (Tok.Problem)
      Why = Tok.Problem;
    else
      Why = decodeNumber(F, Tok.Text, V);
    if (!Why.empty())
      error(Tok, F.Name, std::move(Why));
    advance();
    return true;
  case ir::ValueType::Date:
  case ir::ValueType::Enum:
    if (Tok.Kind != JsonTok::String)
      break;
    Why = F.Type == ir::ValueType::Date ? decodeDate(Tok.Text, V)
                                        : decodeEnum(S, F, Tok.Text, V);
    if (!Why.empty())
      error(Tok, F.Name, std::move(Why));
    advance();
    return true;
  case ir::ValueType::EnumSet:
    if (Tok.Kind != JsonTok::LBracket)
      break;
    return readSet(F, V, Depth);
  case ir::ValueType::Awards:
    if (Tok.Kind != JsonTok::LBracket)
      break;
    return readAwards(F, V, Depth);
  }
  if (isValueStart(Tok.Kind))
    error(Tok, F.Name, "expected " + expectedValue(S, F) + ", found " + describe(Tok));
  return skipValue(Depth);
}

bool JsonLedgerReader::readSet(const ir::Field &F, FieldValue &V, uint32_t Depth) {
  if (!open(Depth))
    return false;
  advance();
  V.setSet(0);
  if (Tok.Kind == JsonTok::RBracket) {
    advance();
    return true;
  }
  for (bool More = true; More;) {
    if (Tok.Kind == JsonTok::String) {
      if (std::string Why = addSetElement(S, F, Tok.Text, V); !Why.empty())
        error(Tok, F.Name, std::move(Why));
      advance();
    } else {
      if (isValueStart(Tok.Kind))
        error(Tok, F.Name,
              "expected a string, one of " + S.enumValueList(F.Enum) + ", found " +
                  describe(Tok));
      if (!skipValue(Depth + 1))
        return false;
    }
    if (!afterElement(JsonTok::RBracket, More))
      return false;
  }
  return true;
}

bool JsonLedgerReader::readAwards(const ir::Field &F, FieldValue &V, uint32_t Depth) {
  if (!open(Depth))
    return false;
  advance();
  V.setAwards({});
  if (Tok.Kind == JsonTok::RBracket) {
    advance();
    return true;
  }
  llvm::SmallVector<ir::Award, 4> Awards;
  for (bool More = true; More;) {
    if (Tok.Kind == JsonTok::LBrace) {
      if (!readAward(Awards, Depth + 1))
        return false;
    } else {
      if (isValueStart(Tok.Kind))
        error(Tok, F.Name, "expected an award object such as {\"name\": \"CMC\", "
                           "\"awarded\": \"2018-03-15\"}, found " + describe(Tok));
      if (!skipValue(Depth + 1))
        return false;
    }
    if (!afterElement(JsonTok::RBracket, More))
      return false;
  }
  V.Awards = Store->copyOf(Awards);
  return true;
}

bool JsonLedgerReader::readAward(llvm::SmallVectorImpl<ir::Award> &Awards, uint32_t Depth) {
  llvm::StringRef FieldName = CurField;
  JsonToken Open = Tok;
  if (!open(Depth))
    return false;
  advance();
  std::string Name;
  JsonToken NameAt;
  bool HaveName = false, HaveDate = false, Bad = false;
  FieldValue Awarded;
  if (Tok.Kind == JsonTok::RBrace)
    advance();
  else
    for (bool More = true; More;) {
      JsonToken Key;
      if (!readKey(Key))
        return false;
      bool IsName = Key.Text == "name", IsDate = Key.Text == "awarded";
      if (!IsName && !IsDate) {
        error(Key, FieldName,
              "unknown key " + quote(Key.Text) + " in an award; expected `name` and `awarded`");
        Bad = true;
      } else if ((IsName && HaveName) || (IsDate && HaveDate)) {
        error(Key, FieldName, quote(Key.Text) + " is given more than once in an award");
        Bad = true;
      } else if (Tok.Kind != JsonTok::String) {
        (IsName ? HaveName : HaveDate) = true;
        Bad = true;
        if (isValueStart(Tok.Kind))
          error(Tok, FieldName,
                std::string("expected ") +
                    (IsName ? "the designation name as a string" : "a date string such as \"2019-03-15\"") +
                    ", found " + describe(Tok));
      } else {
        (IsName ? HaveName : HaveDate) = true;
        if (IsName) {
          Name = Tok.Text.str();
          NameAt = Tok;
        } else if (std::string Why = decodeDate(Tok.Text, Awarded); !Why.empty()) {
          error(Tok, FieldName, "award date: " + Why);
          Bad = true;
        }
      }
      if (!skipValue(Depth + 1) || !afterElement(JsonTok::RBrace, More))
        return false;
    }
  if (!HaveName)
    error(Open, FieldName, "the award has no `name`");
  if (!HaveDate)
    error(Open, FieldName, "the award has no `awarded` date");
  if (HaveName && HaveDate && !Bad)
    if (std::string Why = addAward(S, Name, Awarded.DateValue, Awards); !Why.empty())
      error(NameAt, FieldName, std::move(Why));
  return true;
}

} // namespace certc::ledger::detail
