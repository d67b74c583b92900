// Typed, path-tracking access to a parsed JSON document, with one sticky error.
#ifndef CERTC_IR_JSONREADER_H
#define CERTC_IR_JSONREADER_H

#include "ir/Scalars.h"

#include "base/Date.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace certc::ir {

/// A JSON path as a chain of stack frames, rendered only when an error needs it.
struct JsonPath {
  const JsonPath *Parent = nullptr;
  llvm::StringRef Key; ///< empty for an array element
  size_t Index = 0;

  JsonPath field(llvm::StringRef K) const { return {this, K, 0}; }
  JsonPath index(size_t I) const { return {this, "", I}; }

  /// "rules[3].earnings[0].points"; empty for the document itself.
  std::string str() const {
    llvm::SmallVector<const JsonPath *, 8> Chain;
    for (const JsonPath *P = this; P->Parent; P = P->Parent)
      Chain.push_back(P);
    std::string Text;
    for (const JsonPath *P : llvm::reverse(Chain)) {
      if (!P->Key.empty())
        Text += (Text.empty() ? "" : ".") + P->Key.str();
      else
        Text += "[" + std::to_string(P->Index) + "]";
    }
    return Text;
  }
};

/// Base of readers that map JSON onto structs; Derived (CRTP) defines the item
/// readers for its structs, all of the form
///   void readX(const llvm::json::Value &, const JsonPath &, X &Out);
/// and passes them, like the scalar readers here, as &Derived::readX. Errors are
/// sticky: after the first, every read is a no-op, so readers never unwind by
/// hand and check failure() once at the end.
template <typename Derived> class JsonReader {
public:
  explicit JsonReader(llvm::StringRef FileName) : FileName(FileName) {}

  /// The first error, as "FILE: PATH: message", if any.
  const std::optional<std::string> &failure() const { return Failure; }

protected:
  llvm::StringRef FileName;
  std::optional<std::string> Failure;

  template <typename T>
  using ItemReader = void (Derived::*)(const llvm::json::Value &, const JsonPath &, T &);
  // Item readers inherited from here convert to ItemReader<T>; keeping T out of
  // deduction lets them.
  template <typename T> struct NoDeduce { using Type = T; };

  void fail(const JsonPath &Where, const llvm::Twine &Msg) {
    if (Failure)
      return;
    std::string Location = Where.str();
    Failure = (FileName + ": " + (Location.empty() ? "" : Location + ": ") + Msg).str();
  }

  // --- Objects and their keys -------------------------------------------------

  const llvm::json::Object *asObject(const llvm::json::Value &V, const JsonPath &Where) {
    if (Failure)
      return nullptr;
    const llvm::json::Object *O = V.getAsObject();
    if (!O)
      fail(Where, "expected an object");
    return O;
  }

  /// Exactly Keys: a missing key and an unknown one are both errors.
  bool checkKeys(const llvm::json::Object &O, const JsonPath &Where,
                 llvm::ArrayRef<llvm::StringRef> Keys) {
    if (Failure)
      return false;
    for (llvm::StringRef Key : Keys)
      if (!O.get(Key)) {
        fail(Where, "missing key \"" + Key + "\"");
        return false;
      }
    // Report the smallest unknown key so the message does not depend on hashing.
    std::optional<std::string> Unknown;
    for (const auto &KV : O) {
      llvm::StringRef Key = KV.first;
      if (!llvm::is_contained(Keys, Key) && (!Unknown || Key < *Unknown))
        Unknown = Key.str();
    }
    if (Unknown) {
      fail(Where.field(*Unknown), "unexpected key");
      return false;
    }
    return true;
  }

  const llvm::json::Object *object(const llvm::json::Value &V, const JsonPath &Where,
                                   std::initializer_list<llvm::StringRef> Keys) {
    const llvm::json::Object *O = asObject(V, Where);
    if (!O || !checkKeys(*O, Where, llvm::makeArrayRef(Keys.begin(), Keys.end())))
      return nullptr;
    return O;
  }

  template <typename T>
  void get(const llvm::json::Object &O, const JsonPath &Where, llvm::StringRef Key, T &Out,
           typename NoDeduce<ItemReader<T>>::Type Item) {
    if (Failure)
      return;
    const llvm::json::Value *V = O.get(Key);
    if (!V) {
      fail(Where, "missing key \"" + Key + "\"");
      return;
    }
    (static_cast<Derived *>(this)->*Item)(*V, Where.field(Key), Out);
  }

  template <typename T>
  void getList(const llvm::json::Object &O, const JsonPath &Where, llvm::StringRef Key,
               std::vector<T> &Out, typename NoDeduce<ItemReader<T>>::Type Item) {
    if (Failure)
      return;
    const llvm::json::Value *V = O.get(Key);
    if (!V) {
      fail(Where, "missing key \"" + Key + "\"");
      return;
    }
    JsonPath ListPath = Where.field(Key);
    const llvm::json::Array *A = V->getAsArray();
    if (!A) {
      fail(ListPath, "expected an array");
      return;
    }
    Out.reserve(A->size());
    for (size_t I = 0; I < A->size() && !Failure; ++I) {
      Out.emplace_back();
      (static_cast<Derived *>(this)->*Item)((*A)[I], ListPath.index(I), Out.back());
    }
  }

  // --- Scalars ----------------------------------------------------------------

  void readString(const llvm::json::Value &V, const JsonPath &Where, std::string &Out) {
    if (llvm::Optional<llvm::StringRef> S = V.getAsString())
      Out = S->str();
    else
      fail(Where, "expected a string");
  }

  void readBool(const llvm::json::Value &V, const JsonPath &Where, bool &Out) {
    if (llvm::Optional<bool> B = V.getAsBoolean())
      Out = *B;
    else
      fail(Where, "expected true or false");
  }

  /// An integer in [Min, Max]; the parser produces only integers that fit int64.
  std::optional<int64_t> integer(const llvm::json::Value &V, const JsonPath &Where, int64_t Min,
                                 int64_t Max) {
    llvm::Optional<int64_t> I = V.getAsInteger();
    if (!I)
      fail(Where, "expected an integer");
    else if (*I < Min || *I > Max)
      fail(Where, "integer " + llvm::Twine(*I) + " is out of range [" + llvm::Twine(Min) + ", " +
                      llvm::Twine(Max) + "]");
    else
      return *I;
    return std::nullopt;
  }

  void readU32(const llvm::json::Value &V, const JsonPath &Where, uint32_t &Out) {
    if (std::optional<int64_t> I = integer(V, Where, 0, UINT32_MAX))
      Out = static_cast<uint32_t>(*I);
  }

  /// A table index, or null for None (which is never written as a number).
  void readIndex(const llvm::json::Value &V, const JsonPath &Where, uint32_t &Out) {
    if (V.getAsNull()) {
      Out = None;
      return;
    }
    if (V.kind() != llvm::json::Value::Number) {
      fail(Where, "expected an index or null");
      return;
    }
    if (std::optional<int64_t> I = integer(V, Where, 0, int64_t(None) - 1))
      Out = static_cast<uint32_t>(*I);
  }

  void readInt32(const llvm::json::Value &V, const JsonPath &Where, int32_t &Out) {
    if (std::optional<int64_t> I = integer(V, Where, INT32_MIN, INT32_MAX))
      Out = static_cast<int32_t>(*I);
  }

  void readOptionalInt64(const llvm::json::Value &V, const JsonPath &Where,
                         std::optional<int64_t> &Out) {
    if (V.getAsNull()) {
      Out.reset();
      return;
    }
    if (std::optional<int64_t> I = integer(V, Where, INT64_MIN, INT64_MAX))
      Out = *I;
  }

  void readRational(const llvm::json::Value &V, const JsonPath &Where, Rational &Out) {
    llvm::Optional<llvm::StringRef> S = V.getAsString();
    std::optional<Rational> R = S ? parseRationalText(*S) : std::nullopt;
    if (R)
      Out = *R;
    else
      fail(Where, "expected a rational in lowest terms, such as \"7/2\" or \"18\"");
  }

  void readDate(const llvm::json::Value &V, const JsonPath &Where, Date &Out) {
    llvm::Optional<llvm::StringRef> S = V.getAsString();
    std::optional<Date> D = S ? Date::parse(*S) : std::nullopt;
    if (D)
      Out = *D;
    else
      fail(Where, "expected a date \"YYYY-MM-DD\" in years 1 to 9999");
  }

  void readOptionalDate(const llvm::json::Value &V, const JsonPath &Where,
                        std::optional<Date> &Out) {
    if (V.getAsNull()) {
      Out.reset();
      return;
    }
    Date D;
    readDate(V, Where, D);
    Out = D;
  }

  void readMask(const llvm::json::Value &V, const JsonPath &Where, uint64_t &Out) {
    llvm::Optional<llvm::StringRef> S = V.getAsString();
    std::optional<uint64_t> M = S ? parseMaskText(*S) : std::nullopt;
    if (M)
      Out = *M;
    else
      fail(Where, "expected a bit mask such as \"0x1f\" (lowercase, no leading zeros)");
  }

  template <typename E, std::optional<E> (*Parse)(llvm::StringRef)>
  void readName(const llvm::json::Value &V, const JsonPath &Where, E &Out) {
    llvm::Optional<llvm::StringRef> S = V.getAsString();
    if (!S) {
      fail(Where, "expected a string");
      return;
    }
    if (std::optional<E> Parsed = Parse(*S))
      Out = *Parsed;
    else
      fail(Where, "unknown name \"" + *S + "\"");
  }
};

} // namespace certc::ir

#endif
