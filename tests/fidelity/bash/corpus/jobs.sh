### $! is the pid of a program run in the background
sleep 2 & sleep 0.2; ps -p $! | grep -c sleep; kill $!
### $! names a child of the shell
sleep 2 & sleep 0.2; [ "$(ps -f -p $! | tail -n 1 | tr -s ' ' | cut -d ' ' -f 3)" -eq $$ ] && echo child; kill $!
### kill $! ends the program and wait $! reports it
sleep 5 & kill $!; wait $!; echo "status $?"
### a pid file written from $!
sleep 5 & echo $! > app.pid; kill "$(cat app.pid)"; wait; ps -p "$(cat app.pid)" > /dev/null || echo gone
### $! of a group in the background is a subshell
{ sleep 2; } & sleep 0.2; ps -p $! | grep -c bash; kill $!
### $! of a function in the background is a subshell
nap() { sleep 2; }; nap & sleep 0.2; ps -p $! | grep -c bash; kill $!
### $! of a script run in the background
./run.sh & wait $!; echo "status $?"
### wait for a background job that fails
sh -c 'exit 3' & wait $!; echo "status $?"
### jobs lists a background program
sleep 2 & jobs; kill %1; wait; echo after
### jobs -p prints the pid $! holds
sleep 2 & jobs -p > pids; [ "$(cat pids)" = "$!" ] && echo same; kill $!
### jobs -l shows the pid
sleep 2 & jobs -l > listing; sed "s/ *$! / PID /" listing; kill %1
### jobs with an unknown option
jobs -z; echo $?
### nohup execs the command: $! is the program's pid
nohup sleep 2 > /dev/null 2>&1 & sleep 0.2; ps -p $! | grep -c sleep; kill $!
### env execs the command too
env X=1 sleep 2 & sleep 0.2; ps -p $! | grep -c sleep; kill $!
### $! of a pipeline in the background is its last command
sleep 2 | cat & sleep 0.2; ps -p $! | grep -c cat; kill %1; wait
### kill %1 ends every command of a background pipeline
sleep 5 | sleep 6 & sleep 0.2; jobs -p > first; kill %1; wait $!; echo "status $?"; wait; ps -p "$(cat first)" > /dev/null || echo first gone
### jobs -l lists each process of a pipeline
sleep 2 | cat & jobs -p > first; jobs -l > listing; sed -e "s/ *$! / PID /" -e "s/ *$(cat first) / PID /" listing; kill %1
### jobs -p names a pipeline by its first process
sleep 2 | cat & jobs -p > first; [ "$(cat first)" != "$!" ] && echo first; kill %1
