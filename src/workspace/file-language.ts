/**
 * Monaco's language for a file opened from the terminal, by its name. Only
 * the languages editor.ts registers; anything else is plain text, which is
 * also right for nginx configs (ini colouring would mislead on braces).
 */
const BY_EXTENSION: Record<string, string> = {
  py: 'python',
  sh: 'shell',
  bash: 'shell',
  html: 'html',
  htm: 'html',
  yaml: 'yaml',
  yml: 'yaml',
  ini: 'ini',
  cfg: 'ini',
  service: 'ini',
  socket: 'ini',
  timer: 'ini',
};

/** Dotfiles that are shell scripts. */
const SHELL_FILES = new Set(['.bashrc', '.bash_profile', '.bash_logout', '.profile']);

export function languageFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (SHELL_FILES.has(name)) return 'shell';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'plaintext';
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'plaintext';
}
