import { printable } from './names.js';
/** Validation of free-text answers: anything printable goes; escaping is the renderer's job. */

// Control characters other than tab and newline, DEL and C1 controls: they cannot be written
// into every target format, and they do not belong in project metadata.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// A surrogate half without its partner cannot be encoded as UTF-8.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function validateText(
  label: string,
  value: string,
  rules: { maxLength: number; multiline?: boolean },
): string | undefined {
  if (value.trim() === '') return `the ${label} is empty`;
  if (value.length > rules.maxLength) return `the ${label} is longer than ${rules.maxLength} characters`;
  if (!rules.multiline && /[\r\n\t]/.test(value)) return `the ${label} must be a single line`;
  // Bidirectional overrides make text read differently from what it is (Trojan Source).
  if (BIDI.test(value)) return `the ${label} contains a bidirectional control character (U+202A-U+202E, U+2066-U+2069): remove it`;
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) {
    return `the ${label} contains a control character: remove it`;
  }
  return undefined;
}

const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+\.[^\s@<>"(),;:\\[\]]+$/;

export function validateEmail(value: string): string | undefined {
  return EMAIL.test(value) ? undefined : `"${printable(value)}" is not an email address`;
}
