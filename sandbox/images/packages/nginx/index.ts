import { enablePackageUnit, startPackageUnit, stopPackageUnit } from '../../../init/package-units.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { OutputStream } from '../../../kernel/streams.ts';
import { executable } from '../stub.ts';
import type { Package, PackageFile } from '../types.ts';
import { CHARSET_MAPS } from './charset-maps.ts';
import { CONFIG_FILES } from './config-files.ts';
import { GATEWAY_PARAMS } from './gateway-params.ts';
import { MIME_TYPES } from './mime-types.ts';
import { SYSTEM_FILES } from './system-files.ts';

/**
 * nginx and nginx-common as Ubuntu 24.04 ships them (1.24.0-2ubuntu7). The
 * file texts are Debian bookworm's (1.22.1-9+deb12u11), which Ubuntu's
 * package carries unchanged in everything a learner reads.
 */

const VERSION = '1.24.0-2ubuntu7';
const ADM = 4;
const WWW_DATA = 33;
const UBUNTU_MAINTAINER = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';
const DEBIAN_MAINTAINER = 'Debian Nginx Maintainers <pkg-nginx-maintainers@alioth-lists.debian.net>';
const DESCRIPTION = [
  'Nginx ("engine X") is a high-performance web and reverse proxy server',
  'created by Igor Sysoev. It can be used both as a standalone web server',
  'and as a proxy to reduce the load on back-end HTTP or mail servers.',
];

const dir = (path: string, mode = 0o755): PackageFile => ({ path, kind: 'dir', mode });
const conffile = (path: string, content: string, mode = 0o644): PackageFile => ({ path, kind: 'file', content, mode, conffile: true });
const file = (path: string, content: string, mode = 0o644): PackageFile => ({ path, kind: 'file', content, mode });

const ETC_TEXTS = { ...CONFIG_FILES, ...GATEWAY_PARAMS, ...CHARSET_MAPS, ...MIME_TYPES };

const COMMON_FILES: PackageFile[] = [
  ...['/etc/nginx', '/etc/nginx/conf.d', '/etc/nginx/modules-available', '/etc/nginx/modules-enabled',
    '/etc/nginx/sites-available', '/etc/nginx/sites-enabled', '/etc/nginx/snippets', '/usr/share/nginx',
    '/usr/share/nginx/html', '/var/lib/nginx', '/var/log/nginx'].map((path) => dir(path)),
  ...Object.entries(ETC_TEXTS).map(([path, content]) => conffile(path, content)),
  conffile('/etc/default/nginx', SYSTEM_FILES['/etc/default/nginx']!),
  conffile('/etc/init.d/nginx', SYSTEM_FILES['/etc/init.d/nginx']!, 0o755),
  conffile('/etc/logrotate.d/nginx', SYSTEM_FILES['/etc/logrotate.d/nginx']!),
  file('/lib/systemd/system/nginx.service', SYSTEM_FILES['/lib/systemd/system/nginx.service']!),
  file('/usr/share/nginx/html/index.html', SYSTEM_FILES['/usr/share/nginx/html/index.html']!),
  { path: '/usr/share/nginx/modules', kind: 'symlink', content: '../../lib/nginx/modules' },
];

/** nginx-common's postinst on a fresh install: log files, the default site's link, the welcome page, the unit enabled. */
function configureCommon(kernel: Kernel, output: OutputStream): void {
  const { vfs } = kernel;
  const logs = vfs.lookup('/var/log/nginx');
  logs.uid = 0;
  logs.gid = ADM;
  logs.mode = 0o755;
  for (const log of ['/var/log/nginx/access.log', '/var/log/nginx/error.log']) {
    if (!vfs.tryLookup(log)) vfs.writeFile(log, '', undefined, '/', { mode: 0o640, uid: WWW_DATA, gid: ADM });
  }
  if (!vfs.tryLookup('/etc/nginx/sites-enabled/default', undefined, false)) {
    vfs.symlink('/etc/nginx/sites-available/default', '/etc/nginx/sites-enabled/default');
  }
  if (!vfs.tryLookup('/var/www/html/index.nginx-debian.html')) {
    vfs.mkdir('/var/www/html', undefined, '/', { recursive: true });
    vfs.writeFile('/var/www/html/index.nginx-debian.html', vfs.readFile('/usr/share/nginx/html/index.html'));
  }
  enablePackageUnit(kernel, 'nginx.service', output);
}

/** nginx's postinst: the server starts as soon as it is installed. */
async function startNginx(kernel: Kernel, output: OutputStream): Promise<void> {
  await startPackageUnit(kernel, 'nginx.service', output);
}

export const NGINX_COMMON: Package = {
  name: 'nginx-common',
  version: VERSION,
  architecture: 'all',
  section: 'httpd',
  priority: 'optional',
  suite: 'noble-updates',
  installedSizeKb: 170,
  downloadSizeKb: 43,
  maintainer: UBUNTU_MAINTAINER,
  originalMaintainer: DEBIAN_MAINTAINER,
  homepage: 'https://nginx.net',
  depends: [],
  dependsText: 'debconf (>= 0.5) | debconf-2.0',
  suggests: ['fcgiwrap', 'nginx-doc', 'ssl-cert'],
  description: [
    'small, powerful, scalable web/proxy server - common files',
    ...DESCRIPTION,
    '',
    'This package contains base configuration files used by all versions of',
    'nginx.',
  ],
  files: COMMON_FILES,
  postinstall: configureCommon,
  purgeRemoves: ['/var/lib/nginx', '/var/log/nginx', '/etc/nginx', '/etc/systemd/system/multi-user.target.wants/nginx.service'],
};

export const NGINX: Package = {
  name: 'nginx',
  version: VERSION,
  architecture: 'amd64',
  section: 'httpd',
  priority: 'optional',
  suite: 'noble-updates',
  installedSizeKb: 1404,
  downloadSizeKb: 520,
  maintainer: UBUNTU_MAINTAINER,
  originalMaintainer: DEBIAN_MAINTAINER,
  homepage: 'https://nginx.net',
  depends: ['nginx-common'],
  dependsText: `libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libpcre2-8-0 (>= 10.22), libssl3t64 (>= 3.0.0), zlib1g (>= 1:1.1.4), iproute2, nginx-common (= ${VERSION})`,
  description: ['small, powerful, scalable web/proxy server', ...DESCRIPTION],
  files: [dir('/usr/sbin'), executable('/usr/sbin/nginx')],
  postinstall: startNginx,
  preremove: (kernel) => stopPackageUnit(kernel, 'nginx.service'),
};
