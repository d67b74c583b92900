// NameIndex: schema names found by their length and first and last bytes,
// with long names and names that share those bytes told apart.
#include "ledger/NameIndex.h"

#include <gtest/gtest.h>

#include <string>

using namespace certc::ledger;

namespace {

TEST(NameIndex, FindsExactNamesOfEveryLength) {
  NameIndex Index;
  std::string Long = "a_field_name_longer_than_sixteen_bytes";
  for (uint32_t Size = 1; Size <= Long.size(); ++Size)
    Index.insert(Long.substr(0, Size), Size);
  for (uint32_t Size = 1; Size <= Long.size(); ++Size)
    EXPECT_EQ(Index.find(Long.substr(0, Size)), Size);
  EXPECT_EQ(Index.find(""), NotFound);
  EXPECT_EQ(Index.find(Long + "s"), NotFound);
  EXPECT_EQ(Index.find("A"), NotFound);
}

TEST(NameIndex, NamesSharingTheirEndsDifferInTheMiddle) {
  NameIndex Index;
  Index.insert("completion_date_XX_of_the_course", 1);
  Index.insert("completion_date_YY_of_the_course", 2);
  Index.insert("completed_on", 3);
  Index.insert("completed_at", 4);
  EXPECT_EQ(Index.find("completion_date_XX_of_the_course"), 1u);
  EXPECT_EQ(Index.find("completion_date_YY_of_the_course"), 2u);
  EXPECT_EQ(Index.find("completion_date_ZZ_of_the_course"), NotFound);
  EXPECT_EQ(Index.find("completed_on"), 3u);
  EXPECT_EQ(Index.find("completed_at"), 4u);
  EXPECT_EQ(Index.find("completed_in"), NotFound);
  // A shorter name is not a prefix match, and a name with a NUL byte is distinct.
  EXPECT_EQ(Index.find("completed"), NotFound);
  EXPECT_EQ(Index.find(llvm::StringRef("completed_on\0", 13)), NotFound);
}

TEST(NameIndex, TheFirstValueOfANameWinsAndTheTableGrows) {
  NameIndex Index;
  for (uint32_t I = 0; I < 200; ++I)
    Index.insert("field" + std::to_string(I), I);
  Index.insert("field7", 999);
  for (uint32_t I = 0; I < 200; ++I)
    EXPECT_EQ(Index.find("field" + std::to_string(I)), I);
  EXPECT_EQ(Index.find("field200"), NotFound);
}

} // namespace
