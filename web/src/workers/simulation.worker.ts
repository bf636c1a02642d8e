/// <reference lib="webworker" />
import { runSimulation } from './run-simulation.ts';
import type { SimulationRequest } from './simulation-protocol.ts';

// The live preview's engine: the same models/ code the server runs, off the main thread
// so typing never waits for 10,000 trials.
self.onmessage = async (event: MessageEvent<SimulationRequest>) => {
  (self as unknown as Worker).postMessage(await runSimulation(event.data));
};
