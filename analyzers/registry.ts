// The explicit classifier registry. Order is the tie-break: at equal confidence the earlier
// (more specific) attribution wins: 1010, then 1015, then other, then none.
import type { Classifier } from './candidate.js';
import { mandatoryExtensionClassifier } from './classifiers/mandatory-extension/classifier.js';
import { noneClassifier } from './classifiers/none/classifier.js';
import { otherFailureClassifier } from './classifiers/other-failure/classifier.js';
import { tlsHandshakeClassifier } from './classifiers/tls-handshake/classifier.js';

export const classifierRegistry: readonly Classifier[] = [
  mandatoryExtensionClassifier,
  tlsHandshakeClassifier,
  otherFailureClassifier,
  noneClassifier,
];
