import { runCli } from '../../api/cli/main.ts';

/**
 * The CLI in-process: the same `runCli` the bin calls, with its output collected (a
 * subprocess costs a Node start per call; only tests about the process itself need one).
 *
 * @example
 * const { code, stdout } = await cli('validate', 'fixtures/document-processing.json');
 */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { code, stdout, stderr };
}
