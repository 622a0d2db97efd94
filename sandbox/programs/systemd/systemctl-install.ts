/** systemctl's unit-file verbs: enable, disable, mask, unmask, is-enabled, cat, edit. */
import {
  CONFIG_DIR,
  type InstallChange,
  describeChange,
  disableUnit,
  enableUnit,
  maskUnit,
  unitFileState,
  unmaskUnit,
} from '../../init/install.ts';
import { loadUnit } from '../../init/units/index.ts';
import { finishOnSave, overrideTemplate } from './edit-session.ts';
import { AUTH_REQUIRED, type Verb, type VerbContext, jobVerb, mayManage } from './systemctl-jobs.ts';
const SYSV_INSTALL = '/usr/lib/systemd/systemd-sysv-install';

const NO_INSTALL_CONFIG = `The unit files have no installation config (WantedBy=, RequiredBy=, Also=,
Alias= settings in the [Install] section, and DefaultInstance= for template
units). This means they are not meant to be enabled using systemctl.
 
Possible reasons for having this kind of units are:
\u2022 A unit may be statically enabled by being symlinked from another unit's
  .wants/ or .requires/ directory.
\u2022 A unit's purpose may be to act as a helper for some other unit which has
  a requirement dependency on it.
\u2022 A unit may be started when needed via activation (socket, path, timer,
  D-Bus, udev, scripted systemctl call, ...).
\u2022 In case of template units, the unit is meant to be enabled with some
  instance name specified.
`;

function report(call: VerbContext, changes: InstallChange[]): void {
  for (const change of changes) call.context.stderr.write(`${describeChange(change)}\n`);
}

/** A unit with a SysV script (nginx has /etc/init.d/nginx): systemctl keeps its rc links in step and says so. */
function syncSysV(call: VerbContext, name: string, action: 'enable' | 'disable'): void {
  const script = name.replace(/\.service$/, '');
  if (!name.endsWith('.service') || !call.context.kernel.vfs.tryLookup(`/etc/init.d/${script}`)) return;
  call.context.stderr.write(`Synchronizing state of ${name} with SysV service script with ${SYSV_INSTALL}.\nExecuting: ${SYSV_INSTALL} ${action} ${script}\n`);
}

function installVerb(action: 'enable' | 'disable'): Verb {
  return async (call) => {
    const { context, manager, units, options } = call;
    if (units.length === 0) {
      context.stderr.write('Too few arguments.\n');
      return 1;
    }
    if (!mayManage(context)) {
      context.stderr.write(`Failed to ${action} unit: ${AUTH_REQUIRED}\n`);
      return 1;
    }
    const { vfs } = context.kernel;
    let changed = false;
    for (const name of units) {
      // Unit-file operations read the files as they are now, not what the manager has loaded.
      const loaded = loadUnit(vfs, name);
      const state = unitFileState(vfs, loaded);
      if (state === null) {
        context.stderr.write(`Failed to ${action} unit, unit ${name} does not exist.\n`);
        if (action === 'enable') return 1;
        continue;
      }
      if (state === 'masked') {
        context.stderr.write(`Failed to ${action} unit, unit ${name} is masked.\n`);
        return 1;
      }
      syncSysV(call, name, action);
      if (state === 'static') {
        if (action === 'enable') context.stderr.write(NO_INSTALL_CONFIG);
        continue;
      }
      const changes = action === 'enable' ? enableUnit(vfs, loaded) : disableUnit(vfs, loaded);
      report(call, changes);
      changed ||= changes.length > 0;
    }
    if (changed) manager.daemonReload();
    if (!options.now) return 0;
    return jobVerb(action === 'enable' ? 'start' : 'stop')(call);
  };
}

function maskVerb(action: 'mask' | 'unmask'): Verb {
  return async (call) => {
    const { context, manager, units, options } = call;
    if (!mayManage(context)) {
      context.stderr.write(`Failed to ${action} unit: ${AUTH_REQUIRED}\n`);
      return 1;
    }
    const { vfs } = context.kernel;
    for (const name of units) {
      if (action === 'unmask') {
        report(call, unmaskUnit(vfs, name));
        continue;
      }
      const result = maskUnit(vfs, name);
      if ('exists' in result) {
        context.stderr.write(`Failed to mask unit, file "${result.exists}" already exists.\n`);
        return 1;
      }
      report(call, result);
    }
    manager.daemonReload();
    if (action === 'mask' && options.now) return jobVerb('stop')(call);
    return 0;
  };
}

