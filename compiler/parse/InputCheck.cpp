// Rejects input the recursive-descent parser must never see: binary or
// pathologically nested text would otherwise cost memory, stack or a crash.
#include "parse/InputCheck.h"
#include "parse/Parser.h"

#include "llvm/Support/ConvertUTF.h"

namespace certc {

namespace {
llvm::SMRange at(const char *P) {
  return {llvm::SMLoc::getFromPointer(P), llvm::SMLoc::getFromPointer(P + 1)};
}
bool isWordChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || (C >= '0' && C <= '9') || C == '_';
}
} // namespace

// The size of a policy file is checked before it is read (ModuleLoader).
bool checkPolicyInput(llvm::StringRef Text, DiagnosticEngine &Diags) {
  for (const char *P = Text.begin(); P != Text.end(); ++P) {
    unsigned char C = static_cast<unsigned char>(*P);
    if (C == 0 || (C < 0x20 && C != '\n' && C != '\r' && C != '\t' && C != '\f')) {
      Diags.report(diag::ControlByte, at(P), C);
      return false;
    }
  }
  const llvm::UTF8 *Start = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const llvm::UTF8 *End = reinterpret_cast<const llvm::UTF8 *>(Text.end());
  const llvm::UTF8 *Bad = Start;
  if (!llvm::isLegalUTF8String(&Bad, End)) {
    Diags.report(diag::InvalidUtf8, at(reinterpret_cast<const char *>(Bad)));
    return false;
  }
  // Brackets, chains of `not`, date shifts (`+ 1 days`) and `years since` are the
  // unbounded recursion in the grammar; shifts and `years since` are counted per
  // statement (reset at a `.` that ends one).
  unsigned Depth = 0, Nots = 0, Chain = 0;
  bool InString = false, InComment = false;
  for (const char *P = Text.begin(); P != Text.end(); ++P) {
    char C = *P;
    if (InComment) {
      InComment = C != '\n';
      continue;
    }
    if (InString) {
      if (C == '\\' && P + 1 != Text.end())
        ++P;
      else if (C == '"' || C == '\n')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
    } else if (C == '#' || (C == '/' && P + 1 != Text.end() && P[1] == '/')) {
      InComment = true;
    } else if (C == '(' || C == '{') {
      if (++Depth > MaxNestingDepth) {
        Diags.report(diag::BracketsNestTooDeep, at(P), MaxNestingDepth);
        return false;
      }
    } else if (C == ')' || C == '}') {
      if (Depth > 0)
        --Depth;
    } else if (C == 'n' && (P == Text.begin() || !isWordChar(P[-1])) &&
               llvm::StringRef(P, Text.end() - P).startswith("not") &&
               (P + 3 == Text.end() || !isWordChar(P[3]))) {
      if (++Nots > MaxNestingDepth) {
        Diags.report(diag::NotChainTooLong, at(P), MaxNestingDepth);
        return false;
      }
      P += 2;
    } else if (C == '+' || (C == '-' && P != Text.begin() && (P[-1] == ' ' || P[-1] == '\t')) ||
               (C == 's' && (P == Text.begin() || !isWordChar(P[-1])) &&
                llvm::StringRef(P, Text.end() - P).startswith("since") &&
                (P + 5 == Text.end() || !isWordChar(P[5])))) {
      if (++Chain > MaxNestingDepth) {
        Diags.report(diag::DateShiftChainTooLong, at(P), MaxNestingDepth);
        return false;
      }
      Nots = 0;
    } else if (C == '.' && (P + 1 == Text.end() || P[1] == ' ' || P[1] == '\n' || P[1] == '\r' || P[1] == '\t')) {
      Nots = 0;
      Chain = 0;
    } else if (isWordChar(C) || C == '.' || C == ';') {
      Nots = 0;
    }
  }
  return true;
}

} // namespace certc
