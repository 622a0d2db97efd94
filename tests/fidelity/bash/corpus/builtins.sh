### test string equality
test a = a; echo $?
### test string inequality
[ a != b ]; echo $?
### test empty string
[ -z "" ] && echo empty
### test non-empty string
[ -n "x" ] && echo nonempty
### test single argument
[ word ] && echo true
### test no argument
[ ]; echo $?
### test integer comparisons
[ 3 -gt 2 ] && [ 2 -le 2 ] && [ 1 -lt 2 ] && [ 5 -ne 4 ] && echo ints
### test integer equality
[ 10 -eq 10 ]; echo $?
### test integer expected
[ a -eq 1 ]; echo $?
### test missing bracket
[ a = a; echo $?
### test unary operator expected
[ a b ]; echo $?
### test too many arguments
[ a = b c ]; echo $?
### test file exists
[ -e a.txt ] && echo exists
### test regular file
[ -f a.txt ] && [ ! -f dir ] && echo file
### test directory
[ -d dir ] && echo dir
### test missing file
[ -e nosuch ]; echo $?
### test non-empty file
[ -s a.txt ] && [ ! -s empty.txt ] && echo sizes
### test readable and executable
[ -r a.txt ] && [ -x run.sh ] && [ ! -x a.txt ] && echo perms
### test negation
[ ! -e nosuch ] && echo absent
### test and or
[ -f a.txt -a -d dir ] && echo both; [ -f nosuch -o -d dir ] && echo either
### test parentheses
[ \( 1 -eq 1 \) ] && echo paren
### test builtin name
test -d dir && echo testdir
### double bracket pattern
[[ hello == h* ]] && echo match
### double bracket no match
[[ hello == x* ]]; echo $?
### double bracket string
x="a b"; [[ $x = "a b" ]] && echo nosplit
### read a line
echo "one two three" | { read a b; echo "$a|$b"; }
### read default REPLY
echo line | { read; echo "$REPLY"; }
### read at end of input
read x < empty.txt; echo $?
### read raw keeps backslashes
echo 'a\b' | { read -r x; echo "$x"; }
### read without raw drops backslashes
echo 'a\b' | { read x; echo "$x"; }
### read several lines
{ read a; read b; echo "$b $a"; } < a.txt
### export to a child
export X=exported; bash -c 'echo $X'
### plain variable not exported
Y=local; bash -c 'echo "[$Y]"'
### export invalid name
export 1x=2; echo $?
### unset a variable
x=1; unset x; echo "[$x]"
### cd and pwd
cd dir; pwd | sed 's|.*/||'
### cd to missing dir
cd nosuch; echo $?
### cd to a file
cd a.txt
### cd too many arguments
cd a b
### cd dash
cd dir; cd - > /dev/null; [ -f a.txt ] && echo back
### exit non-numeric
exit abc
### exit too many
exit 1 2
### set positional parameters
set -- x y z; echo $2 $#
### echo options
echo -n no newline; echo; echo -e 'a\tb'
### echo dash dash
echo -- -n
