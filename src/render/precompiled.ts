/**
 * Templates compiled at build time, keyed by their path under templates/, with a hash of the
 * source they were compiled from. In the source tree this is empty (everything compiles at run
 * time); scripts/build.mjs swaps in the compiled set when it bundles.
 */
export interface PrecompiledTemplate {
  readonly hash: string;
  readonly spec: unknown;
}

export const precompiled: ReadonlyMap<string, PrecompiledTemplate> = new Map();
