import type { Program } from '../types.ts';
import { basename } from './basename.ts';
import { cat } from './cat.ts';
import { clear } from './clear.ts';
import { cp } from './cp.ts';
import { cut } from './cut.ts';
import { dirname } from './dirname.ts';
import { du } from './du.ts';
import { echo } from './echo.ts';
import { env } from './env.ts';
import { find } from './find.ts';
import { grep } from './grep.ts';
import { head } from './head.ts';
import { less } from './less.ts';
import { ln } from './ln.ts';
import { ls } from './ls.ts';
import { mkdir } from './mkdir.ts';
import { more } from './more.ts';
import { mv } from './mv.ts';
import { nano } from './nano.ts';
import { printenv } from './printenv.ts';
import { printf } from './printf.ts';
import { pwd } from './pwd.ts';
import { readlink } from './readlink.ts';
import { realpath } from './realpath.ts';
import { rm } from './rm.ts';
import { rmdir } from './rmdir.ts';
import { sed } from './sed.ts';
import { seq } from './seq.ts';
import { sort } from './sort.ts';
import { stat } from './stat.ts';
import { tail } from './tail.ts';
import { tee } from './tee.ts';
import { touch } from './touch.ts';
import { tr } from './tr.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { which } from './which.ts';
import { xargs } from './xargs.ts';
import { falseProgram } from './false.ts';
import { trueProgram } from './true.ts';
import { vi, vim } from './vim.ts';

/** Files, text and the shell's everyday tools. */
export const COREUTILS: Readonly<Record<string, Program>> = {
  basename,
  cat,
  clear,
  cp,
  cut,
  dirname,
  du,
  echo,
  env,
  false: falseProgram,
  find,
  grep,
  head,
  less,
  ln,
  ls,
  mkdir,
  more,
  mv,
  nano,
  printenv,
  printf,
  pwd,
  readlink,
  realpath,
  rm,
  rmdir,
  sed,
  seq,
  sort,
  stat,
  tail,
  tee,
  touch,
  tr,
  true: trueProgram,
  uniq,
  vi,
  vim,
  wc,
  which,
  xargs,
};
