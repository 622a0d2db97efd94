/** The pure parts of files opened from the terminal: language, tab label, notes. */
import { describe, expect, it } from 'vitest';
import { languageFor } from '../../src/workspace/file-language.ts';
import { OpenedFiles, machineHasSaved, readOnlyNote, saveErrorNote, tabLabel, withFinalNewline } from '../../src/workspace/opened-files.ts';

describe('languageFor', () => {
  it('goes by the extension, case-insensitively', () => {
    expect(languageFor('/home/learner/app/app.py')).toBe('python');
    expect(languageFor('/home/learner/deploy.SH')).toBe('shell');
    expect(languageFor('/srv/site/index.html')).toBe('html');
    expect(languageFor('/srv/compose.yml')).toBe('yaml');
    expect(languageFor('/home/learner/gunicorn.cfg')).toBe('ini');
  });

  it('knows nginx configs: /etc/nginx/, site files, *.conf in a folder named nginx', () => {
    expect(languageFor('/etc/nginx/nginx.conf')).toBe('nginx');
    expect(languageFor('/etc/nginx/sites-available/default')).toBe('nginx');
    expect(languageFor('/etc/nginx/conf.d/gzip.conf')).toBe('nginx');
    expect(languageFor('/etc/nginx/mime.types')).toBe('nginx');
    expect(languageFor('/home/learner/deploy/sites-available/app')).toBe('nginx');
    expect(languageFor('/home/learner/deploy/nginx/app.conf')).toBe('nginx');
    expect(languageFor('/home/learner/nginx.conf')).toBe('nginx');
    expect(languageFor('/home/learner/deploy/app.conf')).toBe('plaintext');
  });

  it('knows systemd units and their drop-ins', () => {
    expect(languageFor('/etc/systemd/system/app.service')).toBe('systemd');
    expect(languageFor('/etc/systemd/system/app.socket')).toBe('systemd');
    expect(languageFor('/etc/systemd/system/backup.timer')).toBe('systemd');
    expect(languageFor('/lib/systemd/system/multi-user.target')).toBe('systemd');
    expect(languageFor('/etc/systemd/system/srv-data.mount')).toBe('systemd');
    expect(languageFor('/etc/systemd/system/nginx.service.d/override.conf')).toBe('systemd');
    expect(languageFor('/etc/systemd/system/app.service.d/notes.txt')).toBe('plaintext');
  });

  it('is plain text for names without an extension and unknown ones', () => {
    expect(languageFor('/etc/hostname')).toBe('plaintext');
    expect(languageFor('/home/learner/notes.txt')).toBe('plaintext');
  });

  it('knows shell dotfiles, and does not take a dotfile name for an extension', () => {
    expect(languageFor('/home/learner/.bashrc')).toBe('shell');
    expect(languageFor('/home/learner/.env')).toBe('plaintext');
  });
});

describe('tabLabel', () => {
  it("is the file's name, or its path when another open file has that name", () => {
    expect(tabLabel('/home/learner/notes.txt', ['/home/learner/hello/app.py'])).toBe('notes.txt');
    expect(tabLabel('/tmp/app.py', ['/home/learner/hello/app.py', '/tmp/app.py'])).toBe('/tmp/app.py');
  });
});

describe('notes', () => {
  it('point a learner who hit Permission denied to sudo', () => {
    expect(saveErrorNote('bash: /etc/hostname: Permission denied')).toBe('Permission denied — open it with sudo nano');
    expect(saveErrorNote('bash: /nope/x: No such file or directory')).toBe('Not saved: bash: /nope/x: No such file or directory');
    expect(readOnlyNote('learner')).toBe('Read-only for learner — open it with sudo nano');
    expect(readOnlyNote('root')).toBe('Cannot be saved here');
  });
});

describe('OpenedFiles', () => {
  it('keeps files by path, in the order they opened', () => {
    const files = new OpenedFiles();
    files.add({ path: '/a', user: 'learner', saved: '' });
    files.add({ path: '/b', user: 'root', saved: 'x' });
    expect(files.get('/b')?.user).toBe('root');
    files.delete('/a');
    expect(files.paths()).toEqual(['/b']);
  });
});

describe('saving as nano does', () => {
  it('ends the text with a newline, except an empty file', () => {
    expect(withFinalNewline('server')).toBe('server\n');
    expect(withFinalNewline('server\n')).toBe('server\n');
    expect(withFinalNewline('')).toBe('');
  });

  it("knows its own save when the machine reports it back, and anyone else's change", () => {
    const file = { path: '/home/learner/notes.txt', user: 'learner', saved: 'todo' };
    expect(machineHasSaved(file, 'todo\n')).toBe(true);
    expect(machineHasSaved(file, 'todo')).toBe(true);
    expect(machineHasSaved(file, 'todo\nmore\n')).toBe(false);
  });
});
