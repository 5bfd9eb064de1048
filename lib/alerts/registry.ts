// The protocols the alert scanner watches. Adding one: a folder with its detector + one line here.
import type { Deployments } from '../chains/deployments.js';
import type { AlertDetector } from './detector.js';
import { eigenLayerDetector } from './eigenlayer/detector.js';
import { karakDetector } from './karak/detector.js';
import { symbioticDetector } from './symbiotic/detector.js';

export const DETECTORS: readonly AlertDetector[] = [
  eigenLayerDetector,
  symbioticDetector,
  karakDetector,
];

export const detectorsFor = (deployments: Deployments, all: readonly AlertDetector[] = DETECTORS) => all.filter((d) => d.supports(deployments));
