/** systemd-analyze's help and version texts, as systemd 252 prints them. */

export const ANALYZE_HELP = `systemd-analyze [OPTIONS...] COMMAND ...

Profile systemd, show unit dependencies, check unit files.

Commands:
  [time]                     Print time required to boot the machine
  blame                      Print list of running units ordered by
                             time to init
  critical-chain [UNIT...]   Print a tree of the time critical chain
                             of units
  plot                       Output SVG graphic showing service
                             initialization
  dot [UNIT...]              Output dependency graph in dot(1) format
  dump [PATTERN...]          Output state serialization of service
                             manager
  cat-config                 Show configuration file and drop-ins
  unit-files                 List files and symlinks for units
  unit-paths                 List load directories for units
  exit-status [STATUS...]    List exit status definitions
  capability [CAP...]        List capability definitions
  syscall-filter [NAME...]   List syscalls in seccomp filters
  filesystems [NAME...]      List known filesystems
  condition CONDITION...     Evaluate conditions and asserts
  compare-versions VERSION1 [OP] VERSION2
                             Compare two version strings
  verify FILE...             Check unit files for correctness
  calendar SPEC...           Validate repetitive calendar time
                             events
  timestamp TIMESTAMP...     Validate a timestamp
  timespan SPAN...           Validate a time span
  security [UNIT...]         Analyze security of unit
  inspect-elf FILE...        Parse and print ELF package metadata

Options:
     --recursive-errors=MODE Control which units are verified
     --offline=BOOL          Perform a security review on unit file(s)
     --threshold=N           Exit with a non-zero status when overall
                             exposure level is over threshold value
     --security-policy=PATH  Use custom JSON security policy instead
                             of built-in one
     --json=pretty|short|off Generate JSON output of the security
                             analysis table
     --no-pager              Do not pipe output into a pager
     --system                Operate on system systemd instance
     --user                  Operate on user systemd instance
     --global                Operate on global user configuration
  -H --host=[USER@]HOST      Operate on remote host
  -M --machine=CONTAINER     Operate on local container
     --order                 Show only order in the graph
     --require               Show only requirement in the graph
     --from-pattern=GLOB     Show only origins in the graph
     --to-pattern=GLOB       Show only destinations in the graph
     --fuzz=SECONDS          Also print services which finished SECONDS
                             earlier than the latest in the branch
     --man[=BOOL]            Do [not] check for existence of man pages
     --generators[=BOOL]     Do [not] run unit generators
                             (requires privileges)
     --iterations=N          Show the specified number of iterations
     --base-time=TIMESTAMP   Calculate calendar times relative to
                             specified time
     --profile=name|PATH     Include the specified profile in the
                             security review of the unit(s)
  -h --help                  Show this help
     --version               Show package version
  -q --quiet                 Do not emit hints
     --root=PATH             Operate on an alternate filesystem root
     --image=PATH            Operate on disk image as filesystem root

See the systemd-analyze(1) man page for details.
`;

export const ANALYZE_VERSION = `systemd 252 (252.39-1~deb12u2)
+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified
`;

/** The verbs systemd-analyze knows (from its help). */
export const ANALYZE_VERBS: readonly string[] = ['time', 'blame', 'critical-chain', 'plot', 'dot', 'dump', 'cat-config', 'unit-files', 'unit-paths', 'exit-status', 'capability', 'syscall-filter', 'filesystems', 'condition', 'compare-versions', 'verify', 'calendar', 'timestamp', 'timespan', 'security', 'inspect-elf'];