const isEnabled: Verb = async ({ context, units, options }) => {
  let any = false;
  for (const name of units) {
    const state = unitFileState(context.kernel.vfs, loadUnit(context.kernel.vfs, name));
    if (state === null) {
      context.stderr.write(`Failed to get unit file state for ${name}: No such file or directory\n`);
      return 1;
    }
    if (!options.quiet) context.stdout.write(`${state}\n`);
    if (state !== 'disabled' && state !== 'masked' && state !== 'bad') any = true;
  }
  return any ? 0 : 1;
};

const cat: Verb = async (call) => {
  const { context, manager, units } = call;
  const { vfs } = context.kernel;
  let first = true;
  for (const name of units) {
    const unit = manager.unit(name);
    const { loaded } = unit;
    if (loaded.loadState === 'masked') {
      context.stdout.write(`${first ? '' : '\n'}# Unit ${name} is masked.\n`);
      first = false;
      continue;
    }
    if (loaded.fragmentPath === null) {
      context.stderr.write(`No files found for ${name}.\n`);
      return 1;
    }
    if (manager.needsReload(unit)) {
      context.stdout.write(
        `# Warning: ${name} changed on disk, the version systemd has loaded is outdated.\n` +
          `# This output shows the current version of the unit's original fragment and drop-in files.\n` +
          `# If fragments or drop-ins were added or removed, they are not properly reflected in this output.\n` +
          `# Run 'systemctl daemon-reload' to reload units.\n`,
      );
    }
    for (const path of [loaded.fragmentPath, ...loaded.dropIns]) {
      if (!vfs.tryLookup(path)) continue;
      const text = vfs.readText(path);
      context.stdout.write(`${first ? '' : '\n'}# ${path}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`);
      first = false;
    }
  }
  return 0;
};

/**
 * edit: opens a drop-in made from systemd's template (or, with --full, a
 * copy of the unit file) in the editor pane; the first save finishes the
 * edit as closing the editor would (see edit-session.ts).
 */
const edit: Verb = async ({ context, manager, units, options }) => {
  const { vfs } = context.kernel;
  if (!context.stdout.isTTY) {
    context.stderr.write('Cannot edit units if not on a tty.\n');
    return 1;
  }
  if (!mayManage(context)) {
    context.stderr.write(`Failed to edit unit: ${AUTH_REQUIRED}\n`);
    return 1;
  }
  const [name] = units;
  if (name === undefined) {
    context.stderr.write('Too few arguments.\n');
    return 1;
  }
  const { loaded } = manager.unit(name);
  if (loaded.loadState === 'masked') {
    context.stderr.write(`Cannot edit ${name}: unit is masked.\n`);
    return 1;
  }
  if (loaded.fragmentPath === null && !options.force) {
    context.stderr.write(`Unit ${name} not found.\nRun 'systemctl edit --force --full ${name}' to create a new unit.\n`);
    return 1;
  }
  const path = options.full ? `${CONFIG_DIR}/${name}` : `${CONFIG_DIR}/${name}.d/override.conf`;
  const existed = vfs.tryLookup(path) !== null;
  const before = existed ? vfs.readFile(path) : null;
  if (options.full) {
    if (!existed) vfs.writeFile(path, loaded.fragmentPath ? vfs.readFile(loaded.fragmentPath) : '');
  } else {
    const current = existed ? vfs.readText(path).trimEnd() : '';
    const template = overrideTemplate(path, loaded.fragmentPath, loaded.fragmentPath ? vfs.readText(loaded.fragmentPath) : '');
    vfs.mkdir(`${CONFIG_DIR}/${name}.d`, undefined, '/', { recursive: true });
    vfs.writeFile(path, current === '' ? template : template.replace('\n\n\n\n', `\n${current}\n\n`));
  }
  const stop = finishOnSave(vfs, manager, path, !options.full);
  if (!vfs.requestOpen(path, context.user.name)) {
    stop();
    if (before === null) vfs.unlink(path);
    else vfs.writeFile(path, before);
    context.stderr.write(`No editor pane here; edit ${path} in the editor, or with sudo tee ${path}\n`);
    return 1;
  }
  return 0;
};

export const INSTALL_VERBS: Readonly<Record<string, Verb>> = {
  enable: installVerb('enable'),
  disable: installVerb('disable'),
  mask: maskVerb('mask'),
  unmask: maskVerb('unmask'),
  'is-enabled': isEnabled,
  cat,
  edit,
};
