#!/usr/bin/env bash
# install-test.sh BUILD SOURCE WORK CMAKE GENERATOR CC CXX PKG_CONFIG [FLAGS]
# Installs BUILD into WORK/prefix, builds docs/examples/embed against it with
# find_package(certc), audits examples/maria-lopez.json with both example
# programs, and builds both examples again with `pkg-config --cflags --libs certc`.
# FLAGS are compiler and linker flags the consumer needs too (the sanitizers).
set -euo pipefail
build=$1 source=$2 work=$3 cmake=$4 generator=$5 cc=$6 cxx=$7 pkg_config=$8 flags_extra=${9:-}
prefix=$work/prefix

fail() { echo "install-test: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

rm -rf "$work"
mkdir -p "$work"

step "cmake --install $build --prefix $prefix"
"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log"
for f in include/certc/Runtime.h include/certc/certc.h include/certc/eval/Audit.h \
         include/certc/base/Date.h include/certc/ledger/Ledger.h include/certc/report/Report.h \
         lib/libcertc_runtime.so lib/cmake/certc/certcConfig.cmake \
         lib/cmake/certc/certcConfigVersion.cmake lib/cmake/certc/certcTargets.cmake \
         lib/pkgconfig/certc.pc; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
# Self-contained: only the C/C++ runtime, terminfo and Z3 (the allocator's limit solver), never LLVM, fmt or ANTLR.
if readelf -d "$prefix/lib/libcertc_runtime.so" | grep NEEDED | grep -Eiv 'lib(c|m|stdc\+\+|gcc_s|tinfo|z3)\.so'; then
  fail "libcertc_runtime.so needs a library beyond libc, libm, libstdc++, libgcc_s, libtinfo and libz3"
fi

step "certc build policies/iimc/cmc.cert"
"$build/bin/certc" build "$source/policies/iimc/cmc.cert" -o "$work/cmc.ir.json"
ledger=$source/examples/maria-lopez.json
# What the driver prints is what the library must print.
"$build/bin/certc" run "$work/cmc.ir.json" "$ledger" --as-of 2026-11-23 --format json > "$work/expected.json"

step "build docs/examples/embed with find_package(certc)"
"$cmake" -S "$source/docs/examples/embed" -B "$work/embed" -G "$generator" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_C_FLAGS="$flags_extra" -DCMAKE_CXX_FLAGS="$flags_extra" -DCMAKE_EXE_LINKER_FLAGS="$flags_extra" \
  > "$work/embed-configure.log" \
  || { cat "$work/embed-configure.log"; fail "configuring the example"; }
"$cmake" --build "$work/embed" > "$work/embed-build.log" \
  || { cat "$work/embed-build.log"; fail "building the example"; }

step "run the C++ example"
"$work/embed/embed_audit" "$work/cmc.ir.json" "$ledger" --as-of 2026-11-23 > "$work/cxx.txt"
cat "$work/cxx.txt"
grep -qx 'M-1001: NOT YET ELIGIBLE for CMC as of 2026-11-23' "$work/cxx.txt" || fail "C++ example: verdict"
grep -qx '  Education: 61 of 60 required' "$work/cxx.txt" || fail "C++ example: Education points"
grep -qx '  still needed: Experience: 6.5 more points' "$work/cxx.txt" || fail "C++ example: missing points"
"$work/embed/embed_audit" "$work/cmc.ir.json" "$ledger" --as-of 2026-11-23 --json > "$work/cxx.json"
cmp "$work/expected.json" "$work/cxx.json" || fail "C++ example: JSON differs from certc run"

step "run the C example"
"$work/embed/embed_audit_c" "$work/cmc.ir.json" "$ledger" --as-of 2026-11-23 > "$work/c.json"
cmp "$work/expected.json" "$work/c.json" || fail "C example: JSON differs from certc run"
# A bad ledger: exit status 1 and an error that says where.
sed '/"a01"/s/"hours": 36/"hours": "lots"/' "$ledger" > "$work/bad.json"
if "$work/embed/embed_audit_c" "$work/cmc.ir.json" "$work/bad.json" --as-of 2026-11-23 \
     > /dev/null 2> "$work/bad.err"; then
  fail "C example: a bad ledger exited 0"
fi
grep -q 'ledger:9:[0-9]*: error: member M-1001, activity a01, field hours: ' "$work/bad.err" \
  || { cat "$work/bad.err"; fail "C example: error message"; }

step "pkg-config --cflags --libs certc"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
flags=$("$pkg_config" --cflags --libs certc) || fail "pkg-config does not find certc"
echo "$flags"
version=$("$pkg_config" --modversion certc)
grep -q "set(PACKAGE_VERSION \"$version\")" "$prefix/lib/cmake/certc/certcConfigVersion.cmake" \
  || fail "pkg-config's version $version is not CMake's"
# shellcheck disable=SC2086  # the flags are words
"$cc" -std=c99 -Wall -Werror $flags_extra "$source/docs/examples/embed/audit.c" -o "$work/audit_pc" $flags \
  -Wl,-rpath,"$prefix/lib" || fail "compiling the C example with pkg-config's flags"
"$work/audit_pc" "$work/cmc.ir.json" "$ledger" --as-of 2026-11-23 > "$work/pc.json"
cmp "$work/expected.json" "$work/pc.json" || fail "pkg-config build: JSON differs from certc run"
# shellcheck disable=SC2086
"$cxx" -std=c++17 $flags_extra "$source/docs/examples/embed/audit.cpp" -o "$work/audit_pc_cxx" $flags \
  -Wl,-rpath,"$prefix/lib" || fail "compiling the C++ example with pkg-config's flags"
"$work/audit_pc_cxx" "$work/cmc.ir.json" "$ledger" --as-of 2026-11-23 --json > "$work/pc-cxx.json"
cmp "$work/expected.json" "$work/pc-cxx.json" || fail "pkg-config C++ build: JSON differs from certc run"

echo "install-test: PASS"
