### output to a file
echo hi > out.txt; cat out.txt
### append to a file
echo one > f; echo two >> f; cat f
### truncate with >
echo long > f; echo s > f; cat f
### input from a file
cat < a.txt
### stderr to a file
ls nosuch 2> err.txt; echo $?; cat err.txt
### stderr to stdout
ls nosuch 2>&1
### stdout to stderr
echo warn >&2
### both to a file
{ echo out; ls nosuch; } &> both.txt; cat both.txt
### both appended
echo a &> f; echo b &>> f; cat f
### devnull swallows
echo hidden > /dev/null; echo shown
### stderr to devnull
ls nosuch 2>/dev/null; echo $?
### redirect order matters
ls nosuch 2>&1 >/dev/null
### redirect order the other way
ls nosuch >/dev/null 2>&1; echo $?
### redirect before the command
> f echo first; cat f
### redirect to a missing directory
echo x > nodir/f
### redirect from a missing file
cat < nofile
### redirect to a directory
echo x > dir
### bad file descriptor
echo x >&3
### here string
cat <<< "here string"
### here string with variable
x=val; cat <<< "x is $x"
### redirect with a variable target
t=out.txt; echo data > $t; cat out.txt
### ambiguous redirect
t="a b"; echo x > $t
### empty redirect target
t=; echo x > $t
### missing redirect target
echo x >
### redirect of a group
{ echo a; echo b; } > f; cat f
### redirect of a loop
for i in 1 2; do echo $i; done > f; cat f
### redirect of an if
if true; then echo yes; fi > f; cat f
### redirect of a subshell
(echo sub; echo shell) > f; cat f
### read from a redirected loop
while read line; do echo "[$line]"; done < a.txt
### clobber with >|
echo a >| f; cat f
### cat a file that does not exist
cat nosuch.txt; echo $?
### output then error in order
echo first; ls nosuch; echo last
