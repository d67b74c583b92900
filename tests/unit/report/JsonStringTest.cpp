#include "report/JsonString.h"

#include "llvm/ADT/SmallString.h"

#include <gtest/gtest.h>

using namespace certc::report;

namespace {
std::string literal(llvm::StringRef S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeJsonString(OS, S);
  return OS.str();
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(literal(""), "\"\"");
  EXPECT_EQ(literal("plain"), "\"plain\"");
  EXPECT_EQ(literal("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(literal("C:\\dir"), "\"C:\\\\dir\"");
  EXPECT_EQ(literal("a\nb\rc\td"), "\"a\\nb\\rc\\td\"");
  EXPECT_EQ(literal(llvm::StringRef("\x01\x1f\0", 3)), "\"\\u0001\\u001f\\u0000\"");
  // Bytes from 0x7f up, UTF-8 included, are not escaped.
  EXPECT_EQ(literal("caf\xc3\xa9 \x7f"), "\"caf\xc3\xa9 \x7f\"");
}

TEST(JsonString, FindsEveryEscapeAtEveryOffsetOfALongString) {
  // The scan looks at eight bytes at a time; each special byte at each
  // position, first and last included, must still be found.
  for (char Special : {'"', '\\', '\n', '\x1f', '\0'}) {
    for (size_t At = 0; At < 24; ++At) {
      std::string S(24, 'x');
      S[At] = Special;
      std::string Got = literal(S);
      EXPECT_EQ(Got.size(), 2 + 23 + (Special == '\x1f' || Special == '\0' ? 6 : 2))
          << "byte " << int(Special) << " at " << At;
      EXPECT_EQ(Got.substr(1 + At, 1), "\\") << "byte " << int(Special) << " at " << At;
    }
  }
  // Bytes next to the special ones (0x20, '!', '#', '[', ']') pass as they are.
  EXPECT_EQ(literal(" !#[]  !#[]  !#[] "), "\" !#[]  !#[]  !#[] \"");
}

TEST(JsonString, StreamWritesOneLiteralPerBeginAndEnd) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  JsonStringStream Literal(OS);
  Literal.begin();
  Literal << "3 \"days\"" << ' ' << 42;
  Literal.end(/*EmptyIsNull=*/true);
  OS << ',';
  Literal.begin();
  Literal.end(/*EmptyIsNull=*/true);
  OS << ',';
  Literal.begin();
  Literal.end(/*EmptyIsNull=*/false);
  OS << ',';
  // Longer than the stream's buffer: escaped in pieces, still one literal.
  std::string Long(2000, 'y');
  Long[511] = '"';
  Long[512] = '\\';
  Literal.begin();
  Literal << Long;
  Literal.end(/*EmptyIsNull=*/true);
  std::string LongEscaped = std::string(511, 'y') + "\\\"\\\\" + std::string(2000 - 513, 'y');
  EXPECT_EQ(OS.str(), "\"3 \\\"days\\\" 42\",null,\"\",\"" + LongEscaped + "\"");
}
} // namespace
