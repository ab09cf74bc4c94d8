/**
 * The text Handlebars compiles: GitHub Actions expressions (`${{ expr }}`, with a space) pass
 * through as Handlebars' escaped `$\{{`; `${{name}}` without a space stays a `$` before a value.
 */
export function prepareSource(source: string): string {
  return source.replace(/\$\{\{(?=\s)/g, '$\\{{');
}

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;
