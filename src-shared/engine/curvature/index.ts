/** Curvature from Hessian-vector products (central differences of gradients). */
export type { CriticalPointKind, EigenResult, ExtremeEigenvalues, PowerOptions } from './eigen';
export { classifyCriticalPoint, extremeEigenvalues, topEigenvalue } from './eigen';
export { fullHessian, MAX_DENSE_HESSIAN } from './full-hessian';
export type { Hvp, LossFn } from './hvp';
export { DEFAULT_EPS, hessianVectorProduct, makeHvp } from './hvp';
