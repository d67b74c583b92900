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
