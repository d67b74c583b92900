// Text-to-value rules for ledger fields.
#include "ledger/FieldDecoding.h"

#include "base/Escape.h"
#include "base/Rational.h"

#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <cstdio>

namespace certc::ledger::detail {

namespace {
bool allDigits(llvm::StringRef S) {
  for (char C : S)
    if (C < '0' || C > '9')
      return false;
  return true;
}

std::string rangeText(const ir::Field &F) {
  if (F.IntMin && F.IntMax)
    return "from " + std::to_string(*F.IntMin) + " to " + std::to_string(*F.IntMax);
  if (F.IntMin)
    return "at least " + std::to_string(*F.IntMin);
  return "at most " + std::to_string(*F.IntMax);
}

// Designations and enum sets are bitsets over at most 64 positions.
constexpr uint32_t MaxSetPositions = 64;
} // namespace

std::string quote(llvm::StringRef Text) {
  constexpr size_t MaxShown = 60;
  std::string Out = "`";
  size_t Shown = 0;
  for (unsigned char C : Text) {
    if (Shown++ == MaxShown) {
      Out += "...";
      break;
    }
    if (C >= 0x20 && C < 0x7F) {
      Out += static_cast<char>(C);
    } else {
      char Buf[8];
      std::snprintf(Buf, sizeof(Buf), "\\x%02X", C);
      Out += Buf;
    }
  }
  return Out + "`";
}

std::string controlCharacterIn(llvm::StringRef What, llvm::StringRef Text) {
  if (std::none_of(Text.begin(), Text.end(), isControlByte))
    return "";
  return "the " + What.str() + " " + quote(Text) + " contains a control character";
}

std::string didYouMean(llvm::StringRef Name, const std::vector<llvm::StringRef> &Candidates) {
  unsigned Allowed = std::max<unsigned>(2, static_cast<unsigned>(Name.size() / 3));
  unsigned Best = Allowed + 1;
  llvm::StringRef BestName;
  for (llvm::StringRef C : Candidates) {
    unsigned D = Name.edit_distance(C, /*AllowReplacements=*/true, Allowed);
    if (D < Best) {
      Best = D;
      BestName = C;
    }
  }
  return BestName.empty() ? std::string() : " (did you mean `" + BestName.str() + "`?)";
}

std::string didYouMeanField(llvm::StringRef Name, const std::vector<ir::Field> &Fields) {
  std::vector<llvm::StringRef> Names;
  for (const ir::Field &F : Fields)
    Names.push_back(F.Name);
  return didYouMean(Name, Names);
}

std::string didYouMeanKind(const LedgerSchema &S, llvm::StringRef Name) {
  std::vector<llvm::StringRef> Names;
  for (uint32_t K = 0; K < S.policy().Kinds.size(); ++K)
    Names.push_back(S.kindName(K));
  return didYouMean(Name, Names);
}

std::string decodeNumber(const ir::Field &F, llvm::StringRef Text, FieldValue &V) {
  llvm::StringRef Digits = Text;
  bool Negative = Digits.consume_front("-");
  auto [Whole, Frac] = Digits.split('.');
  bool HasDot = Digits.contains('.');
  if (Whole.empty() || !allDigits(Whole) || (HasDot && (Frac.empty() || !allDigits(Frac))))
    return quote(Text) + " is not a number (write digits with an optional `-` and "
                         "decimal point, such as 7.5)";
  // Rational::parse's own bound: 18 digits always fit in an int64 numerator.
  if (Whole.size() + Frac.size() > 18)
    return "the number " + quote(Text) + " has more than 18 digits, too many to keep exactly";
  Rational R;
  if (!HasDot) {
    // The common case, without Rational::parse's temporary strings.
    int64_t N = 0;
    for (char C : Whole)
      N = N * 10 + (C - '0');
    R = Rational(Negative ? -N : N);
  } else {
    std::optional<Rational> Parsed = Rational::parse(Text);
    if (!Parsed)
      return "the number " + quote(Text) + " cannot be represented exactly";
    R = *Parsed;
  }
  if (F.Type == ir::ValueType::Integer) {
    if (!R.isInteger())
      return "expected a whole number, found " + quote(Text);
    if ((F.IntMin && R < Rational(*F.IntMin)) || (F.IntMax && R > Rational(*F.IntMax)))
      return quote(Text) + " is out of range: must be " + rangeText(F);
  }
  V.setNumber(R);
  return {};
}

std::string decodeDate(llvm::StringRef Text, FieldValue &V) {
  // The YYYY-MM-DD of Date::parse, read digit by digit: dates are the most
  // common ledger value and this avoids three general integer parses.
  auto Digit = [&](size_t I) { return static_cast<unsigned>(Text[I] - '0'); };
  bool Shaped = Text.size() == 10 && Text[4] == '-' && Text[7] == '-' &&
                allDigits(Text.substr(0, 4)) && allDigits(Text.substr(5, 2)) &&
                allDigits(Text.substr(8, 2));
  if (!Shaped)
    return quote(Text) + " is not a date written YYYY-MM-DD";
  int Year = static_cast<int>(Digit(0) * 1000 + Digit(1) * 100 + Digit(2) * 10 + Digit(3));
  std::optional<Date> D =
      Date::fromCivil(Year, Digit(5) * 10 + Digit(6), Digit(8) * 10 + Digit(9));
  if (!D)
    return quote(Text) + " is not a calendar date (years 0001 to 9999)";
  V.setDate(*D);
  return {};
}

std::string decodeEnum(const LedgerSchema &S, const ir::Field &F, llvm::StringRef Text,
                       FieldValue &V) {
  uint32_t Pos = S.enumPosition(F.Enum, Text);
  if (Pos == NotFound)
    return quote(Text) + " is not one of " + S.enumValueList(F.Enum);
  V.setSymbol(S.enumSymbol(F.Enum, Pos));
  return {};
}

std::string addSetElement(const LedgerSchema &S, const ir::Field &F, llvm::StringRef Name,
                          FieldValue &V) {
  uint32_t Pos = S.enumPosition(F.Enum, Name);
  if (Pos == NotFound)
    return quote(Name) + " is not one of " + S.enumValueList(F.Enum);
  if (Pos >= MaxSetPositions)
    return quote(Name) + " cannot be stored in a set: its enum has more than 64 values";
  uint64_t Bit = uint64_t(1) << Pos;
  if (V.Set & Bit)
    return quote(Name) + " is listed more than once";
  V.Set |= Bit;
  return {};
}

std::string addAward(const LedgerSchema &S, llvm::StringRef Name, Date Awarded,
                     llvm::SmallVectorImpl<ir::Award> &Awards) {
  uint32_t Enum = S.policy().DesignationEnum;
  uint32_t Pos = S.enumPosition(Enum, Name);
  if (Pos == NotFound)
    return quote(Name) + " is not a designation; expected " + S.enumValueList(Enum);
  ir::SymbolId Designation = S.enumSymbol(Enum, Pos);
  for (const ir::Award &A : Awards)
    if (A.Designation == Designation)
      return "designation " + quote(Name) + " is awarded more than once";
  Awards.push_back({Designation, Awarded});
  return {};
}

std::string decodeText(const LedgerSchema &S, const ir::Field &F, llvm::StringRef Text,
                       FieldValue &V, ValueStore &Store) {
  using ir::ValueType;
  if (F.Type == ValueType::Text) {
    V.setText(Store.copyOf(Text));
    return {};
  }
  llvm::StringRef T = Text.trim(" \t");
  switch (F.Type) {
  case ValueType::Text:
    break;
  case ValueType::Bool:
    // Spreadsheets write TRUE and FALSE.
    if (T.equals_insensitive("true") || T.equals_insensitive("false")) {
      V.setBool(T.equals_insensitive("true"));
      return {};
    }
    return "expected true or false, found " + quote(T);
  case ValueType::Integer:
  case ValueType::Quantity:
    return decodeNumber(F, T, V);
  case ValueType::Date:
    return decodeDate(T, V);
  case ValueType::Enum:
    return decodeEnum(S, F, T, V);
  case ValueType::EnumSet: {
    V.setSet(0);
    llvm::SmallVector<llvm::StringRef, 8> Names;
    T.split(Names, ';');
    for (llvm::StringRef Name : Names) {
      Name = Name.trim(" \t");
      if (Name.empty())
        return "empty element in the set " + quote(T) + " (write names separated by `;`)";
      if (std::string Why = addSetElement(S, F, Name, V); !Why.empty())
        return Why;
    }
    return {};
  }
  case ValueType::Awards: {
    llvm::SmallVector<ir::Award, 4> Awards;
    llvm::SmallVector<llvm::StringRef, 4> Items;
    T.split(Items, ';');
    for (llvm::StringRef Item : Items) {
      auto [Name, When] = Item.split(':');
      Name = Name.trim(" \t");
      When = When.trim(" \t");
      if (!Item.contains(':') || Name.empty())
        return "award " + quote(Item.trim(" \t")) +
               " must be written NAME:YYYY-MM-DD, such as CMC:2018-03-15";
      FieldValue Awarded;
      if (std::string Why = decodeDate(When, Awarded); !Why.empty())
        return "award " + quote(Name) + ": " + Why;
      if (std::string Why = addAward(S, Name, Awarded.DateValue, Awards); !Why.empty())
        return Why;
    }
    V.setAwards(Store.copyOf(Awards));
    return {};
  }
  }
  return "the policy gives this field an unknown type";
}

std::string checkPeriod(const LedgerSchema &S, uint32_t Kind,
                        llvm::ArrayRef<FieldValue> Fields) {
  uint32_t Start = S.periodStart(Kind), End = S.periodEnd(Kind);
  if (Start == NotFound || End == NotFound || Start >= Fields.size() || End >= Fields.size())
    return {};
  const FieldValue &From = Fields[Start], &To = Fields[End];
  if (From.K != ir::Value::Kind::Date || To.K != ir::Value::Kind::Date || !(To.DateValue < From.DateValue))
    return {};
  return "the period ends (" + To.DateValue.str() + ") before it starts (" +
         From.DateValue.str() + ")";
}

} // namespace certc::ledger::detail
