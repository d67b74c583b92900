// The compiler pipeline as one call: load -> check -> lower -> verify -> hash.
// Shared by the `check`, `build`, `run` and `test` verbs.
#ifndef CERTC_DRIVER_PIPELINE_H
#define CERTC_DRIVER_PIPELINE_H

#include "check/Check.h"
#include "diag/Diagnostics.h"
#include "ir/IR.h"

#include <optional>
#include <string>
#include <vector>

namespace certc {

/// The stdlib directory: --stdlib when given, else the installed one next to the
/// executable, else the source tree's.
std::string findStdlibDir(llvm::StringRef Option, const char *Argv0);

/// Compiles a .cert file to verified, hashed IR. Fragment mode checks a library
/// file with no policy header (and returns nullopt for it even when clean).
std::optional<ir::Policy> compilePolicy(llvm::StringRef Path, llvm::StringRef StdlibDir,
                                        DiagnosticEngine &Diags, CheckMode Mode);

/// A policy to run: compiled IR (.json, verified on load) or a .cert file,
/// whose diagnostics stop after ErrorLimit errors (0: none).
/// Problems are printed to stderr; nullopt when there were any. FilesRead,
/// when given, receives the path of every file read (the policy, its imports).
std::optional<ir::Policy> loadPolicy(llvm::StringRef Path, llvm::StringRef StdlibDir, unsigned ErrorLimit,
                                     std::vector<std::string> *FilesRead = nullptr);

} // namespace certc

#endif
