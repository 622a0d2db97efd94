import { ExpansionError } from './expansion-error.ts';

/** What arithmetic needs from the shell: reading and setting variables by name. */
export interface ArithmeticScope {
  variable(name: string): string | undefined;
  assign(name: string, value: string): void;
}

const TOKEN = /0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|\*\*=?|<<=?|>>=?|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|[-+*/%()<>!~?:=,&|^]/g;

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

/** Integer arithmetic as in $(( )) and (( )): C operators, assignment, ++/--, variables by name. */
export function evaluateArithmetic(expression: string, scope: ArithmeticScope): number {
  // bash quotes the expression without its leading blanks in its error messages.
  const source = expression.trimStart();
  const tokens = [...source.matchAll(TOKEN)];
  const leftover = source.replace(TOKEN, '').trim();
  let position = 0;
  const peek = () => tokens[position]?.[0];
  // At the end of the expression bash points at the last token it read.
  const rest = () => source.slice(tokens[position]?.index ?? tokens[tokens.length - 1]?.index ?? source.length);
  const fail = (message: string): never => {
    throw new ExpansionError(`${source}: ${message} (error token is "${rest()}")`);
  };
  if (leftover !== '') {
    const bad = source.search(/[^\s0-9A-Za-z_+\-*/%()<>!~?:=,&|^]/);
    throw new ExpansionError(`${source}: syntax error: invalid arithmetic operator (error token is "${source.slice(bad)}")`);
  }
  const valueOf = (name: string, depth = 0): number => {
    const raw = (scope.variable(name) ?? '').trim();
    if (raw === '') return 0;
    if (/^-?\d+$/.test(raw)) return Number(raw);
    if (depth < 10 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(raw)) return valueOf(raw, depth + 1);
    return evaluateArithmetic(raw, scope);
  };
  const set = (name: string, value: number) => {
    scope.assign(name, String(value));
    return value;
  };

  const primary = (): number => {
    const token = peek();
    if (token === undefined) fail('syntax error: operand expected');
    position++;
    if (token === '(') {
      const value = comma();
      if (peek() !== ')') fail("missing `)'");
      position++;
      return value;
    }
    if (token === '-') return -unary();
    if (token === '+') return unary();
    if (token === '!') return unary() === 0 ? 1 : 0;
    if (token === '~') return ~unary();
    if (token === '++' || token === '--') {
      const name = peek();
      if (!name || !/^[A-Za-z_]/.test(name)) fail('syntax error: operand expected');
      position++;
      return set(name!, valueOf(name!) + (token === '++' ? 1 : -1));
    }
    if (/^0[xX]/.test(token!)) return Number.parseInt(token!, 16);
    if (/^\d/.test(token!)) return token!.length > 1 && token!.startsWith('0') ? Number.parseInt(token!, 8) : Number(token);
    if (/^[A-Za-z_]/.test(token!)) {
      const next = peek();
      if (next === '++' || next === '--') {
        position++;
        const old = valueOf(token!);
        set(token!, old + (next === '++' ? 1 : -1));
        return old;
      }
      if (next !== undefined && /^([-+*/%&|^]|\*\*|<<|>>)?=$/.test(next) && next !== '==') {
        position++;
        const right = assignment();
        const operator = next.slice(0, -1);
        return set(token!, operator === '' ? right : binary(operator, valueOf(token!), right));
      }
      return valueOf(token!);
    }
    position--;
    return fail('syntax error: operand expected');
  };
  const unary = primary;
  const power = (): number => {
    const base = unary();
    if (peek() !== '**') return base;
    position++;
    return base ** power();
  };
  const binary = (operator: string, left: number, right: number): number => {
    switch (operator) {
      case '+': return left + right;
      case '-': return left - right;
      case '*': return left * right;
      case '/':
      case '%':
        return operator === '/' ? Math.trunc(left / right) : left % right;
      case '**': return left ** right;
      case '<<': return left << right;
      case '>>': return left >> right;
      case '&': return left & right;
      case '|': return left | right;
      case '^': return left ^ right;
      case '<': return Number(left < right);
      case '>': return Number(left > right);
      case '<=': return Number(left <= right);
      case '>=': return Number(left >= right);
      case '==': return Number(left === right);
      case '!=': return Number(left !== right);
      case '&&': return Number(left !== 0 && right !== 0);
      case '||': return Number(left !== 0 || right !== 0);
      default: return fail('syntax error: invalid arithmetic operator');
    }
  };
  const climb = (minimum: number): number => {
    let left = power();
    for (;;) {
      const operator = peek();
      const precedence = operator === undefined ? undefined : BINARY_PRECEDENCE[operator];
      if (precedence === undefined || precedence < minimum) return left;
      position++;
      const divisorAt = tokens[position]?.index ?? source.length;
      const right = climb(precedence + 1);
      if ((operator === '/' || operator === '%') && right === 0) {
        throw new ExpansionError(`${source}: division by 0 (error token is "${source.slice(divisorAt)}")`);
      }
      left = binary(operator!, left, right);
    }
  };
  const conditional = (): number => {
    const test = climb(1);
    if (peek() !== '?') return test;
    position++;
    const yes = assignment();
    if (peek() !== ':') fail("expected `:'");
    position++;
    const no = assignment();
    return test !== 0 ? yes : no;
  };
  const assignment = conditional;
  const comma = (): number => {
    let value = assignment();
    while (peek() === ',') {
      position++;
      value = assignment();
    }
    return value;
  };

  if (tokens.length === 0) return 0;
  const value = comma();
  if (position < tokens.length) fail('syntax error in expression');
  return value;
}
