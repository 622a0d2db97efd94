/** The umask every login shell starts with on Ubuntu. */
export const UMASK = 0o022;

const WHO_BITS: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };

/**
 * Applies a chmod mode to `current`: octal (`755`) or symbolic clauses
 * (`u+x,go-w,a=r`, `+X`, `u=g`). Without a who, the umask masks what is
 * added or removed, as chmod(1) documents. Returns null for an invalid mode.
 */
export function parseMode(text: string, current: number, isDir: boolean): number | null {
  if (/^[0-7]+$/.test(text)) {
    const value = parseInt(text, 8);
    if (value > 0o7777) return null;
    // Fewer than five digits keep a directory's set-id bits, as GNU chmod does.
    return text.length < 5 && isDir ? value | (current & 0o6000) : value;
  }
  let mode = current;
  for (const clause of text.split(',')) {
    const match = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!match) return null;
    const who = match[1]!;
    const whoMask = who === '' ? 0o7777 & ~UMASK : [...who].reduce((mask, letter) => mask | WHO_BITS[letter]!, 0);
    for (const action of match[2]!.match(/[-+=][^-+=]*/g)!) {
      const op = action[0]!;
      const perms = action.slice(1);
      let bits = permissionBits(perms, mode, isDir) & whoMask;
      if (who === '') bits &= ~UMASK | 0o7000;
      if (!who.includes('u') && !who.includes('a') && who !== '') bits &= ~0o4000;
      if (!who.includes('g') && !who.includes('a') && who !== '') bits &= ~0o2000;
      if (op === '+') mode |= bits;
      else if (op === '-') mode &= ~bits;
      else mode = (mode & ~(who === '' ? 0o7777 : whoMask)) | bits;
    }
  }
  return mode & 0o7777;
}

/** The bits a permission list stands for in every class (r → 0444); `X` only for directories or executables. */
function permissionBits(perms: string, mode: number, isDir: boolean): number {
  if (/^[ugo]$/.test(perms)) {
    const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
    const triple = (mode >> shift) & 7;
    return triple * 0o111;
  }
  let bits = 0;
  for (const perm of perms) {
    if (perm === 'r') bits |= 0o444;
    else if (perm === 'w') bits |= 0o222;
    else if (perm === 'x') bits |= 0o111;
    else if (perm === 'X' && (isDir || (mode & 0o111) !== 0)) bits |= 0o111;
    else if (perm === 's') bits |= 0o6000;
    else if (perm === 't') bits |= 0o1000;
  }
  return bits;
}
