import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder with our package.json), found from this module's location. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'create-ml-prod') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('create-ml-prod: cannot find the package root');
    dir = parent;
  }
}

export function templatesRoot(): string {
  return path.join(packageRoot(), 'templates');
}

/** The feature modules' folders (their template fragments), shipped in the package as they are in the sources. */
export function featuresRoot(): string {
  return path.join(packageRoot(), 'src', 'features');
}

export function generatorVersion(): string {
  const manifest = path.join(packageRoot(), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
