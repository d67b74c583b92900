// Civil date arithmetic (Howard Hinnant's days_from_civil algorithm).
#include "base/Date.h"

#include "llvm/Support/raw_ostream.h"

namespace certc {

namespace {
int32_t daysFromCivil(int Y, unsigned M, unsigned D) {
  Y -= M <= 2;
  const int Era = (Y >= 0 ? Y : Y - 399) / 400;
  const unsigned Yoe = static_cast<unsigned>(Y - Era * 400);
  const unsigned Doy = (153 * (M + (M > 2 ? -3 : 9)) + 2) / 5 + D - 1;
  const unsigned Doe = Yoe * 365 + Yoe / 4 - Yoe / 100 + Doy;
  return Era * 146097 + static_cast<int32_t>(Doe) - 719468;
}

struct Civil {
  int Y;
  unsigned M, D;
};

Civil civilFromDays(int32_t Z) {
  Z += 719468;
  const int Era = (Z >= 0 ? Z : Z - 146096) / 146097;
  const unsigned Doe = static_cast<unsigned>(Z - Era * 146097);
  const unsigned Yoe = (Doe - Doe / 1460 + Doe / 36524 - Doe / 146096) / 365;
  const int Y = static_cast<int>(Yoe) + Era * 400;
  const unsigned Doy = Doe - (365 * Yoe + Yoe / 4 - Yoe / 100);
  const unsigned Mp = (5 * Doy + 2) / 153;
  const unsigned D = Doy - (153 * Mp + 2) / 5 + 1;
  const unsigned M = Mp < 10 ? Mp + 3 : Mp - 9;
  return {Y + (M <= 2), M, D};
}

unsigned daysInMonth(int Y, unsigned M) {
  static const unsigned Lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool Leap = (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
  return M == 2 && Leap ? 29 : Lengths[M - 1];
}
} // namespace

std::optional<Date> Date::fromCivil(int Year, unsigned Month, unsigned Day) {
  if (Year < 1 || Year > 9999 || Month < 1 || Month > 12 || Day < 1 ||
      Day > daysInMonth(Year, Month))
    return std::nullopt;
  return Date(daysFromCivil(Year, Month, Day));
}

std::optional<Date> Date::parse(llvm::StringRef Text) {
  if (Text.size() != 10 || Text[4] != '-' || Text[7] != '-')
    return std::nullopt;
  unsigned Y, M, D;
  if (Text.substr(0, 4).getAsInteger(10, Y) || Text.substr(5, 2).getAsInteger(10, M) ||
      Text.substr(8, 2).getAsInteger(10, D))
    return std::nullopt;
  for (size_t I : {0, 1, 2, 3, 5, 6, 8, 9})
    if (Text[I] < '0' || Text[I] > '9')
      return std::nullopt;
  return fromCivil(static_cast<int>(Y), M, D);
}

int Date::year() const { return civilFromDays(Days).Y; }
unsigned Date::month() const { return civilFromDays(Days).M; }
unsigned Date::day() const { return civilFromDays(Days).D; }

std::optional<Date> Date::addMonths(int Months) const {
  Civil C = civilFromDays(Days);
  long Total = static_cast<long>(C.Y) * 12 + (C.M - 1) + Months;
  if (Total < 12 || Total > 9999L * 12 + 11)
    return std::nullopt;
  int Y = static_cast<int>(Total / 12);
  unsigned M = static_cast<unsigned>(Total % 12) + 1;
  unsigned D = std::min(C.D, daysInMonth(Y, M));
  return fromCivil(Y, M, D);
}

std::optional<Date> Date::addDays(int N) const {
  Civil C = civilFromDays(Days + N);
  return fromCivil(C.Y, C.M, C.D);
}

Date Date::firstDayOfMonth() const {
  Civil C = civilFromDays(Days);
  return Date(Days - static_cast<int32_t>(C.D) + 1);
}

Date Date::lastDayOfMonth() const {
  Civil C = civilFromDays(Days);
  return Date(Days + static_cast<int32_t>(daysInMonth(C.Y, C.M) - C.D));
}

std::optional<int64_t> monthsFromThrough(Date From, Date Through, bool CountPartial) {
  if (Through < From)
    return 0;
  std::optional<Date> End = Through.addDays(1);
  if (!End)
    return std::nullopt;
  int64_t Whole = int64_t(End->year() - From.year()) * 12 + (int64_t(End->month()) - int64_t(From.month()));
  // Adding months keeps the day of the month (or the month's last day), which
  // may pass End by a few days: then one month fewer is whole.
  std::optional<Date> Reached = From.addMonths(static_cast<int>(Whole));
  if (!Reached || *Reached > *End)
    Reached = From.addMonths(static_cast<int>(--Whole));
  if (!Reached)
    return std::nullopt;
  return Whole + (CountPartial && *Reached < *End ? 1 : 0);
}

int Date::wholeYearsUntil(Date Later) const {
  if (Later <= *this)
    return 0;
  Civil A = civilFromDays(Days), B = civilFromDays(Later.Days);
  int Years = B.Y - A.Y;
  if (B.M < A.M || (B.M == A.M && B.D < A.D))
    --Years;
  return Years;
}

int Date::wholeMonthsUntil(Date Later) const {
  if (Later <= *this)
    return 0;
  Civil A = civilFromDays(Days), B = civilFromDays(Later.Days);
  int Months = (B.Y - A.Y) * 12 + (int(B.M) - int(A.M));
  // The month is complete when Later reaches this date moved by Months months.
  std::optional<Date> Mark = addMonths(Months);
  if (Mark && Later < *Mark)
    --Months;
  return Months;
}

void Date::print(llvm::raw_ostream &OS) const {
  // Every Date is in years 1..9999 (fromCivil), so its text is ten characters;
  // written by hand because reports print one per item.
  Civil C = civilFromDays(Days);
  unsigned Y = static_cast<unsigned>(C.Y);
  const char Text[10] = {char('0' + Y / 1000),    char('0' + Y / 100 % 10), char('0' + Y / 10 % 10),
                         char('0' + Y % 10),      '-',                      char('0' + C.M / 10),
                         char('0' + C.M % 10),    '-',                      char('0' + C.D / 10),
                         char('0' + C.D % 10)};
  OS.write(Text, sizeof(Text));
}

std::string Date::str() const {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  print(OS);
  return Text;
}

} // namespace certc
