// `certc test [PATH...]`: runs policy tests (*.test.json, format in
// docs/committee-guide.md): an example ledger, an audit date and the expected
// outcome. Prints expected against actual for each failure and ends with
// `N passed, N failed`.
#include "driver/LedgerFiles.h"
#include "driver/Pipeline.h"
#include "driver/Verbs.h"
#include "base/InputFile.h"
#include "eval/Evaluate.h"
#include "ir/StrictJson.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

namespace certc {

namespace {
namespace cl = llvm::cl;
namespace json = llvm::json;
cl::list<std::string> TestPaths(cl::Positional, cl::ZeroOrMore, cl::desc("<test file or folder>..."),
                                cl::sub(TestCommand));

/// A test is a small hand-written file; these bound a wrong or hostile one.
constexpr uint64_t MaxTestFileBytes = 4 << 20;
constexpr unsigned MaxTestJsonDepth = 16;

struct LoadedPolicy {
  ir::Policy Policy;
  std::unique_ptr<eval::PolicyIndex> Index;
  std::unique_ptr<ledger::LedgerSchema> Schema;
};

/// Expected points are strings ("7.5") or integers, so they stay exact.
std::optional<Rational> expectedPoints(const json::Value &V) {
  if (auto S = V.getAsString())
    return Rational::parse(*S);
  if (auto I = V.getAsInteger())
    return Rational(*I);
  return std::nullopt;
}

class TestRun {
public:
  explicit TestRun(std::string Stdlib) : Stdlib(std::move(Stdlib)) {}

  /// Returns the failures of one test file (empty when it passes).
  std::vector<std::string> run(const std::string &Path) {
    std::vector<std::string> Fails;
    InputFile In = readInputFile(Path, MaxTestFileBytes);
    if (In.TooLarge)
      return {"the test has " + std::to_string(In.Size) + " bytes; the limit is " +
              std::to_string(MaxTestFileBytes)};
    if (!In.Buffer)
      return {"cannot read the test: " + In.Error};
    // Strict: a repeated key would otherwise silently keep the last value.
    llvm::Expected<json::Value> Doc = ir::parseStrictJson(In.Buffer->getBuffer(), MaxTestJsonDepth);
    if (!Doc)
      return {"the test is not valid JSON: " + Path + ":" + llvm::toString(Doc.takeError())};
    const json::Object *Test = Doc->getAsObject();
    if (!Test)
      return {"a test is a JSON object"};
    for (const auto &KV : *Test)
      if (KV.first != "description" && KV.first != "policy" && KV.first != "ledger" && KV.first != "as_of" &&
          KV.first != "period" && KV.first != "expect")
        Fails.push_back("unknown key `" + KV.first.str() + "`");
    auto PolicyPath = Test->getString("policy");
    auto LedgerPath = Test->getString("ledger");
    auto AsOfText = Test->getString("as_of");
    const json::Object *Expect = Test->getObject("expect");
    if (!PolicyPath || !LedgerPath || !AsOfText || !Expect)
      Fails.push_back("a test needs `policy`, `ledger`, `as_of` (strings) and `expect` (an object)");
    if (!Fails.empty())
      return Fails;
    std::optional<Date> AsOf = Date::parse(*AsOfText);
    if (!AsOf)
      return {"`as_of` is not a date (YYYY-MM-DD)"};
    // `period` names the compliance period to audit, as `certc run --period` does.
    eval::AuditOptions Options;
    if (const json::Value *PeriodValue = Test->get("period")) {
      llvm::Optional<llvm::StringRef> PeriodText = PeriodValue->getAsString();
      Options.PeriodOf = PeriodText ? Date::parse(*PeriodText) : std::nullopt;
      if (!Options.PeriodOf)
        return {"`period` is not a date (YYYY-MM-DD)"};
    }

    llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
    LoadedPolicy *P = policy(resolve(Dir, *PolicyPath));
    if (!P)
      return {"the policy `" + PolicyPath->str() + "` does not compile"};
    std::vector<ledger::LedgerError> Errors;
    std::vector<LedgerSource> Sources = findLedgers({resolve(Dir, *LedgerPath)}, Errors);
    std::vector<ledger::Member> Members;
    for (const LedgerSource &S : Sources) {
      ledger::ReadResult R = readLedger(*P->Schema, S);
      Errors.insert(Errors.end(), R.Errors.begin(), R.Errors.end());
      for (ledger::Member &M : R.Members)
        Members.push_back(std::move(M));
    }
    for (const ledger::LedgerError &E : Errors)
      Fails.push_back("ledger error: " + E.str());
    if (!Fails.empty())
      return Fails;
    if (Members.size() != 1)
      return {"a test ledger must hold exactly one member"};
    llvm::Expected<eval::Audit> A = eval::evaluate(*P->Index, Members[0], *AsOf, Options);
    if (!A)
      return {"audit failed: " + llvm::toString(A.takeError())};
    compare(*Expect, P->Policy, *A, Fails);
    return Fails;
  }

private:
  static std::string resolve(llvm::StringRef Dir, llvm::StringRef Rel) {
    if (llvm::sys::path::is_absolute(Rel))
      return Rel.str();
    llvm::SmallString<256> Full(Dir);
    llvm::sys::path::append(Full, Rel);
    return std::string(Full);
  }

