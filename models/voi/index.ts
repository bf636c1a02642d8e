export { evpi, type Evpi } from './evpi.ts';
export { evppi, type Evppi, type EvppiInput, type EvppiOptions } from './evppi.ts';
