// The C API (certc/certc.h) over the C++ one: opaque handles, malloc'd strings.
#include "certc/certc.h"
#include "certc/Runtime.h"

#include <cstdlib>
#include <cstring>
#include <ctime>

struct certc_policy {
  std::shared_ptr<const certc::Policy> P;
};

namespace {
/// A malloc'd copy of S for the caller to free with certc_string_free; NULL only
/// when memory is exhausted.
char *copyOut(llvm::StringRef S) {
  char *Out = static_cast<char *>(std::malloc(S.size() + 1));
  if (!Out)
    return nullptr;
  if (!S.empty())
    std::memcpy(Out, S.data(), S.size());
  Out[S.size()] = '\0';
  return Out;
}

void set(char **Out, llvm::StringRef S) {
  if (Out)
    *Out = copyOut(S);
}

std::optional<certc::Date> todayUtc() {
  std::time_t Now = std::time(nullptr);
  std::tm Utc{};
  gmtime_r(&Now, &Utc);
  return certc::Date::fromCivil(Utc.tm_year + 1900, static_cast<unsigned>(Utc.tm_mon + 1),
                                static_cast<unsigned>(Utc.tm_mday));
}
} // namespace

extern "C" {

const char *certc_version(void) { return certc::runtimeVersion(); }

certc_policy *certc_policy_load(const char *ir_json, size_t len, char **error) {
  if (error)
    *error = nullptr;
  if (!ir_json && len != 0) {
    set(error, "certc_policy_load: ir_json is NULL");
    return nullptr;
  }
  llvm::StringRef Text(ir_json ? ir_json : "", ir_json ? len : 0);
  llvm::Expected<std::shared_ptr<const certc::Policy>> P = certc::Policy::load(Text, "policy");
  if (!P) {
    set(error, llvm::toString(P.takeError()));
    return nullptr;
  }
  return new certc_policy{std::move(*P)};
}

void certc_policy_free(certc_policy *policy) { delete policy; }

int certc_audit_json(const certc_policy *policy, const char *ledger_json, size_t len,
                     const char *as_of, char **out_json_lines, char **errors) {
  if (out_json_lines)
    *out_json_lines = nullptr;
  if (errors)
    *errors = nullptr;
  auto Fail = [&](llvm::StringRef Message) {
    set(out_json_lines, "");
    set(errors, Message.str() + "\n");
    return 1;
  };
  if (!policy)
    return Fail("certc_audit_json: policy is NULL");
  if (!ledger_json && len != 0)
    return Fail("certc_audit_json: ledger_json is NULL");
  std::optional<certc::Date> AsOf = as_of ? certc::Date::parse(as_of) : todayUtc();
  if (!AsOf)
    return Fail(std::string("certc_audit_json: as_of `") + as_of + "` is not a date (expected YYYY-MM-DD)");

  llvm::StringRef Text(ledger_json ? ledger_json : "", ledger_json ? len : 0);
  certc::LedgerAudits R = policy->P->evaluateJson(Text, "ledger", *AsOf);
  if (out_json_lines) {
    std::string Lines;
    for (const certc::eval::Audit &A : R.Audits)
      Lines += policy->P->toJson(A);
    *out_json_lines = copyOut(Lines);
  }
  if (!R.ok())
    set(errors, R.errorText());
  return R.ok() ? 0 : 1;
}

void certc_string_free(char *s) { std::free(s); }

} // extern "C"
