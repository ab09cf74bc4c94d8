import type { Component } from './component.js';

const classifiers: Record<string, string> = {
  MIT: 'License :: OSI Approved :: MIT License',
  'Apache-2.0': 'License :: OSI Approved :: Apache Software License',
  'BSD-3-Clause': 'License :: OSI Approved :: BSD License',
  Proprietary: 'License :: Other/Proprietary License',
};

/** The LICENSE file and the license metadata; proprietary code grants nothing. */
export const licenseComponent: Component = {
  id: 'license',
  contribute: ({ license }) => ({
    overlays: [`license/${license.toLowerCase()}`],
    data: {
      licenseExpression: license === 'Proprietary' ? 'LicenseRef-Proprietary' : license,
      licenseClassifier: classifiers[license],
      isProprietary: license === 'Proprietary',
    },
  }),
};
