import type { AndOr, Command, Pipeline } from './ast.ts';
import type { WordPart } from './lexer.ts';

/** A command written back out, as `jobs` and job notices show it. */
export function commandText(andOr: AndOr): string {
  return [pipelineText(andOr.first), ...andOr.rest.map(({ op, pipeline }) => `${op} ${pipelineText(pipeline)}`)].join(' ');
}

/** Each command of a pipeline, as `jobs -l` lists them beside their pids. */
export function stageTexts(pipeline: Pipeline): string[] {
  return pipeline.commands.map(commandOf);
}

function pipelineText(pipeline: Pipeline): string {
  return (pipeline.negated ? '! ' : '') + pipeline.commands.map(commandOf).join(' | ');
}

function commandOf(command: Command): string {
  if (command.type !== 'simple') return command.type === 'subshell' ? '( ... )' : command.type;
  const assignments = command.assignments.map((assignment) => `${assignment.name}=${wordText(assignment.value)}`);
  return [...assignments, ...command.words.map(wordText)].join(' ');
}

function wordText(parts: WordPart[]): string {
  return parts.map((part) => (part.quoting === 'single' ? `'${part.text}'` : part.quoting === 'double' ? `"${part.text}"` : part.text)).join('');
}
