// Decodes one exception record against the policy, for both file formats.
#include "exceptions/Record.h"

#include "ledger/FieldDecoding.h"

#include <algorithm>
#include <tuple>

namespace certc::exceptions::detail {

namespace {
using Action = eval::StaffException::Action;
using ledger::detail::quote;

constexpr llvm::StringRef Names[] = {"id",           "member", "action", "item", "category",
                                     "prerequisite", "points", "by",     "date", "reason"};

/// Which fields an action needs, may have, and may not have.
enum class Use : uint8_t { Required, Optional, NotAllowed };
Use useOf(Action A, llvm::StringRef Field) {
  if (Field == "item")
    return A == Action::Credit || A == Action::Exclude ? Use::Required : Use::NotAllowed;
  if (Field == "category")
    return A == Action::Credit || A == Action::Grant ? Use::Required : Use::NotAllowed;
  if (Field == "prerequisite")
    return A == Action::Waive ? Use::Required : Use::NotAllowed;
  if (Field == "points")
    return A == Action::Grant ? Use::Required : A == Action::Credit ? Use::Optional : Use::NotAllowed;
  return Field == "id" ? Use::Optional : Use::Required;
}

std::optional<Action> parseAction(llvm::StringRef Text) {
  for (Action A : {Action::Credit, Action::Exclude, Action::Waive, Action::Grant})
    if (Text == eval::actionName(A))
      return A;
  return std::nullopt;
}

template <typename Named>
std::vector<llvm::StringRef> namesOf(const std::vector<Named> &Table) {
  std::vector<llvm::StringRef> Out;
  for (const Named &N : Table)
    Out.push_back(N.Name);
  return Out;
}

std::string listOf(const std::vector<llvm::StringRef> &Names) {
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I)
    Out += (I == 0 ? "`" : ", `") + Names[I].str() + "`";
  return Out;
}

class RecordDecoder {
public:
  RecordDecoder(const ir::Policy &P, llvm::StringRef FileName, const Record &R, ExceptionsFile &Out)
      : P(P), FileName(FileName), R(R), Out(Out) {}

  void run();

private:
  void error(const RecordField *At, llvm::StringRef Field, std::string Message) {
    ledger::LedgerError E;
    E.File = FileName.str();
    E.Line = At ? At->Line : R.Line;
    E.Col = At ? At->Col : R.Col;
    E.Member = X.Member;
    E.Activity = X.Item;
    E.Field = Field.str();
    E.Message = std::move(Message);
    Out.Errors.push_back(std::move(E));
    Failed = true;
  }
  const RecordField *find(llvm::StringRef Name) const {
    for (const RecordField &F : R.Fields)
      if (F.Name == Name)
        return &F;
    return nullptr;
  }
  /// The text of a field that must be text, or null after reporting why not.
  const RecordField *text(llvm::StringRef Name) {
    const RecordField *F = find(Name);
    if (F && (!F->WrongType.empty() || F->IsNumber)) {
      error(F, Name, "expected a string, found " + (F->IsNumber ? "a number" : F->WrongType));
      return nullptr;
    }
    return F;
  }
  void checkFieldNames();
  void checkFieldsOf(Action A);
  void decodeNames();
  void decodePoints();
  void decodeDate();

