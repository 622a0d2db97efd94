### loop over arguments with shift
set -- a b c; while [ $# -gt 0 ]; do echo "arg $1"; shift; done
### pass all arguments on
inner() { echo "$#: $*"; }; outer() { inner "$@"; }; outer 1 "2 3" 4
### here-doc inside a function
f() {
  cat <<EOF
in function: $1
EOF
}
f value
### read lines of a file with a counter
n=0; while read -r line; do n=$((n+1)); echo "$n: $line"; done < a.txt
### config file written and sourced
cat > settings.sh <<'EOF'
PORT=8000
NAME="my app"
EOF
. ./settings.sh; echo "$NAME on $PORT"
### string building in a loop
s=; for w in a b c; do s="$s$w-"; done; echo ${s%-}
### arithmetic loop sum
sum=0; for i in {1..10}; do sum=$((sum + i)); done; echo $sum
### nested command substitution with quotes
echo "$(echo "inner \"quoted\" $(echo deep)")"
### case with character classes
for c in a 1 Z; do case $c in [a-z]) echo lower;; [0-9]) echo digit;; *) echo other;; esac; done
### script file with functions and exit code
cat > deploy.sh <<'EOF'
#!/bin/bash
set -e
log() { echo "[deploy] $*"; }
log starting
[ -d dir ] || exit 5
log done
EOF
bash deploy.sh; echo "status $?"
### script that fails under set -e
printf 'set -e\necho one\nfalse\necho two\n' > fail.sh; bash fail.sh; echo "status $?"
### script with unset variable under set -u
printf 'set -u\necho ${UNDEFINED_THING}\n' > u.sh; bash u.sh; echo "status $?"
### conditional on command success
if ls dir > /dev/null; then echo has dir; fi
### conditional on grep
if grep -q beta a.txt; then echo found beta; fi
### negated conditional on missing file
if ! [ -f missing.txt ]; then echo missing; fi
### default argument in a script
printf 'name=${1:-world}\necho "hello $name"\n' > g.sh; bash g.sh; bash g.sh you
### counting arguments in a script
printf 'echo $#\n' > c.sh; bash c.sh a "b c" d
### dollar zero in a script
printf 'echo $0\n' > z.sh; bash z.sh; bash ./z.sh
### script exit status of last command
printf 'true\nfalse\n' > l.sh; bash l.sh; echo $?
### script calls another script
printf 'echo child $1\n' > child.sh; printf 'bash child.sh from-parent\n' > parent.sh; bash parent.sh
### sourced script sees arguments
printf 'echo "sourced: $1"\n' > s.sh; . ./s.sh given
### variable scope after a loop
for i in 1 2 3; do :; done; echo $i
### empty for loop body variable
x=keep; for x in; do :; done; echo $x
### while with break on condition
i=0; while true; do i=$((i+1)); [ $i -ge 3 ] && break; done; echo $i
### until with arithmetic command
i=5; until (( i == 0 )); do ((i--)); done; echo $i
### arithmetic for with two variables
for ((i=0, j=10; i<3; i++, j--)); do echo $i $j; done
### glob character class
echo [ab]*.txt
### glob negated class
echo [!ab]*.txt
### quoted variable with glob characters
x='*.txt'; echo "$x"; echo $x
### word splitting of command output in a loop
for f in $(ls dir); do echo "file: $f"; done
### IFS characters in quoted output preserved
echo "$(printf 'a  b\tc')"
### redirect inside a function
f() { echo to-file > f.txt; }; f; cat f.txt
### redirect a function call
f() { echo one; echo two >&2; }; f 2>/dev/null
### exit inside a function ends the shell
f() { exit 6; }; f; echo never
### return value used in if
ok() { return 0; }; if ok; then echo fine; fi
### local shadowing in nested calls
x=0; a() { local x=1; b; echo "a:$x"; }; b() { x=2; }; a; echo "top:$x"
### unset inside a function
x=1; f() { unset x; }; f; echo "[${x-unset}]"
### brace group shares variables
{ y=inside; }; echo $y
### pipeline into a brace group
echo piped | { read v; echo "got $v"; }
### long pipeline with sort and uniq
printf 'b\na\nb\nc\na\n' | sort | uniq -c | sort -rn | head -1
### tr in a pipeline
echo hello | tr a-z A-Z
### wc from a here-string
wc -w <<< "one two three"
### endless writer stops when the reader is done
while true; do echo y; done | head -2
### long output cut short
seq 1 100000 | head -1
### pipefail sees the stage a broken pipe ended
set -o pipefail; while true; do echo y; done | head -1; echo $?
