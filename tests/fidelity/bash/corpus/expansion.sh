### default value when unset
echo ${nope:-fallback}
### default value when empty
x=; echo ${x:-empty} ${x-unset}
### assign default
echo ${y:=set}; echo $y
### alternate value
x=1; echo ${x:+yes} ${nope:+no}
### nested default
a=; b=inner; echo ${a:-${b}}
### nested default two levels
echo ${a:-${b:-deep}}
### length of a variable
x=hello; echo ${#x}
### remove shortest prefix
f=archive.tar.gz; echo ${f#*.}
### remove longest prefix
f=archive.tar.gz; echo ${f##*.}
### remove shortest suffix
f=archive.tar.gz; echo ${f%.*}
### remove longest suffix
f=archive.tar.gz; echo ${f%%.*}
### path pieces
p=/srv/app/main.py; echo ${p%/*} ${p##*/}
### replace first
s=banana; echo ${s/an/AN}
### replace all
s=banana; echo ${s//an/AN}
### replace at start
s=banana; echo ${s/#ba/BA}
### replace at end
s=banana; echo ${s/%na/NA}
### delete a pattern
s=banana; echo ${s//a/}
### substring
s=abcdef; echo ${s:2} ${s:1:3} ${s: -2}
### upper and lower case
s=Hello; echo ${s^^} ${s,,} ${s^}
### error when unset with :?
echo ${nope:?must be set}; echo after
### error with default message
echo ${nope:?}
### bad substitution
echo ${x!}
### arithmetic basics
echo $((1+2)) $((7/2)) $((7%3)) $((2**10))
### arithmetic precedence
echo $((2+3*4)) $(((2+3)*4))
### arithmetic with variables
a=6; b=7; echo $((a*b)) $(($a+$b))
### arithmetic comparisons
echo $((3<5)) $((3>5)) $((2==2)) $((2!=2))
### arithmetic logic
echo $((1&&0)) $((1||0)) $((!0))
### arithmetic assignment
echo $((n=5)) $((n+=2)) $n
### arithmetic increment
i=1; echo $((i++)) $i $((++i))
### arithmetic ternary
echo $((5>3?10:20))
### arithmetic negative numbers
echo $((-5+2)) $((-(3)))
### arithmetic division by zero
echo $((1/0)); echo not reached
### arithmetic syntax error
echo $((1 +))
### arithmetic invalid operator
echo $(( 1 @ 2 ))
### arithmetic unset variable is zero
echo $((nope+1))
### arithmetic hex and octal
echo $((0x10)) $((010))
### arithmetic bit operators
echo $((6&3)) $((6|3)) $((6^3)) $((1<<4)) $((~0))
### command substitution
echo "now: $(echo inner)"
### nested command substitution
echo $(echo $(echo deep))
### backticks
echo `echo tick`
### substitution strips trailing newlines
x=$(printf 'a\n\n\n'); echo "[$x]"
### substitution splits unquoted
echo $(printf 'a\nb\nc')
### substitution status
x=$(false); echo $?
### special parameters
set -- a b c; echo $# $1 $3
### all parameters quoted
set -- "a b" c; for x in "$@"; do echo "<$x>"; done
### star parameters quoted
set -- "a b" c; for x in "$*"; do echo "<$x>"; done
### unquoted at splits
set -- "a b" c; for x in $@; do echo "<$x>"; done
### empty at gives no words
set --; for x in "$@"; do echo never; done; echo done
### dollar zero in bash -c
echo $0
### exit status variable
false; echo $?; true; echo $?
### brace expansion list
echo {a,b,c}
### brace expansion with prefix and suffix
echo file{1,2}.txt
### brace expansion range
echo {1..5}
### brace expansion reverse range
echo {5..1}
### brace expansion letters
echo {a..e}
### brace expansion step
echo {0..10..5}
### brace expansion nested
echo {a,b{1,2}}
### brace expansion two groups
echo {x,y}{1,2}
### brace expansion zero padded
echo {01..03}
### brace expansion empty alternative
echo a{,b}
### glob star
echo *.txt
### glob question
echo ?.txt
### glob bracket
echo [ab].txt
### glob no match stays literal
echo *.nomatch
### glob in subdirectory
echo dir/*.py
### glob skips hidden files
echo *
### glob for hidden files
echo .h*
### glob trailing slash
echo */
### variable in glob
ext=py; echo dir/*.$ext
### IFS default splitting of tabs and newlines
x="a
b	c"; echo $x
### assignment does not split
x="a b"; y=$x; echo "$y"
### assignment before command is temporary
x=outer; x=inner true; echo $x
### multiple assignments
a=1 b=2; echo $a$b
### assignment sees earlier one
a=1 b=$a; echo $b
### RANDOM is a number
[[ $RANDOM =~ ^[0-9]+$ ]] 2>/dev/null; echo ok
