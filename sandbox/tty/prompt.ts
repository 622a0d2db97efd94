/** The prompt bash shows on Ubuntu: user@host:~/dir$ in colour, # for root. */
export function promptText(user: { name: string; uid: number; home: string }, hostname: string, cwd: string): string {
  const { home } = user;
  const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  const sign = user.uid === 0 ? '#' : '$';
  const green = '\x1b[01;32m';
  const blue = '\x1b[01;34m';
  const reset = '\x1b[00m';
  return `${green}${user.name}@${hostname}${reset}:${blue}${shown}${reset}${sign} `;
}
