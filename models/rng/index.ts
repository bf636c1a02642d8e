export { fillUniforms, nextUint32, nextUniform, uniformSource, type RngState } from './sfc32.ts';
export { streamState, hashName } from './stream-state.ts';
