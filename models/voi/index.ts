export { evpi, type Evpi } from './evpi.ts';
export { evppi, type Evppi, type EvppiInput, type EvppiOptions } from './evppi.ts';
export { evsi, type Evsi, type EvsiEstimate, type SampleModel } from './evsi.ts';
