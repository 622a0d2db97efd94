import { executable } from './stub.ts';
import type { Package } from './types.ts';

/** Command-line tools the course uses besides nginx and Python: curl, sqlite3, git. */

const UBUNTU_MAINTAINER = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';

export const CURL: Package = {
  name: 'curl',
  version: '8.5.0-2ubuntu10.6',
  architecture: 'amd64',
  section: 'web',
  priority: 'optional',
  suite: 'noble-updates,noble-security',
  installedSizeKb: 534,
  downloadSizeKb: 226,
  maintainer: UBUNTU_MAINTAINER,
  originalMaintainer: 'Debian Curl Maintainers <team+curl@tracker.debian.org>',
  homepage: 'https://curl.se/',
  depends: [],
  dependsText: 'libc6 (>= 2.34), libcurl4t64 (= 8.5.0-2ubuntu10.6), zlib1g (>= 1:1.1.4)',
  description: [
    'command line tool for transferring data with URL syntax',
    'curl is a command line tool for transferring data with URL syntax, supporting',
    'DICT, FILE, FTP, FTPS, GOPHER, GOPHERS, HTTP, HTTPS, IMAP, IMAPS, LDAP, LDAPS,',
    'MQTT, POP3, POP3S, RTMP, RTMPS, RTSP, SCP, SFTP, SMB, SMBS, SMTP, SMTPS, TELNET,',
    'TFTP, WS and WSS.',
  ],
  files: [executable('/usr/bin/curl')],
};

export const SQLITE3: Package = {
  name: 'sqlite3',
  version: '3.45.1-1ubuntu2.5',
  architecture: 'amd64',
  section: 'database',
  priority: 'optional',
  suite: 'noble-updates,noble-security',
  installedSizeKb: 1873,
  downloadSizeKb: 144,
  maintainer: UBUNTU_MAINTAINER,
  originalMaintainer: 'Laszlo Boszormenyi (GCS) <gcs@debian.org>',
  homepage: 'https://www.sqlite.org/',
  depends: [],
  dependsText: 'libc6 (>= 2.34), libreadline8t64 (>= 6.0), libsqlite3-0 (= 3.45.1-1ubuntu2.5), zlib1g (>= 1:1.2.0)',
  suggests: ['sqlite3-doc'],
  description: [
    'Command line interface for SQLite 3',
    'SQLite is a C library that implements an SQL database engine.',
    'Programs that link with the SQLite library can have SQL database',
    'access without running a separate RDBMS process.',
  ],
  files: [executable('/usr/bin/sqlite3')],
};

export const GIT: Package = {
  name: 'git',
  version: '1:2.43.0-1ubuntu7.3',
  architecture: 'amd64',
  section: 'vcs',
  priority: 'optional',
  suite: 'noble-updates,noble-security',
  installedSizeKb: 22940,
  downloadSizeKb: 3679,
  maintainer: UBUNTU_MAINTAINER,
  originalMaintainer: 'Jonathan Nieder <jrnieder@gmail.com>',
  homepage: 'https://git-scm.com/',
  depends: [],
  dependsText: 'libc6 (>= 2.38), libcurl3t64-gnutls (>= 7.56.1), libexpat1 (>= 2.0.1), libpcre2-8-0 (>= 10.34), zlib1g (>= 1:1.2.0), perl, git-man (>> 1:2.43.0), git-man (<< 1:2.43.0-.)',
  suggests: ['gettext-base', 'git-daemon-run', 'git-doc', 'git-email', 'git-gui', 'gitk', 'gitweb', 'git-cvs', 'git-mediawiki', 'git-svn'],
  description: [
    'fast, scalable, distributed revision control system',
    'Git is popular version control system designed to handle very large',
    'projects with speed and efficiency; it is used for many high profile',
    'open source projects, most notably the Linux kernel.',
  ],
  files: [executable('/usr/bin/git')],
};
