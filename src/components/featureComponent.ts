import { featureFilesFolder, featurePartialsFolder } from '../features/featureModule.js';
import type { Answers } from '../options/schema.js';
import type { Component, PartialFolder } from './component.js';

/**
 * The chosen module of a feature option (src/features/<option>/<id>/): its own files and its hub
 * fragments, which hubs render as `{{> <option>/<name>}}`. The one place a choice's module is
 * planned, whatever the option.
 */
export function featureComponent(option: string, chosen: (answers: Answers) => string): Component {
  return {
    id: option,
    contribute: (answers) => {
      const id = chosen(answers);
      return {
        overlays: [],
        featureOverlays: [featureFilesFolder(option, id)],
        partials: [{ prefix: option, folder: featurePartialsFolder(option, id) }],
      };
    },
  };
}

/**
 * The modules of a multi-choice option: the chosen ones' files, and every module's hub fragments
 * (`ids` in the registry's order), those of the unchosen ones registered to render nothing: a
 * hub's `{{> <option>/<name>}}` renders the fragment of every chosen module that has one.
 */
export function choicesComponent(option: string, ids: readonly string[], chosen: (answers: Answers) => readonly string[]): Component {
  return {
    id: option,
    contribute: (answers) => ({
      overlays: [],
      featureOverlays: chosen(answers).map((id) => featureFilesFolder(option, id)),
      partials: choicePartials(option, ids, chosen(answers)),
    }),
  };
}

/** Every module's fragments of a multi-choice option, in the registry's order; `chosen` says which render. */
export function choicePartials(option: string, ids: readonly string[], chosen: readonly string[]): PartialFolder[] {
  return ids.map((id) => ({ prefix: option, folder: featurePartialsFolder(option, id), chosen: chosen.includes(id) }));
}