  const ir::Policy &P;
  llvm::StringRef FileName;
  const Record &R;
  ExceptionsFile &Out;
  eval::StaffException X;
  bool Failed = false;
};

void RecordDecoder::checkFieldNames() {
  for (size_t I = 0; I < R.Fields.size(); ++I) {
    const RecordField &F = R.Fields[I];
    if (!llvm::is_contained(Names, F.Name))
      error(&F, F.Name,
            "unknown field" + ledger::detail::didYouMean(F.Name, {std::begin(Names), std::end(Names)}));
    for (size_t J = 0; J < I; ++J)
      if (R.Fields[J].Name == F.Name)
        error(&F, F.Name, "field given twice (first on line " + std::to_string(R.Fields[J].Line) + ")");
  }
}

void RecordDecoder::checkFieldsOf(Action A) {
  for (llvm::StringRef Name : Names) {
    const RecordField *F = find(Name);
    Use U = useOf(A, Name);
    if (U == Use::NotAllowed && F)
      error(F, Name, "does not apply to `" + eval::actionName(A).str() + "`");
    else if (U == Use::Required && !F)
      error(nullptr, Name, "missing: `" + eval::actionName(A).str() + "` needs `" + Name.str() + "`");
    else if (U == Use::Required && F && F->WrongType.empty() && llvm::StringRef(F->Text).trim().empty())
      error(F, Name, "is empty");
  }
}

void RecordDecoder::decodeNames() {
  if (const RecordField *F = text("category")) {
    auto Names = namesOf(P.Categories);
    auto At = llvm::find(Names, F->Text);
    if (At == Names.end())
      error(F, "category", "the policy has no category " + quote(F->Text) + " (its categories: " + listOf(Names) + ")");
    else
      X.Category = static_cast<uint32_t>(At - Names.begin());
  }
  if (const RecordField *F = text("prerequisite")) {
    auto Names = namesOf(P.Prerequisites);
    auto At = llvm::find(Names, F->Text);
    if (At == Names.end()) {
      error(F, "prerequisite",
            "the policy has no prerequisite " + quote(F->Text) + ledger::detail::didYouMean(F->Text, Names));
    } else {
      X.Prerequisite = static_cast<uint32_t>(At - Names.begin());
      if (!P.Prerequisites[X.Prerequisite].Waivable)
        error(F, "prerequisite", "the policy declares prerequisite `" + F->Text + "` not waivable");
    }
  }
}

void RecordDecoder::decodePoints() {
  const RecordField *F = find("points");
  if (!F || !F->WrongType.empty()) {
    if (F)
      error(F, "points", "expected a number, found " + F->WrongType);
    return;
  }
  ir::Field Quantity;
  Quantity.Type = ir::ValueType::Quantity;
  ledger::FieldValue V;
  std::string Problem = ledger::detail::decodeNumber(Quantity, llvm::StringRef(F->Text).trim(), V);
  if (Problem.empty() && !(V.Number > Rational(0)))
    Problem = "points must be more than 0";
  if (!Problem.empty())
    return error(F, "points", Problem);
  X.Points = V.Number;
}

void RecordDecoder::decodeDate() {
  const RecordField *F = text("date");
  if (!F || F->Text.empty())
    return;
  ledger::FieldValue V;
  if (std::string Problem = ledger::detail::decodeDate(llvm::StringRef(F->Text).trim(), V); !Problem.empty())
    return error(F, "date", Problem);
  X.On = V.DateValue;
}

void RecordDecoder::run() {
  X.File = FileName.str();
  X.Line = R.Line;
  X.Col = R.Col;
  if (const RecordField *F = text("member")) {
    X.Member = F->Text;
    X.MemberLine = F->Line;
    X.MemberCol = F->Col;
  }
  if (const RecordField *F = text("item")) {
    X.Item = F->Text;
    X.ItemLine = F->Line;
    X.ItemCol = F->Col;
  }
  checkFieldNames();
  const RecordField *ActionField = text("action");
  std::optional<Action> A = ActionField ? parseAction(llvm::StringRef(ActionField->Text).trim()) : std::nullopt;
  if (!ActionField && !find("action"))
    error(nullptr, "action", "missing: every exception needs `action` (credit, exclude, waive or grant)");
  else if (ActionField && !A)
    error(ActionField, "action", quote(ActionField->Text) + " is not an action: expected credit, exclude, waive or grant");
  if (A) {
    X.A = *A;
    checkFieldsOf(*A);
  }
  for (llvm::StringRef Name : {"by", "reason", "id"})
    if (const RecordField *F = text(Name))
      (Name == "by" ? X.By : Name == "reason" ? X.Reason : X.Id) = F->Text;
  decodeNames();
  decodePoints();
  decodeDate();
  if (X.Id.empty())
    X.Id = "exception " + std::to_string(R.Number);
  if (Failed) {
    if (!X.Member.empty())
      Out.MembersWithErrors[X.Member] = true;
    return;
  }
  Out.Exceptions.push_back(std::move(X));
}
} // namespace

llvm::ArrayRef<llvm::StringRef> fieldNames() { return Names; }

void decodeRecord(const ir::Policy &P, llvm::StringRef FileName, const Record &R, ExceptionsFile &Out) {
  size_t Mark = Out.Errors.size();
  RecordDecoder(P, FileName, R, Out).run();
  // Checked field by field; reported in the order they appear.
  std::stable_sort(Out.Errors.begin() + Mark, Out.Errors.end(), [](const ledger::LedgerError &A, const ledger::LedgerError &B) {
    return std::tie(A.Line, A.Col) < std::tie(B.Line, B.Col);
  });
}

void fileError(ExceptionsFile &Out, llvm::StringRef FileName, uint32_t Line, uint32_t Col, std::string Message) {
  ledger::LedgerError E;
  E.File = FileName.str();
  E.Line = Line;
  E.Col = Col;
  E.Message = std::move(Message);
  Out.Errors.push_back(std::move(E));
  Out.Unreadable = true;
}

} // namespace certc::exceptions::detail
