/**
 * Curvature from Hessian-vector products, as exact as tfjs allows (model-hvp.ts): closed forms
 * for surfaces, the R pass for networks, central differences only as a fallback.
 */
export type { CriticalPointKind, EigenResult, ExtremeEigenvalues, PowerOptions } from './eigen';
export {
  classifyCriticalPoint,
  extremeEigenvalues,
  extremeEigenvaluesOf,
  topEigenvalue,
  topEigenvalueOf,
} from './eigen';
export { fullHessian, MAX_DENSE_HESSIAN } from './full-hessian';
export type { Hvp, LossFn } from './hvp';
export { DEFAULT_EPS, hessianVectorProduct, makeHvp } from './hvp';
export type { HvpMethod } from './model-hvp';
export { hvpMethod, modelHvp, reverseOverForward } from './model-hvp';