  LoadedPolicy *policy(const std::string &Path) {
    auto It = Policies.find(Path);
    if (It != Policies.end())
      return It->second.get();
    std::unique_ptr<LoadedPolicy> Loaded;
    if (std::optional<ir::Policy> P = loadPolicy(Path, Stdlib, ErrorLimitOption)) {
      Loaded = std::make_unique<LoadedPolicy>();
      Loaded->Policy = std::move(*P);
      Loaded->Index = std::make_unique<eval::PolicyIndex>(Loaded->Policy);
      Loaded->Schema = std::make_unique<ledger::LedgerSchema>(Loaded->Policy);
    }
    return (Policies[Path] = std::move(Loaded)).get();
  }

  static void compare(const json::Object &Expect, const ir::Policy &P, const eval::Audit &A,
                      std::vector<std::string> &Fails) {
    auto Mismatch = [&](const std::string &What, const std::string &Want, const std::string &Got) {
      Fails.push_back(What + ": expected " + Want + ", got " + Got);
    };
    for (const auto &KV : Expect) {
      llvm::StringRef Key = KV.first;
      if (Key == "eligible") {
        if (KV.second.getAsBoolean() != A.Eligible)
          Mismatch("eligible", KV.second.getAsBoolean().getValueOr(false) ? "true" : "false",
                   A.Eligible ? "true" : "false");
      } else if (Key == "categories" && KV.second.getAsObject()) {
        for (const auto &C : *KV.second.getAsObject()) {
          auto Want = expectedPoints(C.second);
          auto Got = std::find_if(A.Categories.begin(), A.Categories.end(),
                                  [&](const eval::CategoryResult &R) { return R.Name == C.first.str(); });
          if (!Want)
            Fails.push_back("categories." + C.first.str() + ": expected points must be a string or an integer");
          else if (Got == A.Categories.end())
            Fails.push_back("categories." + C.first.str() + ": no such category");
          else if (Got->Points != *Want)
            Mismatch("categories." + C.first.str(), Want->str(), Got->Points.str());
        }
      } else if (Key == "requirements" && KV.second.getAsObject()) {
        for (const auto &R : *KV.second.getAsObject()) {
          auto Got = std::find_if(A.Requirements.begin(), A.Requirements.end(),
                                  [&](const eval::RequirementResult &X) { return X.Name == R.first.str(); });
          if (Got == A.Requirements.end())
            Fails.push_back("requirements." + R.first.str() + ": no such requirement or prerequisite");
          else if (R.second.getAsBoolean() != Got->Met)
            Mismatch("requirements." + R.first.str(), R.second.getAsBoolean().getValueOr(false) ? "met" : "not met",
                     (Got->Met ? "met" : "not met") + (Got->Detail.empty() ? "" : " (" + Got->Detail + ")"));
        }
      } else if (Key == "items" && KV.second.getAsObject()) {
        for (const auto &I : *KV.second.getAsObject()) {
          std::string Where = "items." + I.first.str();
          auto Got = std::find_if(A.Items.begin(), A.Items.end(),
                                  [&](const eval::ItemResult &X) { return X.Id == I.first.str(); });
          const json::Object *Want = I.second.getAsObject();
          if (Got == A.Items.end() || !Want) {
            Fails.push_back(Where + ": no such activity (or its expectation is not an object)");
            continue;
          }
          std::string Reason = eval::reasonText(P, A, *Got);
          if (auto C = Want->getBoolean("credited"); C && *C != Got->Credited)
            Mismatch(Where + ".credited", *C ? "true" : "false",
                     Got->Credited ? "true" : "false (" + Reason + ")");
          if (auto C = Want->getString("category"); C && *C != Got->Category)
            Mismatch(Where + ".category", C->str(), Got->Category.empty() ? "none" : Got->Category.str());
          if (auto C = Want->getString("rule"); C && *C != Got->Rule)
            Mismatch(Where + ".rule", C->str(), Got->Rule.empty() ? "none" : Got->Rule.str());
          if (const json::Value *PV = Want->get("points")) {
            auto WantPoints = expectedPoints(*PV);
            if (!WantPoints || *WantPoints != Got->Points)
              Mismatch(Where + ".points", WantPoints ? WantPoints->str() : "<a string or integer>", Got->Points.str());
          }
          if (auto C = Want->getString("reason"); C && Reason.find(C->str()) == std::string::npos)
            Mismatch(Where + ".reason", "a reason containing \"" + C->str() + "\"", "\"" + Reason + "\"");
        }
      } else if (Key == "missing" && KV.second.getAsArray()) {
        std::vector<std::string> Want;
        for (const json::Value &M : *KV.second.getAsArray())
          Want.push_back(M.getAsString().getValueOr("").str());
        if (Want != A.Missing) {
          auto Join = [](const std::vector<std::string> &V) {
            std::string S;
            for (const std::string &X : V)
              S += (S.empty() ? "" : "; ") + X;
            return "[" + S + "]";
          };
          Mismatch("missing", Join(Want), Join(A.Missing));
        }
      } else {
        Fails.push_back("expect: unknown or malformed key `" + Key.str() + "`");
      }
    }
  }

