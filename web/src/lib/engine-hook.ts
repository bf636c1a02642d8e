import { createSimulationClient, type SimulationClient } from '../workers/simulation-client.ts';
import type { SimulationResponse, SimulationSettings } from '../workers/simulation-protocol.ts';

declare global {
  interface Window {
    /** The browser engine, for checking figures against the server from the console or a test. */
    valuegate?: { simulate(document: unknown, settings: SimulationSettings): Promise<SimulationResponse> };
  }
}

/**
 * Exposes `window.valuegate.simulate`: runs a case in the same Web Worker engine the live
 * preview uses. Lets a reviewer (or the bit-identity test) reproduce a stored run in the
 * browser with its seed and compare figures.
 */
export function installEngineHook(): void {
  let client: SimulationClient | null = null;
  window.valuegate = {
    simulate(document, settings) {
      client ??= createSimulationClient();
      return client.run(document, settings);
    },
  };
}
