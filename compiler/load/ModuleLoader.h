// Loads a policy file and, transitively, its imports: resolved next to the
// importing file first, then in the stdlib directory. Reports missing and cyclic
// imports. Files come back in dependency order (imports before importers).
#ifndef CERTC_LOAD_MODULELOADER_H
#define CERTC_LOAD_MODULELOADER_H

#include "ast/AST.h"
#include "diag/Diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace certc {

/// Imports nest at most this deep (the root file is depth 0); deeper is E0016.
inline constexpr unsigned MaxImportDepth = 64;

struct LoadedModule {
  std::vector<ast::File> Files; ///< imports first; the root file last
};

/// Returns nullopt when any file could not be read or parsed, or imports are
/// missing or cyclic (all reported to Diags).
std::optional<LoadedModule> loadModule(llvm::StringRef RootPath, llvm::StringRef StdlibDir,
                                       DiagnosticEngine &Diags);

/// The same for a root file given as text (its imports are still read from disk,
/// relative to RootPath's folder); for tools and fuzzers that hold policy text.
std::optional<LoadedModule> loadModuleFromText(llvm::StringRef RootPath, llvm::StringRef Text,
                                               llvm::StringRef StdlibDir, DiagnosticEngine &Diags);

/// Reads a policy file (a regular file within the size limit) into Diags'
/// SourceMgr and returns its buffer id; nullopt after reporting why not at At.
std::optional<unsigned> addPolicyFile(llvm::StringRef Path, llvm::SMRange At, DiagnosticEngine &Diags);

} // namespace certc

#endif
