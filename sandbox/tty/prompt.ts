/** Ubuntu's PS1 from /etc/skel/.bashrc (colour prompt): user@host:~/dir$ in colour, # for root. */
export const UBUNTU_PS1 = String.raw`${'$'}{debian_chroot:+(${'$'}debian_chroot)}\[\033[01;32m\]\u@\h\[\033[00m\]:\[\033[01;34m\]\w\[\033[00m\]\$ `;

/**
 * The prompt bash shows for PS1 (Ubuntu's when unset): the backslash escapes
 * a prompt uses are decoded; `source venv/bin/activate` prefixes PS1 with "(venv) ".
 */
export function promptText(user: { name: string; uid: number; home: string }, hostname: string, cwd: string, ps1: string = UBUNTU_PS1): string {
  const { home } = user;
  const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  const escapes: Readonly<Record<string, string>> = {
    u: user.name,
    h: hostname.split('.')[0]!,
    H: hostname,
    w: shown,
    W: shown === '~' || shown === '/' ? shown : shown.slice(shown.lastIndexOf('/') + 1),
    $: user.uid === 0 ? '#' : '$',
    e: '\x1b',
    a: '\x07',
    n: '\n',
    '\\': '\\',
    '[': '',
    ']': '',
  };
  // Ubuntu's PS1 names debian_chroot, which is empty outside a chroot.
  return ps1
    .replace(/\$\{debian_chroot:\+\(\$debian_chroot\)\}/g, '')
    .replace(/\\(0[0-7]{2}|[uhHwW$ean\\[\]])/g, (_, code: string) => (code.startsWith('0') ? String.fromCharCode(parseInt(code, 8)) : escapes[code]!));
}
