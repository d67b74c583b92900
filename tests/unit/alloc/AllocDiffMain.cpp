// alloc_vs_glpsol: allocateCredits against glpsol (and exhaustive search) on random problems.
#include "CplexLp.h"
#include "ProblemText.h"
#include "RandomProblem.h"
#include "Reference.h"
#include "alloc/AllocatorInternal.h"
#include "alloc/LimitSolver.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace certc;
using namespace certc::alloc;
using namespace certc::alloc::test;

namespace {

struct Options {
  uint64_t Count = 1000;
  uint64_t Seed = 1;
  unsigned Jobs = 2;
  std::string Glpsol = "glpsol";
  /// Exhaustive search checks the tie-break when it enumerates at most this many vectors.
  uint64_t BruteLimit = 20000;
  /// The problems' size; the defaults are the specified 3-12 items.
  RandomShape Shape;
};

std::optional<Options> parseArgs(int Argc, char **Argv) {
  Options O;
  for (int I = 1; I < Argc; ++I) {
    std::string A = Argv[I];
    auto value = [&]() -> const char * { return I + 1 < Argc ? Argv[++I] : nullptr; };
    const char *V = nullptr;
    if ((A == "--count" || A == "--seed" || A == "--jobs" || A == "--glpsol" ||
         A == "--brute-limit" || A == "--items" || A == "--max-amount" || A == "--pin-percent" ||
         A == "--limit-percent") &&
        !(V = value()))
      return std::nullopt;
    if (A == "--count")
      O.Count = std::strtoull(V, nullptr, 10);
    else if (A == "--seed")
      O.Seed = std::strtoull(V, nullptr, 10);
    else if (A == "--jobs")
      O.Jobs = std::max(1ul, std::strtoul(V, nullptr, 10));
    else if (A == "--glpsol")
      O.Glpsol = V;
    else if (A == "--pin-percent")
      O.Shape.PinPercent = static_cast<int>(std::min(100ul, std::strtoul(V, nullptr, 10)));
    else if (A == "--limit-percent")
      O.Shape.LimitPercent = static_cast<int>(std::min(100ul, std::strtoul(V, nullptr, 10)));
    else if (A == "--brute-limit")
      O.BruteLimit = std::strtoull(V, nullptr, 10);
    else if (A == "--items") {
      // "MIN-MAX", e.g. 20-60
      char *End = nullptr;
      O.Shape.MinItems = static_cast<unsigned>(std::strtoul(V, &End, 10));
      O.Shape.MaxItems = *End == '-' ? static_cast<unsigned>(std::strtoul(End + 1, nullptr, 10))
                                     : O.Shape.MinItems;
      if (O.Shape.MinItems == 0 || O.Shape.MaxItems < O.Shape.MinItems)
        return std::nullopt;
    } else if (A == "--max-amount") {
      O.Shape.MaxAmount = std::strtoll(V, nullptr, 10);
      O.Shape.MaxCombined = 2 * O.Shape.MaxAmount;
    }
    else
      return std::nullopt;
  }
  return O;
}

/// Problem I of a run depends only on (Seed, I), so a failure can be replayed
/// alone and chunks of a soak run with different seeds never overlap.
std::mt19937_64 problemRng(uint64_t Seed, uint64_t I) {
  std::seed_seq Seq{uint32_t(Seed), uint32_t(Seed >> 32), uint32_t(I), uint32_t(I >> 32)};
  return std::mt19937_64(Seq);
}

RandomShape shapeFor(std::mt19937_64 &Rng, RandomShape Shape) {
  // Mostly halves as specified; some quarters exercise a larger common scale.
  if (Rng() % 10 == 0)
    Shape.Denominator = 4;
  return Shape;
}

double toDouble(const Rational &R) { return double(R.num()) / double(R.den()); }

struct Pending {
  uint64_t Index;
  pid_t Pid;
  std::string LpPath, SolPath;
  Problem P;
  Solution S;
};

std::optional<double> readObjective(const std::string &SolPath) {
  std::ifstream In(SolPath);
  std::string Line;
  while (std::getline(In, Line)) {
    if (Line.rfind("s mip ", 0) != 0)
      continue;
    std::istringstream Fields(Line.substr(6));
    long Rows, Cols;
    std::string Status;
    double Objective;
    if (Fields >> Rows >> Cols >> Status >> Objective && Status == "o")
      return Objective;
    return std::nullopt;
  }
  return std::nullopt;
}

class Differential {
public:
  explicit Differential(Options O) : Opts(std::move(O)) {}

