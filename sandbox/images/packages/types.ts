import type { Kernel } from '../../kernel/kernel.ts';
import type { OutputStream } from '../../kernel/streams.ts';

/** One thing a package lays down. Owners are numeric: Debian's base-passwd fixes them (adm is 4, www-data 33). */
export interface PackageFile {
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  /** A file's contents; a symlink's target. */
  content?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  /** A configuration file: `remove` keeps it, only `purge` deletes it, as dpkg treats conffiles. */
  conffile?: boolean;
}

/** A package as the archive describes it, and what installing it does to the machine. */
export interface Package {
  name: string;
  version: string;
  architecture: 'amd64' | 'all';
  section: string;
  priority: 'required' | 'important' | 'standard' | 'optional';
  /** The suite `apt list` and `Get:` lines name, e.g. `noble-updates`. */
  suite: string;
  installedSizeKb: number;
  downloadSizeKb: number;
  maintainer: string;
  originalMaintainer?: string;
  homepage?: string;
  /** Names of the packages it needs that the course's archive knows (the libraries it also needs come with the image). */
  depends: readonly string[];
  /** The Depends field as the archive prints it. */
  dependsText?: string;
  suggests?: readonly string[];
  /** The summary line, then the long description's lines. */
  description: readonly string[];
  files: readonly PackageFile[];
  /**
   * Runs after the files are laid down, as the package's postinst does
   * (enabling and starting its systemd unit); what it prints goes to apt's output.
   */
  postinstall?: (kernel: Kernel, output: OutputStream) => void | Promise<void>;
  /** Runs before the files are removed, as the package's prerm does (stopping its service). */
  preremove?: (kernel: Kernel, output: OutputStream) => void | Promise<void>;
  /** What the package's postrm deletes whole (`rm -rf`) on purge, made-at-runtime files included. */
  purgeRemoves?: readonly string[];
}
