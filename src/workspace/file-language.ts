/**
 * Monaco's language for a file, by its path. Only the languages editor.ts
 * registers (Monaco's own, and nginx and systemd from languages/); anything
 * else is plain text.
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
  service: 'systemd',
  socket: 'systemd',
  timer: 'systemd',
  target: 'systemd',
  mount: 'systemd',
};

/** Dotfiles that are shell scripts. */
const SHELL_FILES = new Set(['.bashrc', '.bash_profile', '.bash_logout', '.profile']);

/** A drop-in that changes a unit: /etc/systemd/system/app.service.d/override.conf. */
const UNIT_DROP_IN = /\.(?:service|socket|timer|target|mount)\.d\/[^/]+\.conf$/;

/**
 * nginx's configuration: anything under /etc/nginx/ (mime.types and
 * fastcgi_params are nginx syntax too), a site file in sites-available or
 * sites-enabled wherever it is kept, and *.conf in a folder named nginx.
 */
function isNginxConfig(path: string): boolean {
  return (
    path.startsWith('/etc/nginx/') ||
    /(?:^|\/)sites-(?:available|enabled)\/[^/]+$/.test(path) ||
    /(?:^|\/)nginx\/(?:[^/]+\/)*[^/]+\.conf$/.test(path) ||
    /(?:^|\/)nginx\.conf$/.test(path)
  );
}

export function languageFor(path: string): string {
  if (UNIT_DROP_IN.test(path)) return 'systemd';
  if (isNginxConfig(path)) return 'nginx';
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (SHELL_FILES.has(name)) return 'shell';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'plaintext';
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'plaintext';
}
