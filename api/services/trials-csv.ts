import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** About how much CSV text one pull builds: small enough to keep the event loop free, big enough to be cheap. */
export const CSV_CHUNK_CHARS = 64 * 1024;

function csvNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return String(value);
}

/**
 * Per-trial outputs as a CSV byte stream that is built only as fast as the client reads
 * it: each pull (the server asks for more once the socket has drained) renders about
 * 64 KB of rows, after yielding to the event loop, so health checks and other requests
 * are served between chunks and memory holds one chunk, not the file.
 * `onEnd` runs once, when the stream finishes, fails or the client goes away.
 *
 * @example
 * return new Response(trialsCsvStream({ npv: new Float64Array([1, 2]) }, 2, release));
 */
export function trialsCsvStream(outputs: Record<string, Float64Array>, trials: number, onEnd: () => void = () => undefined): ReadableStream<Uint8Array> {
  const columns = Object.keys(outputs);
  const arrays = columns.map((column) => outputs[column]);
  const encoder = new TextEncoder();
  let next = 0;
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`trial,${columns.join(',')}\n`));
      },
      async pull(controller) {
        try {
          await yieldToEventLoop();
          let text = '';
          while (next < trials && text.length < CSV_CHUNK_CHARS) {
            let row = String(next + 1);
            for (const values of arrays) row += ',' + csvNumber(values[next]);
            text += row + '\n';
            next++;
          }
          if (text) controller.enqueue(encoder.encode(text));
          if (next >= trials) {
            controller.close();
            end();
          }
        } catch (error) {
          end();
          throw error;
        }
      },
      cancel() {
        end();
      },
    },
    // Nothing is rendered ahead of the reader: one chunk at a time.
    { highWaterMark: 0 },
  );
}
