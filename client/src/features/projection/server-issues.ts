/**
 * The server's refusal as lines to show verbatim. A schema refusal arrives as the JSON list of
 * zod issues (`[{"path":["scenario","assumptions","poolingRate"],"message":"must be less than 1"}]`);
 * each becomes `assumptions.poolingRate: must be less than 1` (the procedure's `scenario` wrapper
 * dropped, the message untouched). Any other message is one line as it came.
 */

interface Issue {
  path: (string | number)[];
  message: string;
  keys?: string[];
}

function isIssue(value: unknown): value is Issue {
  const v = value as Issue;
  return typeof v === 'object' && v !== null && typeof v.message === 'string' && Array.isArray(v.path);
}

/**
 * A zod path in the notation of the scenario schema's messages.
 * @example issuePath(['scenario', 'assumptions', 'wageGrowth', 3]) // => 'assumptions.wageGrowth[3]'
 */
export function issuePath(path: readonly (string | number)[]): string {
  const inner = path[0] === 'scenario' ? path.slice(1) : path;
  return inner.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? key : `${out}.${key}`), '');
}

/**
 * @example serverIssueLines('[{"code":"custom","path":["scenario","name"],"message":"must not be empty"}]') // => ['name: must not be empty']
 * @example serverIssueLines('scenario 4 is version 1; the newest version of "base" is 2') // => ['scenario 4 is version 1; the newest version of "base" is 2']
 */
export function serverIssueLines(message: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return [message];
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(isIssue)) return [message];
  return parsed.flatMap((issue) => {
    const path = issuePath(issue.path);
    const where = path === '' ? '' : `${path}: `;
    // an unknown key is reported once for the object, with the keys listed
    return issue.keys?.length ? issue.keys.map((k) => `${where}unknown key "${k}"`) : [`${where}${issue.message}`];
  });
}
