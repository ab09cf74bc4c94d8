import type { Answers } from '../options/schema.js';
import type { Component } from './component.js';

/** A component that adds one overlay folder when its answer asks for it. */
export function overlayWhen(id: string, overlay: string, applies: (answers: Answers) => boolean): Component {
  return { id, contribute: (answers) => (applies(answers) ? { overlays: [overlay] } : undefined) };
}
