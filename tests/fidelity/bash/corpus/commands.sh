### command not found
nosuchcommand; echo $?
### command not found with arguments
nosuch a b
### command not found in a pipeline
nosuch | echo still
### path that does not exist
./nosuch.sh; echo $?
### directory as a command
./dir; echo $?
### file without execute permission
./plain.sh; echo $?
### script with shebang
./run.sh a b; echo $?
### bash runs a script
bash plain.sh arg; echo $?
### bash runs a missing script
bash nosuch.sh; echo $?
### bash -c with arguments
bash -c 'echo $0 $1 $2' name x y
### bash -c exit status
bash -c 'exit 9'; echo $?
### bash -c command not found
bash -c 'nosuch'
### sh -c
sh -c 'echo from sh'
### nested bash -c error
bash -c 'if'
### absolute path to a program
/bin/echo abs; /usr/bin/echo usr
### program by path does not exist
/usr/bin/nosuch; echo $?
### pipeline status is the last
false | true; echo $?
### pipeline status of failing last
true | false; echo $?
### pipeline of three
echo abc | cat | cat
### pipeline with negation
! echo x | false; echo $?
### pipe stderr not piped
ls nosuch | cat; echo done
### pipe stderr with 2>&1
ls nosuch 2>&1 | cat
### pipe with builtin
echo piped | read x; echo "[$x]"
### pipeline stage in subshell
x=1; echo | x=2; echo $x
### pipeline cd does not leak
cd dir | true; [ -f a.txt ] && echo unchanged
### multiline pipeline
echo multi |
cat
### long and chain
true && true && echo all
### long or chain
false || false || echo last
### exit code 126 message
chmod -x run.sh 2>/dev/null; ./plain.sh
### script reads its arguments
printf '#!/bin/bash\necho "$1-$2"\n' > s.sh; bash s.sh x y
### script sees exported variable
export V=vis; printf 'echo $V\n' > s.sh; bash s.sh
### script error prefix
printf 'echo a\nnosuch\necho b\n' > s.sh; bash s.sh
### script syntax error
printf 'echo a\nif\n' > s.sh; bash s.sh; echo $?
### script exit status
printf 'exit 5\n' > s.sh; bash s.sh; echo $?
### script with a function
printf 'f() { echo in f $1; }\nf 1\n' > s.sh; bash s.sh
### script line numbers in errors
printf '\n\ncd nowhere\n' > s.sh; bash s.sh
### bash -c line numbers in errors
bash -c 'echo a
nosuch'
### error on a later line of bash -c
echo a
nosuch
echo b
### cat files
cat a.txt b.txt
### ls a directory
ls dir
### pwd inside a subdirectory
cd dir && pwd | sed 's|.*/||'
### echo many spaces collapse
echo a      b
### quoted empty variable
x=; echo "[$x]"
### printf basic
printf '%s-%s\n' a b
