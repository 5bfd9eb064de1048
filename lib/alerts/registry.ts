// The protocols the alert scanner watches. Adding one: a folder with its detector + one line here.
import type { Deployments } from '../chains/deployments.js';
import type { AlertDetector } from './detector.js';
import { eigenLayerDetector } from './eigenlayer/detector.js';

export const DETECTORS: readonly AlertDetector[] = [eigenLayerDetector];

export const detectorsFor = (deployments: Deployments, all: readonly AlertDetector[] = DETECTORS) => all.filter((d) => d.supports(deployments));
