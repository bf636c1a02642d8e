import { describeOpenApiFuzz } from './openapi-fuzz.ts';
import { RELIABILITY_STORES } from './stores.ts';

describeOpenApiFuzz(RELIABILITY_STORES[1]);