  int run() {
    char Template[] = "/tmp/alloc-diff-XXXXXX";
    const char *Dir = mkdtemp(Template);
    if (!Dir) {
      std::perror("alloc_vs_glpsol: mkdtemp");
      return 2;
    }
    WorkDir = Dir;
    auto Start = std::chrono::steady_clock::now();
    for (uint64_t I = 0; I < Opts.Count; ++I) {
      while (InFlight.size() >= Opts.Jobs)
        finishOldest();
      start(I);
    }
    while (!InFlight.empty())
      finishOldest();
    rmdir(WorkDir.c_str());
    double Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    std::printf("alloc_vs_glpsol: %llu passed, %llu failed (seed %llu; %llu also "
                "checked exhaustively, %llu with shared limits and their tie-break checked by glpsol; "
                "allocator %.1f us/problem; %.1f s)\n",
                (unsigned long long)Passed, (unsigned long long)Failed,
                (unsigned long long)Opts.Seed, (unsigned long long)Exhaustive, (unsigned long long)TieBreakChecked,
                AllocSeconds * 1e6 / double(std::max<uint64_t>(1, Opts.Count)), Seconds);
    return Failed == 0 && Passed == Opts.Count ? 0 : 1;
  }

private:
  void fail(uint64_t I, const Problem &P, const std::string &Why) {
    ++Failed;
    std::printf("FAIL problem %llu (seed %llu): %s\n%s", (unsigned long long)I,
                (unsigned long long)Opts.Seed, Why.c_str(), describeProblem(P).c_str());
  }

  void start(uint64_t I) {
    std::mt19937_64 Rng = problemRng(Opts.Seed, I);
    RandomShape Shape = shapeFor(Rng, Opts.Shape);
    Problem P = randomProblem(Rng, Shape);

    auto T0 = std::chrono::steady_clock::now();
    llvm::Expected<Solution> S = allocateCredits(P);
    AllocSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - T0).count();
    if (!S) {
      fail(I, P, "allocateCredits failed: " + llvm::toString(S.takeError()));
      return;
    }
    if (hasBindingLimits(P)) {
      // The counts are no function of the choices here: check them against
      // every bound, and the tie-break against glpsol, item by item.
      if (std::string Why = checkLimitSolution(P, *S); !Why.empty()) {
        fail(I, P, "inconsistent solution: " + Why);
        return;
      }
      if (std::string Why = checkEarlierOptionsFallShort(I, P, *S); !Why.empty()) {
        fail(I, P, Why);
        return;
      }
      ++TieBreakChecked;
      spawnGlpsol(I, std::move(P), std::move(*S));
      return;
    }
    if (std::string Why = checkConsistent(P, *S); !Why.empty()) {
      fail(I, P, "inconsistent solution: " + Why);
      return;
    }
    // The exact fronts alone must choose exactly what the fast path chose.
    SearchOptions ExactOnly;
    ExactOnly.UseWitnesses = false;
    ExactOnly.UseFirstChoices = false;
    llvm::Expected<Solution> Exact = allocateCreditsWith(P, ExactOnly);
    if (!Exact) {
      fail(I, P, "exact-only search failed: " + llvm::toString(Exact.takeError()));
      return;
    }
    if (Exact->Choice != S->Choice) {
      fail(I, P, "fast path chose " + describeChoice(S->Choice) + " but exact fronts chose " +
                     describeChoice(Exact->Choice));
      return;
    }
    if (bruteForceSize(P) <= Opts.BruteLimit) {
      ++Exhaustive;
      std::vector<int32_t> Best = bruteForceChoice(P);
      if (Best != S->Choice) {
        fail(I, P, "choice " + describeChoice(S->Choice) + " (progress " +
                       S->Progress.str() + ") but exhaustive search prefers " +
                       describeChoice(Best) + " (progress " +
                       referenceEvaluate(P, Best).Progress.str() + ")");
        return;
      }
    }

    spawnGlpsol(I, std::move(P), std::move(*S));
  }

  /// Whether some shared limit of P can bind (the allocator then counts by its limit solver).
  static bool hasBindingLimits(const Problem &P) {
    return !P.Limits.empty() && hasLimits(withoutSlackLimits(P));
  }

  /// glpsol's optimum of P with the given choices fixed, run to completion.
  std::optional<double> optimumWith(uint64_t I, const Problem &P, const std::vector<std::pair<size_t, size_t>> &Fixed) {
    std::string Lp = WorkDir + "/t" + std::to_string(I) + ".lp", Sol = WorkDir + "/t" + std::to_string(I) + ".sol";
    std::ofstream(Lp) << writeCplexLp(P, Fixed);
    std::string Command = Opts.Glpsol + " --lp " + Lp + " -w " + Sol + " > /dev/null";
    std::optional<double> Objective;
    if (std::system(Command.c_str()) == 0)
      Objective = readObjective(Sol);
    std::remove(Lp.c_str());
    std::remove(Sol.c_str());
    return Objective;
  }

