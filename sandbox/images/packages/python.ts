import { executable } from './stub.ts';
import type { Package } from './types.ts';

/**
 * Python's packaging tools. Their records are real; their files are the
 * minimum: pip and venv (python/py/shiplab_pip.py, shiplab_venv.py) read
 * /var/lib/dpkg/status to decide whether `pip3` exists and whether
 * `python3 -m venv` has ensurepip, and lay down site-packages themselves.
 * The base image has neither, as Ubuntu 24.04 cloud images do not.
 */

const UBUNTU_MAINTAINER = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';

export const PYTHON3: Package = {
  name: 'python3',
  version: '3.12.3-0ubuntu2',
  architecture: 'amd64',
  section: 'python',
  priority: 'important',
  suite: 'noble-updates',
  installedSizeKb: 92,
  downloadSizeKb: 23,
  maintainer: UBUNTU_MAINTAINER,
  homepage: 'https://www.python.org/',
  depends: [],
  dependsText: 'python3.12 (>= 3.12.3-0~), libpython3-stdlib (= 3.12.3-0ubuntu2)',
  description: [
    'interactive high-level object-oriented language (default python3 version)',
    'Python, the high-level, interactive object oriented language,',
    'includes an extensive class library with lots of goodies for',
    'network programming, system administration, sounds and graphics.',
  ],
  files: [],
};

export const PYTHON3_PIP: Package = {
  name: 'python3-pip',
  version: '24.0+dfsg-1ubuntu1.1',
  architecture: 'all',
  section: 'python',
  priority: 'optional',
  suite: 'noble-updates',
  installedSizeKb: 7134,
  downloadSizeKb: 1317,
  maintainer: UBUNTU_MAINTAINER,
  originalMaintainer: 'Debian Python Team <team+python@tracker.debian.org>',
  homepage: 'https://pip.pypa.io/en/stable/',
  depends: ['python3-setuptools', 'python3-wheel'],
  dependsText: 'ca-certificates, python3-setuptools, python3-wheel, python3:any',
  description: [
    'Python package installer',
    'pip is the Python package installer.  It integrates with virtualenv, doesn\'t',
    'do partial installs, can save package state for replaying, can install from',
    'non-egg sources, and can install from Subversion.',
  ],
  files: [executable('/usr/bin/pip'), executable('/usr/bin/pip3')],
};

export const PYTHON3_SETUPTOOLS: Package = {
  name: 'python3-setuptools',
  version: '68.1.2-2ubuntu1.1',
  architecture: 'all',
  section: 'python',
  priority: 'optional',
  suite: 'noble-updates',
  installedSizeKb: 2399,
  downloadSizeKb: 397,
  maintainer: UBUNTU_MAINTAINER,
  homepage: 'https://pypi.python.org/pypi/setuptools',
  depends: [],
  dependsText: 'python3-pkg-resources (= 68.1.2-2ubuntu1.1), python3:any',
  description: ['Python3 Distutils Enhancements', 'Extensions to the python-distutils for large or complex distributions.'],
  files: [],
};

export const PYTHON3_WHEEL: Package = {
  name: 'python3-wheel',
  version: '0.42.0-2',
  architecture: 'all',
  section: 'python',
  priority: 'optional',
  suite: 'noble',
  installedSizeKb: 149,
  downloadSizeKb: 24,
  maintainer: UBUNTU_MAINTAINER,
  homepage: 'https://github.com/pypa/wheel',
  depends: [],
  dependsText: 'python3:any',
  description: ['built-package format for Python', 'A wheel is a ZIP-format archive with a specially formatted filename and the', '.whl extension.'],
  files: [],
};

export const PYTHON3_VENV: Package = {
  name: 'python3-venv',
  version: '3.12.3-0ubuntu2',
  architecture: 'amd64',
  section: 'python',
  priority: 'optional',
  suite: 'noble-updates',
  installedSizeKb: 6,
  downloadSizeKb: 1,
  maintainer: UBUNTU_MAINTAINER,
  homepage: 'https://www.python.org/',
  depends: ['python3.12-venv'],
  dependsText: 'python3.12-venv (>= 3.12.3-0~), python3 (= 3.12.3-0ubuntu2)',
  description: [
    'venv module for python3 (default python3 version)',
    'This package contains the venv module for the Python language (default python3',
    'version).',
  ],
  files: [],
};

export const PYTHON3_12_VENV: Package = {
  name: 'python3.12-venv',
  version: '3.12.3-1ubuntu0.8',
  architecture: 'amd64',
  section: 'python',
  priority: 'optional',
  suite: 'noble-updates',
  installedSizeKb: 5620,
  downloadSizeKb: 5678,
  maintainer: UBUNTU_MAINTAINER,
  depends: [],
  dependsText: 'python3.12 (= 3.12.3-1ubuntu0.8), python3-pip-whl (>= 23), python3-setuptools-whl',
  description: [
    'Interactive high-level object-oriented language (pyvenv binary, version 3.12)',
    'Python is a high-level, interactive, object-oriented language. Its 3.12 version',
    'includes an extensive class library with lots of goodies for',
    'network programming, system administration, sounds and graphics.',
  ],
  files: [{ path: '/usr/lib/python3.12/ensurepip', kind: 'dir', mode: 0o755 }],
};
