// A thread of the one worker pool (worker-pool.ts). It does both kinds of work the pool
// hands out: whole jobs for the server (api/jobs/job-worker.ts) and shares of a split run
// for the CLI (chunk-tasks.ts). Work arrives one message at a time and runs to its end
// before the next message is read (a job's awaits only settle already-computed values).
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, warmUpJobs } from '../jobs/job-worker.ts';
import { runChunkTask } from './chunk-tasks.ts';
import type { PoolMessage, PoolWork, PoolWorkerData } from './pool-messages.ts';

const post = (message: PoolMessage, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(message, transfer);

parentPort!.on('message', (work: PoolWork) => {
  if ('jobId' in work) void runJob(work, post);
  else runChunkTask(work, post);
});

if ((workerData as PoolWorkerData | undefined)?.warmUp !== false) warmUpJobs();
