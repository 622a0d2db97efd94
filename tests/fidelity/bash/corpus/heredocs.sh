### simple here-doc
cat <<EOF
hello
world
EOF
### here-doc expands variables
name=learner; cat <<EOF
hi $name
EOF
### quoted delimiter keeps text
cat <<'EOF'
$HOME stays
`echo no`
EOF
### double-quoted delimiter keeps text
cat <<"EOF"
$x raw
EOF
### here-doc to a file
cat <<'EOF' > conf.txt
server {
    listen 80;
}
EOF
cat conf.txt
### here-doc strips tabs with <<-
cat <<-EOF
	indented
		twice
	EOF
### here-doc with command substitution
cat <<EOF
sum: $((1+2)) echo: $(echo sub)
EOF
### here-doc escaped dollar
cat <<EOF
cost \$5 and \\ backslash
EOF
### here-doc keeps quotes
cat <<EOF
"quoted" 'single'
EOF
### two here-docs
cat <<A; cat <<B
first
A
second
B
### here-doc then another command
cat <<EOF
body
EOF
echo after
### here-doc in a pipeline
cat <<EOF | cat
piped
EOF
### here-doc into a while loop
while read a b; do echo "$b $a"; done <<EOF
1 one
2 two
EOF
### here-doc unterminated
cat <<EOF
no end
### here-doc empty body
cat <<EOF
EOF
echo empty
### here-doc with a blank line
cat <<EOF
a

b
EOF
### here-doc delimiter with text after
cat <<END
END not yet
END
### here-doc appended
echo start > f
cat <<EOF >> f
more
EOF
cat f
### here-doc with braces expansion
x=v; cat <<EOF
${x:-d} ${y:-d}
EOF
