### if true
if true; then echo yes; fi
### if false else
if false; then echo yes; else echo no; fi
### elif chain
x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo many; fi
### if status is last command
if false; then :; fi; echo $?
### if on multiple lines
if true
then
  echo multi
fi
### nested if
if true; then if false; then echo a; else echo b; fi; fi
### for over words
for x in a b c; do echo $x; done
### for over a glob
for f in dir/*.py; do echo $f; done
### for over brace range
for i in {1..3}; do echo $i; done
### for with no list uses params
set -- p q; for x; do echo $x; done
### C-style for
for ((i=0; i<3; i++)); do echo $i; done
### for status with empty list
for x in; do echo never; done; echo $?
### while loop counting
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
### until loop
i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done
### break out of a loop
for i in 1 2 3 4; do [ $i = 3 ] && break; echo $i; done
### continue in a loop
for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done
### break two levels
for a in 1 2; do for b in 1 2; do echo $a$b; break 2; done; done
### break outside a loop
break; echo after
### case with patterns
case hello in h*) echo starts with h;; *) echo other;; esac
### case with alternatives
case b in a|b) echo a or b;; esac
### case no match
case z in a) echo a;; esac; echo $?
### case with variable
x=file.py; case $x in *.py) echo python;; *.sh) echo shell;; esac
### case with quoted pattern
case '*' in '*') echo star;; *) echo other;; esac
### case multiline
case yes in
  yes)
    echo agreed
    ;;
  *)
    echo no
    ;;
esac
### case last arm without ;;
case x in x) echo last; esac
### and list
true && echo yes
### and list short circuit
false && echo no; echo $?
### or list
false || echo fallback
### mixed and or
false && echo a || echo b
### negation
! false; echo $?
### negation of true
! true; echo $?
### group command
{ echo a; echo b; }
### group status
{ false; }; echo $?
### subshell does not leak variables
x=1; (x=2; echo $x); echo $x
### subshell does not leak cd
(cd dir; pwd | sed 's|.*/||'); pwd | sed 's|.*/||' | grep -c case >/dev/null; echo ok
### subshell exit status
(exit 7); echo $?
### exit in subshell keeps shell
(exit 1); echo still here
### arithmetic command true
(( 2 > 1 )) && echo bigger
### arithmetic command false
(( 0 )); echo $?
### arithmetic command increments
n=1; ((n++)); ((n+=10)); echo $n
### semicolons and newlines
echo a; echo b
echo c
### background and wait
echo bg & wait; echo done
### wait status
(exit 3) & wait $!; echo $?
### exit stops the script
echo before; exit 4; echo after
### exit with no argument uses last status
false; exit
### exit with a too large number
exit 300
### true and false
true; echo $?; false; echo $?
### colon builtin
: ignored args; echo $?
### syntax error unexpected fi
if true; then echo a; fi fi
### syntax error unexpected done
for i in 1; do echo $i; done; done
### syntax error unexpected then
then echo
### syntax error missing fi
if true; then echo a
### syntax error unexpected paren
echo )
### syntax error in case
case x in x) echo ;; esac esac
### syntax error empty if condition
if then; fi
### syntax error unclosed brace group
{ echo a
### syntax error double semicolon
echo a ;;
### syntax error pipe at start
| echo
### syntax error and at end
echo a &&
### while with read and pipe
printf 'x\ny\n' | while read l; do echo "got $l"; done
### loop over command output
for w in $(echo one two); do echo $w; done
### kill a job by its spec
sleep 100 & kill %1; wait; echo $?
### kill a job by its pid
sleep 100 & kill $!; wait $!; echo $?
### kill a job that does not exist
kill %3; echo $?
### jobs lists a running job
sleep 0.2 & jobs; wait
### fg without job control
sleep 0.1 & fg; echo $?
### background function
f() { echo in f; }; f & wait
### set -e stops at a failure
set -e; echo one; false; echo two
### set -e spares tests and chains
set -e; false || true; ! true; if false; then :; fi; false && true; echo yes
### set -e inside a function
set -e; f() { false; echo inside; }; f; echo after
### set -e with a failing subshell
set -e; (exit 4); echo no
### set +e turns it off
set -e; set +e; false; echo $?
### set -u unset variable
set -u; echo $nope; echo after
### set -u with a default
set -u; echo ${nope:-d}
### set -u positional
set -u; echo $1
### set -x traces commands
set -x; echo "a b" c; x=1; y="two words"
### set -o pipefail
set -o pipefail; false | true; echo $?; true | true; echo $?
### set -euo pipefail
set -euo pipefail; echo ok
### set invalid option
set -z; echo $?
### set invalid option name
set -o nosuch; echo $?
### set positional from words
set a b c; echo $# $2
