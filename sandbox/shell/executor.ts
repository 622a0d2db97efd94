import { SIGNALS } from '../kernel/processes.ts';
import { Pipe } from '../kernel/streams.ts';
import { evaluateArithmetic } from './arithmetic.ts';
import type { AndOr, Command, CompoundCommand, List, Pipeline } from './ast.ts';
import { InterruptSignal, LoopSignal } from './control-flow.ts';
import { expandPattern, expandToString, expandWord, matchesPattern } from './expand.ts';
import { startJob } from './jobs.ts';
import { RedirectFailure, openRedirects } from './redirects.ts';
import { ShellExit } from './shell-exit.ts';
import type { Shell, ShellIo } from './shell.ts';
import { SimpleCommandRunner } from './simple-command.ts';

/** Runs parsed commands: lists, and-or chains, pipelines and the compound commands (if, for, while, case, ...). */
export class Executor {
  readonly simple: SimpleCommandRunner;
  /** Inside an if or while test, or before && / ||: a failure there does not trip `set -e`. */
  private conditionDepth = 0;
  private iterations = 0;

  get launcher() {
    return this.simple.launcher;
  }

  constructor(private readonly shell: Shell) {
    this.simple = new SimpleCommandRunner(shell);
  }

  async runList(list: List, io: ShellIo): Promise<number> {
    for (const item of list) {
      if (item.background) startJob(this.shell, item.andOr, io);
      else await this.runAndOr(item.andOr, io);
    }
    return this.shell.lastStatus;
  }

