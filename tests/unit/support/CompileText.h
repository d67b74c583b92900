// Compiles policy text held in memory, for unit tests of the checker, the
// lowering and the evaluator. Imports resolve in the real stdlib/.
#ifndef CERTC_TESTS_COMPILETEXT_H
#define CERTC_TESTS_COMPILETEXT_H

#include "check/Check.h"
#include "ir/IR.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace certc::testsupport {

struct Compiled {
  std::vector<std::string> Codes;    ///< diagnostic codes, in source order
  std::vector<std::string> Messages; ///< their messages
  std::optional<ir::Policy> Policy;  ///< when the text has a header and no errors
};

/// Policy text is prefixed with `import "ledger.cert". import "sources.cert".`
/// unless it already imports something.
Compiled compileText(const std::string &Text);

/// Text as the content of the file RootPath (imports resolve next to it, then
/// in stdlib/), compiled as it is.
Compiled compileTextAt(const std::string &RootPath, const std::string &Text);

} // namespace certc::testsupport

#endif
