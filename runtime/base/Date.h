// Civil dates (proleptic Gregorian), as day numbers so that comparison and
// "whole completed years between" are exact and cheap.
#ifndef CERTC_BASE_DATE_H
#define CERTC_BASE_DATE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>

namespace certc {

class Date {
public:
  Date() = default;
  /// Valid calendar date in years 1..9999; nullopt otherwise.
  static std::optional<Date> fromCivil(int Year, unsigned Month, unsigned Day);
  /// Parses exactly "YYYY-MM-DD".
  static std::optional<Date> parse(llvm::StringRef Text);

  int year() const;
  unsigned month() const;
  unsigned day() const;
  int32_t dayNumber() const { return Days; }

  /// The same day N months later (clamped to the month's last day).
  std::optional<Date> addMonths(int Months) const;
  std::optional<Date> addDays(int N) const;
  /// The first and the last day of this date's month.
  Date firstDayOfMonth() const;
  Date lastDayOfMonth() const;
  /// Whole completed years from this date to Later (0 when Later is earlier).
  int wholeYearsUntil(Date Later) const;
  /// Whole completed months from this date to Later (0 if Later is not later):
  /// from 2020-01-31, one month is complete on 2020-02-29 (a month's last day
  /// stands for a day it does not have), as addMonths counts.
  int wholeMonthsUntil(Date Later) const;

  /// ISO 8601: "2026-11-23".
  void print(llvm::raw_ostream &OS) const;
  std::string str() const;

  bool operator==(Date O) const { return Days == O.Days; }
  bool operator!=(Date O) const { return Days != O.Days; }
  bool operator<(Date O) const { return Days < O.Days; }
  bool operator<=(Date O) const { return Days <= O.Days; }
  bool operator>(Date O) const { return Days > O.Days; }
  bool operator>=(Date O) const { return Days >= O.Days; }

private:
  explicit Date(int32_t D) : Days(D) {}
  int32_t Days = 0; // days since 1970-01-01
};

/// Months from From to Through, both days included: the whole months, plus
/// one for a partial month left over when CountPartial ("per month or partial
/// month"). 0 when Through is before From; none past the calendar's end.
std::optional<int64_t> monthsFromThrough(Date From, Date Through, bool CountPartial);

inline llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, Date D) {
  D.print(OS);
  return OS;
}

} // namespace certc

#endif
