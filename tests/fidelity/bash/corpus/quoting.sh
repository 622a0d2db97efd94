### single quotes keep everything
echo 'a $HOME "b" \n'
### double quotes expand variables
x=world; echo "hello $x"
### backslash escapes a space
echo a\ b
### backslash in double quotes
echo "a\$b \"q\" \\ \x"
### adjacent quoted parts join
echo 'a'"b"c
### empty quotes are an argument
set -- '' ""; echo $#
### quoted glob stays literal
echo "*.txt"
### escaped glob stays literal
echo \*.txt
### dollar at end of word
echo a$
### dollar before a non-name
echo $% $, $.
### tab inside quotes
echo "a	b"
### newline inside quotes
echo "line1
line2"
### single quote inside double quotes
echo "it's"
### double quote inside single quotes
echo 'say "hi"'
### backslash newline continues the line
echo one \
two
### hash starts a comment
echo a # comment here
### hash inside a word
echo a#b
### quoted hash
echo '#not a comment'
### unterminated single quote
echo 'open
### unterminated double quote
echo "open
### ansi-c like escapes stay literal in echo
echo 'a\tb'
### words split on spaces
x="a   b    c"; echo $x
### quoted keeps spaces
x="a   b    c"; echo "$x"
### tilde expands at word start
echo ~ | sed 's/.*/home/'
### tilde in quotes stays
echo "~"
### tilde after equals in assignment
x=~; [ "$x" = "$HOME" ] && echo same
### escaped dollar in double quotes
echo "\$HOME"
### brace literal without comma
echo {a}
### empty braces
echo {}
### braces in quotes
echo "{a,b}"