  std::string Stdlib;
  std::map<std::string, std::unique_ptr<LoadedPolicy>> Policies;
};

void collectTests(const std::string &Path, std::vector<std::string> &Out, std::vector<std::string> &Missing) {
  if (!llvm::sys::fs::is_directory(Path)) {
    if (llvm::sys::fs::exists(Path))
      Out.push_back(Path);
    else
      Missing.push_back(Path);
    return;
  }
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Path, EC), End; It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).endswith(".test.json"))
      Out.push_back(It->path());
}
} // namespace

int runTest(const char *Argv0) {
  std::vector<std::string> Files, Missing;
  std::vector<std::string> Paths(TestPaths.begin(), TestPaths.end());
  if (Paths.empty())
    Paths.push_back("policies");
  for (const std::string &P : Paths)
    collectTests(P, Files, Missing);
  std::sort(Files.begin(), Files.end());
  TestRun Run(findStdlibDir(StdlibOption, Argv0));
  unsigned Passed = 0, Failed = 0;
  for (const std::string &M : Missing) {
    llvm::outs() << "FAIL " << M << "\n  no such test file or folder\n";
    ++Failed;
  }
  for (const std::string &F : Files) {
    std::vector<std::string> Fails = Run.run(F);
    if (Fails.empty()) {
      ++Passed;
      llvm::outs() << "PASS " << F << "\n";
      continue;
    }
    ++Failed;
    llvm::outs() << "FAIL " << F << "\n";
    for (const std::string &Why : Fails)
      llvm::outs() << "  " << Why << "\n";
  }
  llvm::outs() << Passed << " passed, " << Failed << " failed\n";
  return Failed == 0 && Passed > 0 ? 0 : 1;
}

} // namespace certc
