// JsonLexer's places: tokens carry only where they begin, and the lexer
// counts lines on request, in any order, from the start of a part too.
#include "ledger/JsonLexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace certc::ledger::detail;

namespace {

std::vector<JsonToken> lexAll(JsonLexer &Lex) {
  std::vector<JsonToken> Tokens;
  JsonToken T;
  for (Lex.next(T); T.Kind != JsonTok::End; Lex.next(T))
    Tokens.push_back(T);
  Tokens.push_back(T);
  return Tokens;
}

std::string placeOf(JsonLexer &Lex, const JsonToken &T) {
  JsonPlace P = Lex.place(T);
  return std::to_string(P.Line) + ":" + std::to_string(P.Col);
}

const char *const Text = "[1,\n  {\"a\": true},\r\n\n\t\"b\"\n]";

TEST(JsonLexerPlaces, ForwardsBackwardsAndAgain) {
  JsonLexer Lex(Text);
  std::vector<JsonToken> T = lexAll(Lex);
  ASSERT_EQ(T.size(), 12u); // [ 1 , { "a" : true } , "b" ] end
  std::vector<std::string> Expected = {"1:1", "1:2", "1:3", "2:3", "2:4", "2:7",
                                       "2:9", "2:13", "2:14", "4:2", "5:1", "5:2"};
  for (size_t I = 0; I < T.size(); ++I)
    EXPECT_EQ(placeOf(Lex, T[I]), Expected[I]) << "token " << I;
  for (size_t I = T.size(); I-- > 0;)
    EXPECT_EQ(placeOf(Lex, T[I]), Expected[I]) << "token " << I << ", asked backwards";
  for (size_t I : {9, 0, 11, 3, 10, 4})
    EXPECT_EQ(placeOf(Lex, T[I]), Expected[I]) << "token " << I << ", asked out of order";
}

TEST(JsonLexerPlaces, APartStartsAtItsLineAndColumn) {
  // The part begins at `{` on line 2, column 3; places before it are never asked for.
  std::string Buffer = Text;
  JsonLexer Lex(Buffer, Buffer.find('{'), 2, 3);
  std::vector<JsonToken> T = lexAll(Lex);
  ASSERT_EQ(T[0].Kind, JsonTok::LBrace);
  EXPECT_EQ(placeOf(Lex, T[6]), "4:2");
  EXPECT_EQ(placeOf(Lex, T[0]), "2:3");
  EXPECT_EQ(placeOf(Lex, T[1]), "2:4");
  EXPECT_EQ(placeOf(Lex, T[7]), "5:1");
}

TEST(JsonLexerPlaces, AByteOrderMarkCountsInTheFirstLinesColumns) {
  JsonLexer Lex("\xEF\xBB\xBF[\n 1]");
  std::vector<JsonToken> T = lexAll(Lex);
  EXPECT_EQ(placeOf(Lex, T[0]), "1:4");
  EXPECT_EQ(placeOf(Lex, T[1]), "2:2");
}

TEST(JsonLexerPlaces, AnInvalidTokenIsPlacedAtItsProblem) {
  JsonLexer Lex("[\n  \"ok\\q\", -x]");
  std::vector<JsonToken> T = lexAll(Lex);
  ASSERT_EQ(T[1].Kind, JsonTok::Invalid);
  EXPECT_STREQ(T[1].Problem, "invalid escape in a string");
  EXPECT_EQ(placeOf(Lex, T[1]), "2:6"); // the backslash, not the opening quote
  JsonLexer Word("[\n -nope]");
  std::vector<JsonToken> W = lexAll(Word);
  ASSERT_EQ(W[1].Kind, JsonTok::Invalid);
  EXPECT_EQ(W[1].Text, "-nope");
  EXPECT_EQ(placeOf(Word, W[1]), "2:3"); // the word after the minus
}

} // namespace
