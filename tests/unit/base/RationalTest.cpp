#include "base/Rational.h"

#include <gtest/gtest.h>

using certc::Rational;

TEST(Rational, ParsesDecimalsAndFractionsExactly) {
  EXPECT_EQ(Rational::parse("7.5")->str(), "7.5");
  EXPECT_EQ(*Rational::parse("1/2"), *Rational::make(1, 2));
  EXPECT_EQ(*Rational::parse("0.125"), *Rational::make(1, 8));
  EXPECT_EQ(Rational::parse("-3")->num(), -3);
  EXPECT_FALSE(Rational::parse("1.").has_value());
  EXPECT_FALSE(Rational::parse("abc").has_value());
  EXPECT_FALSE(Rational::parse("1/0").has_value());
  EXPECT_FALSE(Rational::parse("99999999999999999999").has_value());
}

TEST(Rational, ArithmeticIsExact) {
  Rational Third = *Rational::make(1, 3);
  EXPECT_EQ(*Third.add(Third)->add(Third), Rational(1));
  EXPECT_EQ(Third.str(), "1/3");
  EXPECT_EQ(Rational::make(36, 2)->str(), "18");
}

TEST(Rational, TextIsTheExactDecimalOrAFraction) {
  EXPECT_EQ(Rational::make(-1, 2)->str(), "-0.5");
  EXPECT_EQ(Rational::make(41, 20)->str(), "2.05");
  EXPECT_EQ(Rational::make(-7, 3)->str(), "-7/3");
  EXPECT_EQ(Rational(-12).str(), "-12");
  // Every decimal place of the extremes, with no intermediate overflow.
  EXPECT_EQ(Rational::make(1, int64_t(1) << 62)->str(),
            "0.00000000000000000021684043449710088680149056017398834228515625");
  EXPECT_EQ(Rational::make(-INT64_MAX, int64_t(1) << 62)->str(),
            "-1.99999999999999999978315956550289911319850943982601165771484375");
  EXPECT_EQ(Rational::make(INT64_MAX, 7450580596923828125)->str(), "1.237940039285380274764906496");
}

TEST(Rational, RoundsToDeclaredSteps) {
  Rational Half = *Rational::make(1, 2);
  EXPECT_EQ(*Rational::make(7, 4)->floorTo(Half), Rational(*Rational::make(3, 2)));
  EXPECT_EQ(*Rational::make(7, 4)->ceilTo(Half), Rational(2));
  EXPECT_EQ(*Rational::make(5, 4)->roundTo(Half), Rational(*Rational::make(3, 2)));
  EXPECT_EQ(*Rational::make(-1, 4)->floorTo(Half), Rational(*Rational::make(-1, 2)));
}

TEST(Rational, OverflowIsReportedNotWrapped) {
  Rational Big = Rational(INT64_MAX - 1);
  EXPECT_FALSE(Big.add(Big).has_value());
  EXPECT_FALSE(Big.mul(Rational(3)).has_value());
  EXPECT_FALSE(Rational(1).div(Rational(0)).has_value());
}

// Whole numbers and small fractions take 64-bit paths; their results and their
// overflow must be those of the exact 128-bit arithmetic.
TEST(Rational, SmallValuesAgreeWithWideArithmetic) {
  EXPECT_EQ(*Rational(INT64_MAX - 1).add(Rational(1)), Rational(INT64_MAX));
  EXPECT_FALSE(Rational(INT64_MAX).add(Rational(1)).has_value());
  // -2^63 is not a value a Rational holds (its negation overflows).
  EXPECT_FALSE(Rational(-INT64_MAX).sub(Rational(1)).has_value());
  EXPECT_EQ(*Rational(-INT64_MAX).add(Rational(INT64_MAX)), Rational(0));
  EXPECT_EQ(*Rational(3).sub(Rational(5)), Rational(-2));
  // A numerator of -2^63 before reduction that reduces into range.
  Rational OddHalves = *Rational::make(-(int64_t(1) << 62) - 1, 2);
  EXPECT_EQ(*Rational::make(1, 2)->add(OddHalves), Rational(-(int64_t(1) << 61)));
  EXPECT_EQ(*Rational::make(3, 4)->add(*Rational::make(1, 4)), Rational(1));
  EXPECT_EQ(*Rational::make(5, 6)->mul(*Rational::make(3, 10)), *Rational::make(1, 4));
  EXPECT_EQ(*Rational(-7).mul(Rational(6)), Rational(-42));
  EXPECT_FALSE(Rational(int64_t(1) << 62).mul(Rational(-2)).has_value());
  EXPECT_FALSE(Rational(int64_t(1) << 62).mul(Rational(2)).has_value());
  EXPECT_FALSE(Rational::make(INT64_MIN, 1).has_value());
  EXPECT_EQ(Rational::make(-5, 1)->num(), -5);
  // Comparison with equal and with different denominators.
  EXPECT_LT(*Rational::make(1, 3), *Rational::make(2, 3));
  EXPECT_GT(Rational(-1), Rational(-2));
  EXPECT_LT(*Rational::make(1, 3), *Rational::make(1, 2));
  EXPECT_EQ(Rational(7).compare(*Rational::make(14, 2)), 0);
}
