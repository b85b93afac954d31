import { createInterface } from 'node:readline/promises';

/** Reads a password from the terminal without echoing it (or one line from a pipe). */
export async function readPassword(question: string): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  if (process.stdin.isTTY) {
    // Mask what is typed: readline echoes through _writeToOutput.
    const masked = rl as unknown as { _writeToOutput(s: string): void };
    masked._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
  }
  const answer = await rl.question(question);
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return answer;
}
