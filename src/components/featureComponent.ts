import { featureFilesFolder, featurePartialsFolder, type FeatureModule } from '../features/featureModule.js';
import type { Answers } from '../options/schema.js';
import type { Component, PartialFolder } from './component.js';

/**
 * The chosen module of a feature option (src/features/<option>/<id>/): its own files, its hub
 * fragments, which hubs render as `{{> <option>/<name>}}`, its template data and the templates/
 * folders it shares with other modules. The one place a choice's module is planned, whatever
 * the option. `filesWhen`: the module's files only with these answers (a scheduler's only with
 * jobs); its fragments and data always, since hubs render them.
 */
export function featureComponent(
  option: string,
  chosen: (answers: Answers) => FeatureModule,
  filesWhen: (answers: Answers) => boolean = () => true,
): Component {
  return {
    id: option,
    contribute: (answers) => {
      const { id, sharedOverlays = [], templateData } = chosen(answers);
      const files = filesWhen(answers);
      return {
        overlays: files ? sharedOverlays : [],
        featureOverlays: files ? [featureFilesFolder(option, id)] : [],
        partials: [{ prefix: option, folder: featurePartialsFolder(option, id) }],
        ...(templateData ? { data: templateData } : {}),
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
