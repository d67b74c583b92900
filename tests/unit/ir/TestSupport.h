// Error helpers for the IR tests (LLVM's gtest matchers need a library Debian lacks).
#ifndef CERTC_TESTS_IR_TESTSUPPORT_H
#define CERTC_TESTS_IR_TESTSUPPORT_H

#include "llvm/Support/Error.h"

#include <string>

namespace certc::ir::test {

/// The error's message, or "" on success; consumes the error.
inline std::string errorText(llvm::Error E) {
  return E ? llvm::toString(std::move(E)) : std::string();
}

/// The error's message, or "" when E holds a value; consumes the error.
template <typename T> std::string errorText(llvm::Expected<T> &E) {
  return E ? std::string() : llvm::toString(E.takeError());
}

inline bool contains(const std::string &Text, const std::string &Part) {
  return Text.find(Part) != std::string::npos;
}

} // namespace certc::ir::test

#endif
