export { stratifyInOrder, shuffleInto } from './latin-hypercube.ts';
export { factorCorrelation, symmetricEigen, CorrelationError, type CorrelationFactor } from './correlation-matrix.ts';
export { imanConover } from './iman-conover.ts';
