// Editions of one designation: which is in force on a date, and the sets that
// overlap, leave a gap, supersede an edition not given or are undated.
#include "eval/Editions.h"

#include <gtest/gtest.h>

namespace certc::eval {
namespace {

Date day(const char *Text) { return *Date::parse(Text); }

EditionFacts edition(std::string Name, const char *Effective, std::string Supersedes = "",
                     const char *From = nullptr) {
  EditionFacts E{std::move(Name), day(Effective), std::move(Supersedes), std::nullopt};
  if (From)
    E.SupersedesFrom = day(From);
  return E;
}

const std::vector<EditionFacts> Chain = {edition("2013", "2013-11-23", "2009", "2013-11-23"),
                                         edition("2009", "2009-01-01")};

TEST(Editions, EachDateFromTheFirstHasExactlyOneEdition) {
  EXPECT_TRUE(checkEditions(Chain).empty());
  EXPECT_EQ(editionInForce(Chain, day("2009-01-01")), 1u);
  EXPECT_EQ(editionInForce(Chain, day("2013-11-22")), 1u);
  EXPECT_EQ(editionInForce(Chain, day("2013-11-23")), 0u);
  EXPECT_EQ(editionInForce(Chain, day("2030-01-01")), 0u);
  EXPECT_EQ(editionInForce(Chain, day("2008-12-31")), std::nullopt);
}

TEST(Editions, OneEditionIsInForceWhateverTheDate) {
  std::vector<EditionFacts> One = {edition("2017", "2017-05-20")};
  EXPECT_TRUE(checkEditions(One).empty());
  EXPECT_EQ(editionInForce(One, day("2000-01-01")), 0u);
}

TEST(Editions, StartingBeforeTheOldEditionEndsOverlaps) {
  std::vector<EditionFacts> Set = {edition("2009", "2009-01-01"), edition("2013", "2013-11-01", "2009", "2013-11-23")};
  std::vector<EditionProblem> P = checkEditions(Set);
  ASSERT_EQ(P.size(), 1u);
  EXPECT_EQ(P[0].K, EditionProblem::Kind::Overlap);
  EXPECT_EQ(P[0].From, day("2013-11-01"));
  EXPECT_EQ(P[0].Until, day("2013-11-23"));
  EXPECT_EQ(editionInForce(Set, day("2013-11-10")), std::nullopt);
  EXPECT_EQ(describeEditionProblem(P[0], Set, "CMC"),
            "editions `2009` and `2013` of CMC are both in force from 2013-11-01 until 2013-11-23");
}

TEST(Editions, StartingAfterTheOldEditionEndsLeavesAGap) {
  std::vector<EditionFacts> Set = {edition("2009", "2009-01-01"), edition("2013", "2014-01-01", "2009", "2013-11-23")};
  std::vector<EditionProblem> P = checkEditions(Set);
  ASSERT_EQ(P.size(), 1u);
  EXPECT_EQ(P[0].K, EditionProblem::Kind::Gap);
  EXPECT_EQ(editionInForce(Set, day("2013-12-01")), std::nullopt);
}

TEST(Editions, MissingUndatedAndTwoRoots) {
  std::vector<EditionFacts> Missing = {edition("2009", "2009-01-01"), edition("2013", "2013-11-23", "2008", "2013-11-23")};
  ASSERT_FALSE(checkEditions(Missing).empty());
  EXPECT_EQ(checkEditions(Missing)[0].K, EditionProblem::Kind::SupersededMissing);

  std::vector<EditionFacts> Undated = Chain;
  Undated[1].Effective.reset();
  ASSERT_FALSE(checkEditions(Undated).empty());
  EXPECT_EQ(checkEditions(Undated)[0].K, EditionProblem::Kind::Undated);

  std::vector<EditionFacts> Roots = {edition("2009", "2009-01-01"), edition("2013", "2013-11-23")};
  std::vector<EditionProblem> P = checkEditions(Roots);
  ASSERT_EQ(P.size(), 1u);
  EXPECT_EQ(P[0].K, EditionProblem::Kind::Overlap);
  EXPECT_EQ(P[0].From, day("2013-11-23"));
}

} // namespace
} // namespace certc::eval
