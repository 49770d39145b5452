// A small evaluator for the CEL subset Inngest expressions use in practice:
// `event.data.x == 'y'`, `async.data.id == event.data.id`, `&&`, `||`, `!`,
// comparisons and parentheses. Anything unparseable evaluates to false so a
// bad expression never matches (and never cancels or triggers by accident).
type Scope = Record<string, unknown>;

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(&&|\|\||==|!=|>=|<=|[()!<>])|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*))/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot parse expression: ${src}`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  return tokens;
}

/** Reads a dotted path such as `event.data.reportId` from a scope. */
export function readPath(scope: unknown, path: string): unknown {
  let cur: unknown = scope;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function evaluate(expression: string, scope: Scope): unknown {
  const tokens = tokenize(expression);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];

  const primary = (): unknown => {
    const t = next();
    if (t === undefined) throw new Error("unexpected end of expression");
    if (t === "(") {
      const v = or();
      if (next() !== ")") throw new Error("missing )");
      return v;
    }
    if (t === "!") return !primary();
    if (/^\d/.test(t)) return Number(t);
    if (t[0] === "'" || t[0] === '"') return t.slice(1, -1).replace(/\\(.)/g, "$1");
    if (t === "true" || t === "false") return t === "true";
    if (t === "null") return null;
    if (/^[A-Za-z_]/.test(t)) return readPath(scope, t) ?? null;
    throw new Error(`unexpected token ${t}`);
  };
  const comparison = (): unknown => {
    const left = primary();
    const op = peek();
    if (!["==", "!=", ">", "<", ">=", "<="].includes(op ?? "")) return left;
    next();
    const right = primary();
    switch (op) {
      case "==": return JSON.stringify(left) === JSON.stringify(right);
      case "!=": return JSON.stringify(left) !== JSON.stringify(right);
      case ">": return (left as number) > (right as number);
      case "<": return (left as number) < (right as number);
      case ">=": return (left as number) >= (right as number);
      default: return (left as number) <= (right as number);
    }
  };
  const and = (): unknown => {
    let v = comparison();
    while (peek() === "&&") { next(); const r = comparison(); v = Boolean(v) && Boolean(r); }
    return v;
  };
  const or = (): unknown => {
    let v = and();
    while (peek() === "||") { next(); const r = and(); v = Boolean(v) || Boolean(r); }
    return v;
  };
  const result = or();
  if (pos !== tokens.length) throw new Error(`trailing tokens in expression: ${expression}`);
  return result;
}

/** True when there is no expression, or it evaluates truthy; false on any parse error. */
export function matches(expression: string | undefined | null, scope: Scope): boolean {
  if (!expression) return true;
  try {
    return Boolean(evaluate(expression, scope));
  } catch {
    return false;
  }
}
