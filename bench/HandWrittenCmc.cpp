// The floor: a switch over kinds with the CMC's rates and caps written in C++.
#include "HandWrittenCmc.h"

namespace certc::bench {

namespace {
uint32_t kindNamed(const ir::Policy &P, const char *Name) {
  for (uint32_t K = 0; K < P.Kinds.size(); ++K)
    if (P.Symbols[P.Kinds[K].Name] == Name)
      return K;
  return ir::None;
}
Rational half(Rational R) { return R.floorTo(*Rational::make(1, 2)).value_or(0); }
} // namespace

HandWrittenCmc::HandWrittenCmc(const ir::Policy &P) : P(P) {
  KindInstitute = kindNamed(P, "institute_course");
  KindState = kindNamed(P, "state_course");
  KindConference = kindNamed(P, "annual_conference");
  KindAthenian = kindNamed(P, "athenian_dialogue");
  KindEmployment = kindNamed(P, "employment");
  KindOnline = kindNamed(P, "online_course");
  for (ir::SymbolId S = 0; S < P.Symbols.size(); ++S)
    if (P.Symbols[S] == "full_time")
      FullTime = S;
}

uint32_t HandWrittenCmc::field(uint32_t Kind, const char *Name) const {
  const auto &Fields = P.Kinds[Kind].Fields;
  for (uint32_t F = 0; F < Fields.size(); ++F)
    if (Fields[F].Name == Name)
      return F;
  return ir::None;
}

bool HandWrittenCmc::audit(const ledger::Member &M, Date AsOf) const {
  static thread_local const HandWrittenCmc *Cached = nullptr;
  static thread_local uint32_t Hours, Assessed, Review, Points, Date_, Start, End, Schedule, Admin, OnlineHours;
  if (Cached != this) {
    Cached = this;
    Hours = field(KindInstitute, "hours");
    Assessed = field(KindInstitute, "assessed");
    Review = field(KindState, "course_review");
    Points = field(KindConference, "points");
    Date_ = field(KindAthenian, "date");
    Start = field(KindEmployment, "start");
    End = field(KindEmployment, "end");
    Schedule = field(KindEmployment, "schedule");
    Admin = field(KindEmployment, "administrative");
    OnlineHours = field(KindOnline, "hours");
  }
  Rational Education = 0, Experience = 0, Athenian = 0, Employment = 0, EitherOr = 0;
  Date Cutoff = *Date::parse("2013-11-23");
  for (const ledger::Activity &A : M.Activities) {
    const auto &F = A.Fields;
    if (A.Kind == KindInstitute && F[Assessed].Bool) {
      Education = *Education.add(half(*F[Hours].Number.div(2)));
    } else if (A.Kind == KindState && F[Review].Bool) {
      Education = *Education.add(half(*F[Hours].Number.div(4)));
    } else if (A.Kind == KindConference) {
      EitherOr = *EitherOr.add(std::min(F[Points].Number, Rational(8)));
    } else if (A.Kind == KindAthenian) {
      Athenian = *Athenian.add(F[Date_].DateValue < Cutoff ? 2 : 3);
    } else if (A.Kind == KindEmployment && F[Admin].Bool) {
      Date To = F[End].K == ir::Value::Kind::Date ? F[End].DateValue : AsOf;
      int Years = F[Start].DateValue.wholeYearsUntil(To);
      Employment = *Employment.add(Rational(Years * (F[Schedule].Symbol == FullTime ? 4 : 2)));
    } else if (A.Kind == KindOnline && F[OnlineHours].Number >= Rational(4)) {
      Experience = *Experience.add(1);
    }
  }
  Education = *Education.add(std::min(Athenian, Rational(18)));
  Experience = *Experience.add(std::min(Employment, Rational(40)));
  // Greedy either-or: fill Education first, then Experience.
  Rational Need = Education < Rational(60) ? *Rational(60).sub(Education) : Rational(0);
  Rational ToEducation = std::min(Need, EitherOr);
  Education = *Education.add(ToEducation);
  Experience = *Experience.add(*EitherOr.sub(ToEducation));
  if (Education > Rational(60))
    Experience = *Experience.add(*Education.sub(60));
  return Education >= Rational(60) && Experience >= Rational(50);
}

} // namespace certc::bench
