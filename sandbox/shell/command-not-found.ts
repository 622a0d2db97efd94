/** Commands a learner types before installing them, and the Ubuntu package that provides each. */
const PACKAGES: Readonly<Record<string, string>> = {
  nginx: 'nginx',
  curl: 'curl',
  gunicorn: 'gunicorn',
  pip: 'python3-pip',
  pip3: 'python3-pip',
  flask: 'python3-flask',
  tree: 'tree',
  htop: 'htop',
  jq: 'jq',
  git: 'git',
  make: 'make',
  gcc: 'gcc',
  zip: 'zip',
  unzip: 'unzip',
  sqlite3: 'sqlite3',
  ifconfig: 'net-tools',
  netstat: 'net-tools',
  certbot: 'certbot',
  psql: 'postgresql-client-common',
  'redis-server': 'redis-server',
  'redis-cli': 'redis-tools',
};

/** Whether a missing command is one a package would provide. */
export function packageFor(name: string): string | undefined {
  return Object.hasOwn(PACKAGES, name) ? PACKAGES[name] : undefined;
}

/** What Ubuntu's command-not-found handler prints for a command typed at an interactive prompt. */
export function commandNotFoundHint(name: string, isRoot: boolean): string {
  const pkg = packageFor(name);
  if (!pkg) return `${name}: command not found\n`;
  return `Command '${name}' not found, but can be installed with:\n${isRoot ? '' : 'sudo '}apt install ${pkg}\n`;
}
