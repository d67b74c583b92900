// The lowering: a checked policy (Sema and its AST) to certc's IR. The only place
// that knows both sides; it resolves nothing itself and reports nothing.
#ifndef CERTC_LOWER_LOWER_H
#define CERTC_LOWER_LOWER_H

#include "check/Sema.h"
#include "ir/IR.h"

#include "llvm/Support/SourceMgr.h"

namespace certc {

/// SourceFiles in the IR name the root file as given and imports by file name
/// (stdlib imports as `stdlib/NAME`), so the IR does not depend on the machine.
ir::Policy lowerPolicy(const sema::Sema &S, const llvm::SourceMgr &SM, llvm::StringRef StdlibDir);

} // namespace certc

#endif
