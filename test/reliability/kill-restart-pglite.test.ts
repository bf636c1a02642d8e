import { describeKillRestart } from './kill-restart.ts';
import { RELIABILITY_STORES } from './stores.ts';

describeKillRestart(RELIABILITY_STORES[0]);
