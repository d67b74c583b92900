# Writes two editions of the bundled CMC into folder $2 from $1 (cmc.cert):
# "2009" (every Athenian Dialogue 2 points) and "2013-11-23" (3 points from
# that date), which supersedes it from 2013-11-23; both are governed by the
# member's CMC application date.
set -eu
sed -e 's/^  edition "IIMC Education Guidelines.*"$/  edition "2009"/' \
    -e 's/^  effective 2017-05-20$/  effective 2009-01-01\n  governed by cmc_applied/' \
    -e 's/earns 2 points before 2013-11-23, 3 points from 2013-11-23/earns 2 points/' "$1" > "$2/cmc-2009.cert"
sed -e 's/^  edition "IIMC Education Guidelines.*"$/  edition "2013-11-23"/' \
    -e 's/^  effective 2017-05-20$/  effective 2013-11-23\n  supersedes "2009" from 2013-11-23\n  governed by cmc_applied/' \
    "$1" > "$2/cmc-2013.cert"