  /// The tie-break: for each item, every option before the chosen one, with
  /// the earlier items' choices kept, must fall short of the optimum.
  std::string checkEarlierOptionsFallShort(uint64_t I, const Problem &P, const Solution &S) {
    std::vector<std::pair<size_t, size_t>> Prefix;
    for (size_t Item = 0; Item < P.Items.size(); ++Item) {
      if (S.Choice[Item] < 0)
        continue;
      for (int32_t O = 0; O < S.Choice[Item] && P.Items[Item].Pinned < 0; ++O) {
        std::vector<std::pair<size_t, size_t>> Fixed = Prefix;
        Fixed.push_back({Item, size_t(O)});
        std::optional<double> Objective = optimumWith(I, P, Fixed);
        if (!Objective)
          return "glpsol gave no optimum with item " + std::to_string(Item) + " in option " + std::to_string(O);
        if (*Objective > toDouble(S.Progress) - 1e-6)
          return "item " + std::to_string(Item) + " took option " + std::to_string(S.Choice[Item]) +
                 " but glpsol reaches " + std::to_string(*Objective) + " with the earlier option " + std::to_string(O);
      }
      Prefix.push_back({Item, size_t(S.Choice[Item])});
    }
    return "";
  }

  void spawnGlpsol(uint64_t I, Problem P, Solution S) {
    Pending Job{I, 0, WorkDir + "/p" + std::to_string(I) + ".lp",
                WorkDir + "/p" + std::to_string(I) + ".sol", std::move(P), std::move(S)};
    std::ofstream(Job.LpPath) << writeCplexLp(Job.P);
    std::vector<std::string> Args = {Opts.Glpsol, "--lp", Job.LpPath, "-w", Job.SolPath};
    std::vector<char *> Argv;
    for (std::string &A : Args)
      Argv.push_back(A.data());
    Argv.push_back(nullptr);
    posix_spawn_file_actions_t Actions;
    posix_spawn_file_actions_init(&Actions);
    posix_spawn_file_actions_addopen(&Actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    int Err = posix_spawnp(&Job.Pid, Opts.Glpsol.c_str(), &Actions, nullptr, Argv.data(), environ);
    posix_spawn_file_actions_destroy(&Actions);
    if (Err != 0) {
      fail(I, Job.P, "cannot run " + Opts.Glpsol + ": " + std::strerror(Err));
      std::remove(Job.LpPath.c_str());
      return;
    }
    InFlight.push_back(std::move(Job));
  }

  void finishOldest() {
    Pending Job = std::move(InFlight.front());
    InFlight.pop_front();
    int Status = 0;
    waitpid(Job.Pid, &Status, 0);
    std::optional<double> Objective;
    if (WIFEXITED(Status) && WEXITSTATUS(Status) == 0)
      Objective = readObjective(Job.SolPath);
    std::string Lp = Job.LpPath;
    if (!Objective) {
      fail(Job.Index, Job.P, "glpsol gave no optimal objective (model kept at " + Lp + ")");
      return;
    }
    double Ours = toDouble(Job.S.Progress);
    if (std::fabs(Ours - *Objective) > 1e-6) {
      char Buf[160];
      std::snprintf(Buf, sizeof Buf, "progress %s but glpsol finds %.9g (model kept at %s)",
                    Job.S.Progress.str().c_str(), *Objective, Lp.c_str());
      fail(Job.Index, Job.P, Buf);
      return;
    }
    std::remove(Job.LpPath.c_str());
    std::remove(Job.SolPath.c_str());
    ++Passed;
  }

  Options Opts;
  std::string WorkDir;
  std::deque<Pending> InFlight;
  uint64_t Passed = 0, Failed = 0, Exhaustive = 0, TieBreakChecked = 0;
  double AllocSeconds = 0;
};
} // namespace

int main(int Argc, char **Argv) {
  std::optional<Options> O = parseArgs(Argc, Argv);
  if (!O) {
    std::fprintf(stderr, "usage: %s [--count N] [--seed S] [--jobs J] [--glpsol PATH] "
                         "[--brute-limit N] [--items MIN-MAX] [--max-amount A] [--pin-percent P] "
                         "[--limit-percent P]\n",
                 Argv[0]);
    return 2;
  }
  return Differential(*O).run();
}
