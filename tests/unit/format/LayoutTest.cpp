// The layout rules of `certc fmt`, one behaviour per test, on text that need
// only parse (names are not resolved).
#include "FormatText.h"

#include <gtest/gtest.h>

using certc::testsupport::formatText;

namespace {

TEST(Layout, ClausesStartLinesOneStepInAndSpacingIsCanonical) {
  EXPECT_EQ(formatText("rule   a :each  x where member . region in {full,retired}  earns 1 point\n"
                       "   per 2 hours into Education .\n"),
            "rule a: each x where member.region in {full, retired}\n"
            "  earns 1 point per 2 hours\n"
            "  into Education.\n");
}

TEST(Layout, DeclarationsStartLinesAndBlocksIndent) {
  EXPECT_EQ(formatText("category A. category B.\n"
                       "group g at most 20 points { rule a: each x earns 1 point into A.\n"
                       "group h { rule b: each y earns 2 points into B. } }"),
            "category A.\n"
            "category B.\n"
            "group g at most 20 points {\n"
            "  rule a: each x\n"
            "    earns 1 point\n"
            "    into A.\n"
            "  group h {\n"
            "    rule b: each y\n"
            "      earns 2 points\n"
            "      into B.\n"
            "  }\n"
            "}\n");
}

TEST(Layout, FieldsOfARecordAreLinesOfItsBlock) {
  EXPECT_EQ(formatText("member { name: text required  joined: date } activity course period { hours: hours }\n"
                       "member {}"),
            "member {\n"
            "  name: text required\n"
            "  joined: date\n"
            "}\n"
            "activity course period {\n"
            "  hours: hours\n"
            "}\n"
            "member {\n"
            "}\n");
}

TEST(Layout, EmptyLinesAreKeptOnceBetweenLinesAndDroppedAtBlockEdges) {
  EXPECT_EQ(formatText("\n\ncategory A.\n\n\n\ncategory B.\ncategory C.\n"
                       "group g {\n\n  rule a: each x\n\n  earns 1 point into A.\n\n}\n\n"),
            "category A.\n"
            "\n"
            "category B.\n"
            "category C.\n"
            "group g {\n"
            "  rule a: each x\n"
            "\n"
            "    earns 1 point\n"
            "    into A.\n"
            "}\n");
}

TEST(Layout, CommentsStayWhereTheyWere) {
  EXPECT_EQ(formatText("# heading\n\n"
                       "group g { // why the group\n"
                       "// before the rule\n"
                       "rule a: each x   // after the head\n"
                       "  earns 1 point // one per session\n"
                       "        per 2 hours\n"
                       "  into A. // done\n"
                       "   // last in the block\n"
                       "}\n"
                       "// end of file   \n"),
            "# heading\n"
            "\n"
            "group g { // why the group\n"
            "  // before the rule\n"
            "  rule a: each x // after the head\n"
            "    earns 1 point // one per session\n"
            "      per 2 hours\n"
            "    into A. // done\n"
            "  // last in the block\n"
            "}\n"
            "// end of file\n");
}

TEST(Layout, LongClausesBreakBeforeElseThenOrThenAnd) {
  EXPECT_EQ(formatText("prerequisite position: position in {clerk, deputy_clerk} or count of core_duties at least 4 "
                       "or (membership in {associate, retired} and enrolled contains CMC) else \"must be a clerk or "
                       "a deputy clerk\".\n"),
            "prerequisite position: position in {clerk, deputy_clerk} or count of core_duties at least 4\n"
            "    or (membership in {associate, retired} and enrolled contains CMC)\n"
            "    else \"must be a clerk or a deputy clerk\".\n");
}

TEST(Layout, ListsBreakAfterCommasWhenNothingBetterIsLeft) {
  std::string Quote(70, 'q');
  EXPECT_EQ(formatText("requirement r: A at least 1 point cite g, \"Section of the guidelines\", \"" + Quote + "\"."),
            "requirement r: A at least 1 point\n"
            "  cite g, \"Section of the guidelines\",\n"
            "    \"" + Quote + "\".\n");
}

TEST(Layout, ALineThatCannotBreakStaysWhole) {
  std::string Title(120, 't');
  EXPECT_EQ(formatText("source g: \"" + Title + "\" file \"g.txt\"."),
            "source g: \"" + Title + "\" file \"g.txt\".\n");
}

TEST(Layout, FilesWithoutDeclarations) {
  EXPECT_EQ(formatText(""), "");
  EXPECT_EQ(formatText("\n\n  // only a comment\n\n"), "// only a comment\n");
}

TEST(Layout, TextThatDoesNotParseIsNotFormatted) {
  EXPECT_EQ(formatText("rule a: each."), std::nullopt);
}

TEST(Layout, FormattingIsIdempotent) {
  const char *Samples[] = {
      "group g { // c\nrule a: each x where a and (b or c) // d\n earns 1 point\n// e\n into A. }",
      "prerequisite p: a or b // x\n or c else \"no\" cite s, \"S\", \"Q\".",
  };
  for (const char *Sample : Samples) {
    std::optional<std::string> Once = formatText(Sample);
    ASSERT_TRUE(Once) << Sample;
    EXPECT_EQ(formatText(*Once), Once) << Sample;
  }
}

} // namespace
