import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The images the generated Dockerfiles start FROM (ARG defaults resolved). */
export function fromNames(root: string): string[] {
  const files = ['cicd/build/docker/Dockerfile', 'cicd/release/docker/Dockerfile', 'deploy/serverless/Dockerfile']
    .map((f) => path.join(root, f)).filter((f) => existsSync(f));
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const args = Object.fromEntries([...text.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    for (const m of text.matchAll(/^FROM (\S+)/gm)) {
      const ref = m[1]!.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => args[(a ?? b)!] ?? '');
      if (ref && ref !== 'scratch' && !/^\w+$/.test(ref)) names.add(ref);
    }
  }
  return [...names];
}
