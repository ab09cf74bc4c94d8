/**
 * Escaping of user values for each target language. Each helper returns a complete literal
 * (quotes included), so a template writes `description = {{toml description}}`.
 * Inputs are validated first (no control characters but tab and newline, no lone surrogates).
 */

/** A character that is not plain printable text in a quoted string. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"\\]/g;

function escapeWith(value: string, named: Record<string, string>, unicode: (code: number) => string) {
  return value.replace(NEEDS_ESCAPE, (ch) => named[ch] ?? unicode(ch.charCodeAt(0)));
}

const hex4 = (code: number) => code.toString(16).padStart(4, '0');
const COMMON: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** A TOML basic string. */
export function tomlString(value: string): string {
  return `"${escapeWith(value, COMMON, (c) => `\\u${hex4(c)}`)}"`;
}

/** A YAML double-quoted scalar (valid in YAML 1.1 and 1.2). */
export function yamlString(value: string): string {
  return `"${escapeWith(value, COMMON, (c) => `\\u${hex4(c)}`)}"`;
}

/** A JSON string. */
export function jsonString(value: string): string {
  return JSON.stringify(value);
}

/** A Python string literal (never an f-string, so no user text becomes code). */
export function pythonString(value: string): string {
  return `"${escapeWith(value, COMMON, (c) => `\\u${hex4(c)}`)}"`;
}

/** A POSIX shell word: single-quoted, with embedded quotes closed and reopened. */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Text in Markdown or a comment where one line is expected: whitespace runs become one space. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Text placed in a Python/shell/YAML/TOML comment: one line, and no comment terminators matter. */
export function commentText(value: string): string {
  return oneLine(value);
}

/**
 * One line of Markdown text that renders as the literal text (GitHub's CommonMark and
 * Python-Markdown alike): HTML's `<`, `>` and `&` as entities, inline markup escaped with a
 * backslash, and a leading heading, list or quote marker escaped too.
 */
export function markdownText(value: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
  const text = oneLine(value)
    .replace(/[\\`*_[\]]/g, (ch) => `\\${ch}`)
    .replace(/[&<>]/g, (ch) => entities[ch]!);
  return text.replace(/^(#|\+|-|\d+(?=[.)]))/, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}