  /** `stages`: the shells, each with its own process, that a background pipeline's commands run in. */
  async runAndOr(andOr: AndOr, io: ShellIo, stages?: readonly Shell[]): Promise<number> {
    const pipelines = [andOr.first, ...andOr.rest.map((link) => link.pipeline)];
    let status = 0;
    for (const [index, pipeline] of pipelines.entries()) {
      const op = andOr.rest[index - 1]?.op;
      if (op === '&&' ? status !== 0 : op === '||' ? status === 0 : false) continue;
      // Only the last pipeline of a chain can trip `set -e`; the ones before it are tests.
      const isLast = index === pipelines.length - 1;
      if (!isLast) this.conditionDepth++;
      try {
        status = await this.runPipeline(pipeline, io, stages);
      } finally {
        if (!isLast) this.conditionDepth--;
      }
      if (isLast && status !== 0 && !pipeline.negated && this.conditionDepth === 0 && this.shell.options.has('errexit')) {
        throw new ShellExit(status);
      }
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, io: ShellIo, stageShells?: readonly Shell[]): Promise<number> {
    const { shell } = this;
    let status: number;
    if (pipeline.commands.length === 1) {
      status = await this.runCommand(pipeline.commands[0]!, io);
    } else {
      // Every stage runs at once, in its own subshell, joined by pipes.
      const stages: Promise<number>[] = [];
      let stdin = io.stdin;
      for (const [index, command] of pipeline.commands.entries()) {
        const isLast = index === pipeline.commands.length - 1;
        const pipe = isLast ? null : new Pipe();
        const stageIo: ShellIo = { ...io, stdin, stdout: pipe?.writer ?? io.stdout };
        const reader = stdin;
        const stage = stageShells?.[index] ?? shell.fork();
        // Once the next stage has stopped reading, this one ends at its next command, as SIGPIPE ends a subshell.
        pipe?.writer.whenBroken?.(() => stage.stopWith('SIGPIPE'));
        stages.push(
          stage.executor.runInSubshell(() => stage.executor.runCommand(command, stageIo)).finally(() => {
            pipe?.writer.close();
            if (reader !== io.stdin && 'close' in reader) (reader as Pipe['reader']).close();
          }),
        );
        if (pipe) stdin = pipe.reader;
      }
      const statuses = await Promise.all(stages);
      status = shell.options.has('pipefail') ? (statuses.findLast((stageStatus) => stageStatus !== 0) ?? 0) : statuses.at(-1)!;
    }
    if (pipeline.negated) status = status === 0 ? 1 : 0;
    shell.lastStatus = status;
    return status;
  }

  /** Runs in a copy of the shell: `exit` ends only the copy, and its status is the result. */
  async runInSubshell(run: () => Promise<number>): Promise<number> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ShellExit) return (this.shell.lastStatus = error.status);
      if (error instanceof LoopSignal) return this.shell.lastStatus;
      throw error;
    }
  }

  async runCommand(command: Command, io: ShellIo): Promise<number> {
    const { shell } = this;
    if (shell.stoppedBy) throw new ShellExit(128 + SIGNALS[shell.stoppedBy]);
    if (shell.interruption.pending) throw new InterruptSignal();
    shell.currentLine = command.line;
    if (command.type === 'simple') return (shell.lastStatus = await this.simple.run(command, io));
    if (command.type === 'function') {
      shell.functions.set(command.name, command.body);
      return (shell.lastStatus = 0);
    }
    let compoundIo: ShellIo;
    try {
      compoundIo = await openRedirects(shell, command.redirects, io);
    } catch (error) {
      if (!(error instanceof RedirectFailure)) throw error;
      return (shell.lastStatus = 1);
    }
    return (shell.lastStatus = await this.runCompound(command, compoundIo));
  }

  private async runCompound(command: CompoundCommand, io: ShellIo): Promise<number> {
    const { shell } = this;
    switch (command.type) {
      case 'group':
        return this.runList(command.body, io);
      case 'subshell': {
        const child = shell.fork();
        return child.executor.runInSubshell(() => child.executor.runList(command.body, io));
      }
      case 'arith': {
        const value = evaluateArithmetic(await this.expandArithmetic(command.expression, io), shell.expansionContext(io));
        return value !== 0 ? 0 : 1;
      }
      case 'if': {
        for (const clause of command.clauses) {
          if ((await this.runCondition(clause.condition, io)) === 0) return this.runList(clause.body, io);
        }
        return command.otherwise ? this.runList(command.otherwise, io) : 0;
      }
      case 'case': {
        const context = shell.expansionContext(io);
        const subject = (await expandWord(command.subject, context)).join(' ');
        for (const arm of command.arms) {
          for (const pattern of arm.patterns) {
            if (matchesPattern(subject, await expandPattern(pattern, context))) return this.runList(arm.body, io);
          }
        }
        return 0;
      }
      case 'for': {
        const context = shell.expansionContext(io);
        const items: string[] = [];
        if (command.items === null) items.push(...shell.positional);
        else for (const word of command.items) items.push(...(await expandWord(word, context)));
        let status = 0;
        for (const item of items) {
          shell.setVariable(command.name, item);
          const outcome = await this.loopBody(command.body, io);
          status = outcome.status;
          if (outcome.stop) break;
        }
        return status;
      }
      case 'arithFor': {
        const context = shell.expansionContext(io);
        const evaluate = async (text: string) => evaluateArithmetic(await this.expandArithmetic(text, io), context);
        let status = 0;
        await evaluate(command.init);
        while (command.test.trim() === '' || (await evaluate(command.test)) !== 0) {
          const outcome = await this.loopBody(command.body, io);
          status = outcome.status;
          if (outcome.stop) break;
          await evaluate(command.step);
          await this.breathe();
        }
        return status;
      }
      case 'while': {
        let status = 0;
        for (;;) {
          const condition = await this.runCondition(command.condition, io);
          if (command.until ? condition === 0 : condition !== 0) break;
          const outcome = await this.loopBody(command.body, io);
          status = outcome.status;
          if (outcome.stop) break;
          await this.breathe();
        }
        return status;
      }
    }
  }

  /** Every so often a loop lets timers and typed keys (Ctrl-C) through, so `while true` cannot freeze the machine. */
  private async breathe(): Promise<void> {
    if (++this.iterations % 64 === 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }

  /** The test of an if or a loop: `set -e` does not apply inside it. */
  private async runCondition(list: List, io: ShellIo): Promise<number> {
    this.conditionDepth++;
    try {
      return await this.runList(list, io);
    } finally {
      this.conditionDepth--;
    }
  }

  private async expandArithmetic(text: string, io: ShellIo): Promise<string> {
    return expandToString([{ text, quoting: 'double' }], this.shell.expansionContext(io));
  }

  /** One pass of a loop's body; `break` and `continue` aimed further out travel on. */
  private async loopBody(body: List, io: ShellIo): Promise<{ status: number; stop: boolean }> {
    const { shell } = this;
    shell.loopDepth++;
    try {
      return { status: await this.runList(body, io), stop: false };
    } catch (error) {
      if (!(error instanceof LoopSignal)) throw error;
      if (error.levels > 1) {
        error.levels--;
        throw error;
      }
      return { status: 0, stop: error.kind === 'break' };
    } finally {
      shell.loopDepth--;
    }
  }
}
