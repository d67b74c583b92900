#include "base/Date.h"

#include <gtest/gtest.h>

using certc::Date;

TEST(Date, ParsesOnlyValidIsoDates) {
  EXPECT_EQ(Date::parse("2013-11-23")->str(), "2013-11-23");
  EXPECT_TRUE(Date::parse("2024-02-29").has_value());
  EXPECT_FALSE(Date::parse("2023-02-29").has_value());
  EXPECT_FALSE(Date::parse("2013-13-01").has_value());
  EXPECT_FALSE(Date::parse("2013-1-01").has_value());
  EXPECT_FALSE(Date::parse("2013-11-2x").has_value());
}

TEST(Date, WholeCompletedYears) {
  Date Start = *Date::parse("2018-03-15");
  EXPECT_EQ(Start.wholeYearsUntil(*Date::parse("2020-03-14")), 1);
  EXPECT_EQ(Start.wholeYearsUntil(*Date::parse("2020-03-15")), 2);
  EXPECT_EQ(Start.wholeYearsUntil(*Date::parse("2017-01-01")), 0);
}

TEST(Date, WholeCompletedMonths) {
  Date Start = *Date::parse("2018-03-15");
  EXPECT_EQ(Start.wholeMonthsUntil(*Date::parse("2018-04-14")), 0);
  EXPECT_EQ(Start.wholeMonthsUntil(*Date::parse("2018-04-15")), 1);
  EXPECT_EQ(Start.wholeMonthsUntil(*Date::parse("2021-06-01")), 38);
  EXPECT_EQ(Start.wholeMonthsUntil(*Date::parse("2017-01-01")), 0);
  // A month's last day stands for the day it does not have, as addMonths counts.
  EXPECT_EQ(Date::parse("2020-01-31")->wholeMonthsUntil(*Date::parse("2020-02-28")), 0);
  EXPECT_EQ(Date::parse("2020-01-31")->wholeMonthsUntil(*Date::parse("2020-02-29")), 1);
}

TEST(Date, SixMonthsLaterIsTheSameDayClamped) {
  EXPECT_EQ(Date::parse("2020-01-15")->addMonths(6)->str(), "2020-07-15");
  EXPECT_EQ(Date::parse("2020-08-31")->addMonths(6)->str(), "2021-02-28");
}

TEST(Date, FirstAndLastDayOfTheMonth) {
  EXPECT_EQ(Date::parse("2024-02-17")->firstDayOfMonth().str(), "2024-02-01");
  EXPECT_EQ(Date::parse("2024-02-17")->lastDayOfMonth().str(), "2024-02-29");
  EXPECT_EQ(Date::parse("2023-12-31")->lastDayOfMonth().str(), "2023-12-31");
}

TEST(Date, MonthsFromThroughCountWholeMonthsAndAPartialOne) {
  auto Months = [](const char *From, const char *Through, bool Partial) {
    return certc::monthsFromThrough(*Date::parse(From), *Date::parse(Through), Partial);
  };
  // 2024-03-15 to 2025-12-14 is 21 whole months; to 2025-12-31 one partial more.
  EXPECT_EQ(Months("2024-03-15", "2025-12-31", true), 22);
  EXPECT_EQ(Months("2024-03-15", "2025-12-31", false), 21);
  EXPECT_EQ(Months("2024-03-15", "2025-12-14", true), 21);
  // A whole period, both days included, is its length in months.
  EXPECT_EQ(Months("2024-01-01", "2025-12-31", false), 24);
  // From the 31st, the next month starts on the shorter month's last day
  // (2024-01-31 + 1 month = 2024-02-29), so the first month ends the day before.
  EXPECT_EQ(Months("2024-01-31", "2024-02-27", false), 0);
  EXPECT_EQ(Months("2024-01-31", "2024-02-28", false), 1);
  // One day is a partial month; a date range backwards is none.
  EXPECT_EQ(Months("2025-12-31", "2025-12-31", true), 1);
  EXPECT_EQ(Months("2025-12-31", "2025-12-31", false), 0);
  EXPECT_EQ(Months("2025-12-31", "2024-01-01", true), 0);
}
