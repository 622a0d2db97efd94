### define and call a function
greet() { echo "hello $1"; }; greet world
### function keyword
function hi { echo hi; }; hi
### function with parentheses and keyword
function hey() { echo hey; }; hey
### function arguments
f() { echo $# "$@"; }; f a "b c"
### function return status
f() { return 3; }; f; echo $?
### function returns last status
f() { false; }; f; echo $?
### local variable
x=global; f() { local x=local; echo $x; }; f; echo $x
### local without value
x=1; f() { local x; x=2; echo $x; }; f; echo $x
### function modifies global
x=1; f() { x=2; }; f; echo $x
### recursion
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5
### function in a pipeline
f() { echo piped; }; f | cat
### function output captured
f() { echo captured; }; x=$(f); echo "[$x]"
### positional restored after function
set -- outer; f() { echo $1; }; f inner; echo $1
### return outside function
return 1; echo after
### local outside function
local x=1
### function overrides a command
echo() { builtin_missing 2>/dev/null; printf 'mine\n'; }; echo hi
### unset a function
f() { echo f; }; unset -f f; f
### function on multiple lines
f() {
  echo line1
  echo line2
}
f
### shift in a function
f() { shift; echo "$@"; }; f a b c
### shift too far
set -- a; shift 2; echo $? $#
### shift by two
set -- a b c d; shift 2; echo $@
### type of a function
f() { :; }; type f | head -1
### type of builtins and keywords
type cd; type if; type true
### type of a missing command
type nosuchcmd; echo $?
### source a file
. ./lib.sh; greet you; echo $LIB_LOADED
### source with source keyword
source lib.sh; greet again
### source a missing file
source nofile.sh; echo $?
### source without arguments
source
### return from sourced file
echo 'echo in; return 5; echo not' > r.sh; . ./r.sh; echo $?
### eval
eval 'x=5; echo $x'
### eval joins arguments
eval echo a b
### command -v finds programs and builtins
command -v ls cd; command -v nosuch; echo $?
### command -v with one found
command -v nosuch ls; echo $?
### command -V describes
command -V ls cd; command -V nosuch; echo $?
### command skips a function
ls() { echo function; }; command ls dir
### command runs a missing command
command nosuch
### command with no arguments
command; echo $?
### exec replaces the shell
echo a; exec echo replaced; echo never
### exec a missing command
exec nosuch; echo after
### exec with no arguments
exec; echo still
### type of an alias-free name in a script
type -t ls 2>/dev/null; type echo
### type -t kinds
f() { :; }; type -t ls cd if f; type -t nosuch; echo $?
