### ls lists the directory
ls
### ls -a shows dotfiles, . and ..
ls -a
### ls -A leaves out . and ..
ls -A
### ls -1 of a subdirectory
ls -1 dir
### ls -R walks the tree
mkdir -p dir/sub && touch dir/sub/x && ls -R dir
### ls -r reverses the order
ls -r dir
### ls -S sorts by size
ls -S a.txt b.txt empty.txt
### ls -d names the directory itself
ls -d dir
### ls -F marks directories and executables
ls -F
### ls of several operands, files first
ls dir a.txt
### ls of a missing file
ls nope; echo "status $?"
### ls with an unknown option
ls -z; echo "status $?"
### ls -l of an empty directory
mkdir e && ls -l e
### cat joins files
cat a.txt b.txt
### cat of a missing file
cat nope a.txt; echo "status $?"
### touch creates files
touch new1 new2 && ls new1 new2
### touch into a missing directory
touch nodir/x; echo "status $?"
### mkdir -p makes parents
mkdir -p x/y/z && ls -R x
### mkdir of an existing directory
mkdir dir; echo "status $?"
### mkdir without parents
mkdir p/q; echo "status $?"
### mkdir -m sets the mode
mkdir -m 700 priv && ls -ld priv | cut -c1-10
### mkdir with no operand
mkdir; echo "status $?"
### rm removes a file
rm a.txt && ls a.txt; echo "status $?"
### rm refuses a directory
rm dir; echo "status $?"
### rm -r removes a tree
rm -r dir && ls
### rm -f ignores missing files
rm -f nope; echo "status $?"
### rm of a missing file
rm nope; echo "status $?"
### rm with no operand
rm; echo "status $?"
### rmdir of an empty directory
mkdir e && rmdir e && ls -d e; echo "status $?"
### rmdir of a non-empty directory
rmdir dir; echo "status $?"
### rmdir -p removes parents
mkdir -p a1/b1/c1 && rmdir -p a1/b1/c1 && ls -d a1; echo "status $?"
### cp copies a file
cp a.txt c.txt && cat c.txt
### cp into a directory
cp a.txt b.txt dir && ls dir
### cp a directory without -r
cp dir dir2; echo "status $?"
### cp -r copies a tree
cp -r dir dir2 && ls dir2
### cp of a missing source
cp nope x; echo "status $?"
### cp onto itself
cp a.txt a.txt; echo "status $?"
### cp with a missing destination
cp a.txt; echo "status $?"
### cp -p keeps the mode
cp -p run.sh r2.sh && ls -l r2.sh | cut -c1-10
### mv renames
mv a.txt z.txt && ls z.txt a.txt; echo "status $?"
### mv into a directory
mv a.txt dir && ls dir
### mv of a missing file
mv nope x; echo "status $?"
### mv a directory into itself
mv dir dir/inner; echo "status $?"
### ln -s and readlink
ln -s a.txt link && readlink link && cat link
### ln -s onto an existing name
ln -s a.txt b.txt; echo "status $?"
### ln -sf replaces
ln -s a.txt l && ln -sf b.txt l && readlink l
### ln makes a hard link
ln a.txt hard && ls -l a.txt | cut -c1-12
### ln refuses a directory
ln dir d2; echo "status $?"
### readlink of a regular file fails quietly
readlink a.txt; echo "status $?"
### readlink -f resolves
ln -s dir/one.py l1 && readlink -f l1 | sed "s|$PWD|HERE|"
### head shows the first lines
seq 20 > n.txt && head n.txt
### head -n 3
head -n 3 b.txt notes.md
### head -2 old style
head -2 a.txt
### head -c bytes
head -c 4 a.txt; echo
### head -n -1 all but the last
head -n -1 a.txt
### head of a missing file
head nope; echo "status $?"
### head with a bad count
head -n x a.txt; echo "status $?"
### tail shows the last lines
seq 20 > n.txt && tail -n 3 n.txt
### tail -n +2 from line two
tail -n +2 a.txt
### tail of several files
tail -n 1 a.txt b.txt
### tail -c bytes
tail -c 5 a.txt
### tail of a directory
tail dir; echo "status $?"
### wc counts
wc a.txt
### wc of several files with a total
wc a.txt b.txt notes.md
### wc -l from a pipe
cat a.txt b.txt | wc -l
### wc -w and -c
wc -w b.txt && wc -c b.txt
### wc of a missing file
wc nope a.txt; echo "status $?"
### sort sorts lines
printf 'pear\napple\nBanana\n10\n9\n' | sort
### sort -n numbers
printf '10\n9\n100\n-1\n' | sort -n
### sort -r reverses
sort -r a.txt
### sort -u drops duplicates
printf 'b\na\nb\na\n' | sort -u
### sort -k and -t
printf 'x:3\ny:1\nz:2\n' | sort -t: -k2 -n
### sort -k2 on blanks
printf 'a 2\nb 10\nc 1\n' | sort -k2n
### sort of a missing file
sort nope; echo "status $?"
### uniq collapses repeats
printf 'a\na\nb\na\n' | uniq
### uniq -c counts
printf 'a\na\nb\nc\nc\nc\n' | uniq -c
### uniq -d only repeated
printf 'a\na\nb\nc\nc\n' | uniq -d
### sort | uniq -c | sort -rn
printf 'x\ny\nx\nz\nx\ny\n' | sort | uniq -c | sort -rn
### cut -d -f
printf 'root:x:0\nwww:x:33\n' | cut -d: -f1,3
### cut -c ranges
echo abcdefgh | cut -c2-4,6
### cut -f open range
echo 'a:b:c:d' | cut -d: -f2-
### cut without a list
cut a.txt; echo "status $?"
### cut field zero
cut -f0 a.txt; echo "status $?"
### tr upper case
tr a-z A-Z < a.txt
### tr -d deletes
echo 'hello world' | tr -d lo
### tr -s squeezes
echo 'a   b    c' | tr -s ' '
### tr classes
echo 'Hello 123' | tr '[:lower:]' '[:upper:]'
### tr -cd keeps digits
echo 'a1b2c3' | tr -cd '0-9'; echo
### tr missing operand
tr a; echo "status $?"
### grep finds lines
grep a a.txt
### grep -i ignores case
printf 'Hello\nhello\nHELLO\nbye\n' | grep -i hello
### grep -n numbers lines
grep -n e a.txt b.txt
### grep -v inverts
grep -v a a.txt
### grep -c counts
grep -c a a.txt b.txt
### grep -l names files
grep -l o a.txt b.txt notes.md
### grep -w whole words
printf 'cat\ncatalog\nthe cat sat\n' | grep -w cat
### grep -o only matching
echo 'aaa bb aaaa' | grep -o 'a\+'
### grep -E alternation
grep -E 'alpha|four' a.txt b.txt
### grep -x whole lines
printf 'ab\nabc\n' | grep -x ab
### grep -q and status
grep -q beta a.txt; echo "found $?"; grep -q zeta a.txt; echo "missing $?"
### grep with no match exits 1
grep zeta a.txt; echo "status $?"
### grep of a missing file exits 2
grep a nope; echo "status $?"
### grep -r searches a tree
grep -r 'y =' dir
### grep on a directory
grep x dir; echo "status $?"
### grep with no pattern
grep; echo "status $?"
### grep bracket classes
printf 'a1\nbb\n22\n' | grep '^[[:digit:]]'
### sed substitutes
sed 's/a/A/' a.txt
### sed s///g with &
echo hello | sed 's/l/[&]/g'
### sed groups
echo 'hello world' | sed 's/\(hello\) \(world\)/\2 \1/'
### sed -E groups
echo 'key=value' | sed -E 's/(.*)=(.*)/\2=\1/'
### sed -n p
sed -n 2p a.txt
### sed d and $
sed '$d' a.txt; sed 1d b.txt
### sed ranges
seq 6 | sed -n '2,4p'
### sed regex address
sed '/beta/d' a.txt
### sed -e twice
echo abc | sed -e 's/a/1/' -e 's/c/3/'
### sed -i edits in place
sed -i 's/alpha/ALPHA/' a.txt && cat a.txt
### sed unterminated s
echo x | sed 's/a/'; echo "status $?"
### sed unknown command
echo x | sed k; echo "status $?"
### sed of a missing file
sed p nope; echo "status $?"
### sed other delimiter
echo /usr/bin | sed 's|/usr|/opt|'
### sed q
seq 5 | sed 2q
### find everything
find . | sort
### find -name
find . -name '*.py' | sort
### find -type d
find . -type d | sort
### find -maxdepth
find . -maxdepth 1 -type f | sort
### find -iname
touch dir/UP.PY && find dir -iname '*.py' | sort
### find of a missing path
find nope; echo "status $?"
### find with an unknown predicate
find . -foo; echo "status $?"
### xargs runs a command
printf 'a\nb\nc\n' | xargs echo got
### xargs -n 1
echo 1 2 3 | xargs -n 1 echo n
### xargs -I
printf 'a.txt\nb.txt\n' | xargs -I{} echo file {}
### xargs with find
find dir -name '*.py' | sort | xargs cat
### printf formats
printf '%s is %d years, %5.2f%%\n' Ann 30 99.5
### printf reuses the format
printf '%s=%s\n' a 1 b 2 c
### printf padding
printf '[%-6s][%6s][%03d]\n' ab cd 7
### printf escapes
printf 'a\tb\\n\n'
### printf hex and octal
printf '%x %o %X\n' 255 8 255
### seq counts
seq 3; seq 2 5; seq 1 3 10
### seq down
seq 5 -2 1
### seq -w and -s
seq -w 8 11; seq -s, 4
### seq missing operand
seq; echo "status $?"
### basename and dirname
basename /var/www/app/index.html; basename /var/www/app/index.html .html; dirname /var/www/app/index.html; dirname file
### basename of a trailing slash
basename /var/www/; dirname /var/www/; basename /; dirname /
### basename missing operand
basename; echo "status $?"
### env runs with a variable
env GREETING=hi env | grep GREETING
### env -i empties the environment
env -i A=1 B=2 env
### env of a missing command
env nope; echo "status $?"
### less without a terminal is cat
less a.txt
### more of several files
more a.txt b.txt
### chmod octal
chmod 600 a.txt && ls -l a.txt | cut -c1-10
### chmod symbolic
chmod u+x,g-r,o= a.txt && ls -l a.txt | cut -c1-10
### chmod a=r and +x
chmod a=r a.txt && ls -l a.txt | cut -c1-10 && chmod +x a.txt && ls -l a.txt | cut -c1-10
### chmod -R
chmod -R go-rwx dir && ls -ld dir dir/one.py | cut -c1-10
### chmod with a bad mode
chmod u+q a.txt; echo "status $?"
### chmod of a missing file
chmod 644 nope; echo "status $?"
### chmod missing operand
chmod 644; echo "status $?"
### chown with an unknown user
chown nobodyhere a.txt; echo "status $?"
### chown with an unknown group
chown :nogroupcalledthis a.txt; echo "status $?"
### id of root
id root
### id of a missing user
id nope; echo "status $?"
### groups of root
groups root
### cp -r into an existing directory
mkdir target && cp -r dir target && ls -R target
### cp -a keeps a tree
cp -a dir copy && ls copy
### cp several files to a non-directory
cp a.txt b.txt c.txt; echo "status $?"
### mv overwrites a file
mv a.txt b.txt && cat b.txt
### mv several into a missing directory
mv a.txt b.txt nowhere; echo "status $?"
### rm -rf of a nested tree
mkdir -p t/u/v && touch t/u/v/w t/x && rm -rf t && ls -d t; echo "status $?"
### rm -r refuses dot
rm -r .; echo "status $?"
### rm -v reports
rm -v a.txt b.txt
### mkdir -v reports
mkdir -v m1 m2
### printf %c %e %g
printf '%c|%e|%g|%g\n' hello 1234.5 0.0001 100000000
### printf %b expands escapes
printf '%b\n' 'one\ttwo'
### printf precision on strings
printf '%.2s|%5.1f\n' abcdef 3.14159
### sort -f folds case
printf 'b\nA\na\nB\n' | sort -f
### sort -o writes a file
sort -r a.txt -o out.txt && cat out.txt
### uniq -u only unique
printf 'a\na\nb\nc\nc\n' | uniq -u
### uniq -i ignores case
printf 'a\nA\nb\n' | uniq -i
### sed a, i and c
printf '1\n2\n3\n' | sed -e '1i top' -e '2a after two' -e '3c three'
### sed y transliterates
echo hello | sed 'y/hel/HEL/'
### sed = numbers lines
sed -n '$=' a.txt
### sed negated address
seq 4 | sed '2!d'
### sed nth occurrence
echo aaaa | sed 's/a/b/3'
### sed case-insensitive flag
echo Hello | sed 's/hello/bye/I'
### sed braces
seq 3 | sed -n '2{s/2/two/;p}'
### sed regex range
printf 'a\nstart\nb\nend\nc\n' | sed -n '/start/,/end/p'
### sed -n with s///p
printf 'x1\ny2\n' | sed -n 's/x/X/p'
### grep -h and -H
grep -h a a.txt b.txt; grep -H four b.txt
### grep -e several patterns
grep -e alpha -e gamma a.txt
### grep -n -v
grep -nv beta a.txt
### grep -L files without match
grep -L alpha a.txt b.txt
### grep -F fixed strings
printf 'a.c\nabc\n' | grep -F a.c
### grep -c with -v
grep -vc a a.txt
### grep -rl
grep -rl 'y' dir
### grep anchors and star
printf 'abc\nbc\nc\n' | grep '^b*c'
### grep ERE interval
printf 'ab\naab\naaab\n' | grep -E '^a{2}b'
### head -v and tail -q
head -v -n1 a.txt; tail -q -n1 a.txt b.txt
### head of standard input
seq 5 | head -n 2
### tail +N old style
seq 5 | tail -n +4
### wc -m and -L
wc -m -L notes.md
### wc of empty input
printf '' | wc
### seq negative and decimal
seq -2 2; seq 1 0.5 2
### seq -w negatives
seq -w -3 1
### seq bad argument
seq x; echo "status $?"
### find -mindepth
find . -mindepth 2 | sort
### find -empty
find . -empty | sort
### find with negation
find dir ! -name '*.py' | sort
### find -o
find . -name '*.md' -o -name '*.sh' | sort
### find -type with a bad letter
find . -type q; echo "status $?"
### find -name missing argument
find . -name; echo "status $?"
### xargs -t traces
echo a b | xargs -t echo
### xargs with nothing runs once
printf '' | xargs echo empty
### xargs of a missing command
echo a | xargs nope; echo "status $?"
### basename -a and -s
basename -a x/y z/w; basename -s .py dir/one.py dir/two.py
### dirname of several
dirname a/b/c d/e f
### tr ranges and padding
echo abcdef | tr a-c xy
### tr -s with a translation
echo aabbcc | tr -s a-c x-z
### tr -d with -s
echo 'aa  bb' | tr -s -d a ' '; echo
### tr complement
echo 'abc123' | tr -c 'a-z\n' '#'
### cut --complement
echo 'a:b:c' | cut -d: -f2 --complement
### cut -s only delimited
printf 'no delim\na:b\n' | cut -s -d: -f2
### cut bad delimiter
cut -d ab -f1 a.txt; echo "status $?"
### ls -1 lists one per line
ls -1 dir
### ls -1A of a directory with dotfiles
mkdir h && touch h/.x h/y && ls -1A h
### ls -R with -a
mkdir -p r/s && ls -Ra r
### ls of a file and a missing one
ls a.txt nope; echo "status $?"
### readlink -f of a missing last component
readlink -f dir/nothing | sed "s|$PWD|HERE|"
### readlink -e of a missing file
readlink -e dir/nothing; echo "status $?"
### ln -s into a directory
ln -s ../a.txt dir && readlink dir/a.txt
### chmod -v and -c
chmod -v 600 a.txt; chmod -c 600 a.txt; chmod -c 644 a.txt
### chmod = clears
chmod 777 a.txt && chmod go= a.txt && ls -l a.txt | cut -c1-10
### chmod X only for directories
chmod -R a-x,a+X dir && ls -ld dir dir/one.py | cut -c1-10
### mkdir -p of an existing file path
mkdir -p a.txt/x; echo "status $?"
### touch -c does not create
touch -c ghost; ls ghost; echo "status $?"
### echo and cat through a pipe
echo hi | cat - a.txt
### cat -n numbers lines across files
cat -n a.txt b.txt
### cat -b -s -E -A
printf 'a\n\n\n\tb\n' > c.txt && cat -b c.txt && cat -s c.txt && cat -E c.txt && cat -A c.txt
### cat with an unknown option
cat -z a.txt; echo "status $?"
### cat of a directory
cat dir; echo "status $?"
### ln -sfn repoints a link to a directory
mkdir d1 d2 && ln -s d1 current && ln -sfn d2 current && readlink current && ls d1
### cp -n keeps an existing file
cp -n a.txt b.txt; cat b.txt
### grep -A with line numbers
seq 10 > n.txt && grep -n -A1 5 n.txt
### grep -C groups with separators
seq 10 > n.txt && grep -C1 '[37]' n.txt
### grep -B across files
seq 10 > n.txt && grep -B2 9 n.txt a.txt
### grep -A with overlapping groups
seq 10 > n.txt && grep -A1 '[28]' n.txt
### grep -m stops early
seq 10 > n.txt && grep -m2 -n '[0-9]' n.txt
### grep -A with a bad length
grep -A x a a.txt; echo "status $?"
### grep -c with -A ignores context
seq 10 > n.txt && grep -A1 -c 5 n.txt
### sed N joins line pairs
seq 5 | sed 'N;s/\n/+/'
### sed n skips every other line
seq 6 | sed -n 'n;p'
### sed hold space reverses lines
seq 4 | sed -n '1!G;h;$p'
### sed x swaps with hold
printf 'a\nb\n' | sed 'x'
### sed P and D
printf '1\n2\n3\n' | sed -n 'N;P;D'
### sed a last line without newline
printf 'a\nb' | sed 's/b/c/'
### sed d then more commands
seq 3 | sed -e '2d' -e 's/$/./'
### ls and grep take --color
ls --color=auto dir; grep --color=never alpha a.txt; ls --color dir
### tee writes to files and standard output
echo hi | tee t1 t2 && cat t1 t2
### tee -a appends
echo one > log && echo two | tee -a log > /dev/null && cat log
### tee into a missing directory
echo x | tee nodir/f; echo "status $?"
### realpath resolves
ln -s dir l && realpath l/one.py | sed "s|$PWD|HERE|"
### realpath of a missing path
realpath nodir/x; echo "status $?"
### chgrp with an unknown group
chgrp nosuchgroup a.txt; echo "status $?"
### printenv of unset names
printenv NOPE_A NOPE_B; echo "status $?"
### xargs and env run true and false
echo a | xargs false; echo "status $?"; env true; echo "status $?"
### find -exec per file
find dir -name '*.py' -exec echo got {} \; | sort
### find -exec with +
find dir -name 'one.py' -exec cat {} +
### find -exec without a terminator
find . -exec; echo "status $?"
### find -delete
find dir -name '*.py' -delete && ls dir
### find -depth
mkdir -p x/y && touch x/y/z && find x -depth
### find -print0
find dir -name readme -print0 | tr '\0' '|'; echo
### stat -c modes and names
stat -c '%a %A %n %s %F %h' a.txt empty.txt dir run.sh
### stat -c with widths
stat -c '%4a|%-6s|%05a|%%' a.txt
### stat of a symlink and -L
ln -s a.txt l && stat -c '%F %N' l && stat -L -c %F l
### stat --printf
stat --printf='%n:%s\n' a.txt b.txt
### stat of a missing file
stat nope; echo "status $?"
### paths with trailing slashes
ls dir/ && cp -r dir/ d2 && ls d2 && mv d2/ d3 && ls d3 && rm -r d3/ && ls -d d3; echo "status $?"
### cp a file onto a directory name with a slash
cp a.txt nodir/; echo "status $?"
### mv a file over a directory
mkdir box && mv a.txt box && ls box
### rm several, some missing
rm a.txt nope b.txt; echo "status $?"; ls a.txt b.txt; echo "status $?"
### mkdir several, some failing
mkdir n1 dir n2; echo "status $?"; ls -d n1 n2
### head and tail with -n 0
head -n 0 a.txt; tail -n 0 a.txt; echo "[done]"
### tail -c +N
tail -c +3 a.txt
### wc of files without a final newline
printf 'no newline' > nn && wc nn
### sort numeric with equal keys falls back to the line
printf 'b 1\na 1\nc 0\n' | sort -k2n
### sort -t and -k with a range
printf 'a,3,x\nb,1,y\nc,2,z\n' | sort -t, -k2,2
### uniq with input and output files
printf 'a\na\nb\n' > in.txt && uniq in.txt out.txt && cat out.txt
### cut -d with a space
echo 'one two three' | cut -d ' ' -f 2
### cut -c open ranges
echo abcdef | cut -c -3; echo abcdef | cut -c 4-
### grep a pattern starting with a dash
printf -- '-v\nx\n' | grep -e -v
### grep -- ends options
printf -- '-x\n' | grep -- -x
### grep with a dot and star
printf 'a.b\naxb\nab\n' | grep 'a.b'; printf 'ab\naab\nb\n' | grep '^a*b$'
### grep ERE plus and question mark
printf 'color\ncolour\ncolouur\n' | grep -E 'colou?r'
### grep BRE braces
printf 'aa\naaa\n' | grep -x 'a\{3\}'
### sed with special characters in the replacement
echo 'path' | sed 's/path/\/usr\/local/'
### sed append at the end
printf 'a\nb\n' | sed '$a last'
### sed delete a range by regex
printf 'keep\n# start\nx\n# end\nkeep2\n' | sed '/# start/,/# end/d'
### sed substitution on matching lines only
printf 'port 80\nhost x\nport 81\n' | sed '/^port/s/[0-9]*$/8080/'
### tr newline to space
printf 'a\nb\nc\n' | tr '\n' ' '; echo
### tr escapes
printf 'a\tb\n' | tr '\t' ','
### seq with equal first and last
seq 5 5; seq 3 1
### printf with no arguments for the format
printf '%s-%s\n'
### printf %5s and %-5d
printf '[%5s][%-5d]\n' ab 42
### basename with a suffix equal to the name
basename .bashrc .bashrc; basename a.py.py .py
### xargs with quotes
echo "'a b' c" | xargs -n 1 echo
### env -u removes a variable
env -u HOME env | grep -c '^HOME='
### find . -name with a path
find . -path './dir/*' -name '*.py' | sort
### find -maxdepth 0
find dir -maxdepth 0
### find type f and not name
find dir -type f ! -name '*.py'
### text tools given a directory
sort dir; echo "[$?]"; uniq dir; echo "[$?]"; cut -f1 dir; echo "[$?]"; wc -l dir; echo "[$?]"
### sed given a directory stops
sed p a.txt dir b.txt; echo "[$?]"; sed -i p dir; echo "[$?]"
### less and more given a directory
less dir; echo "[$?]"; more dir; echo "[$?]"
### rm -i asks and takes yes
echo y | rm -i a.txt; echo "[$?]"; ls a.txt
### rm -i takes no for an answer
echo n | rm -i a.txt empty.txt; echo "[$?]"; ls a.txt empty.txt
### rm -ri asks about the directory too
mkdir -p one && touch one/f && printf 'y\ny\ny\n' | rm -ri one; echo "[$?]"; ls -d one
### rm -if lets -f win
rm -if a.txt; echo "[$?]"
### du of a tree
du dir; du -s dir; du -sh dir
### du -a and -c
mkdir -p one && echo hi > one/f && du -a one && du -c a.txt b.txt
### du -h of small things
du -h empty.txt a.txt
### du of a missing path
du nope; echo "status $?"
