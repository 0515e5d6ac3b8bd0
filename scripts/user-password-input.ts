/**
 * Reads a password for scripts/user.ts without ever echoing it: on a terminal, keystrokes are read
 * in raw mode and not written back; from a pipe, the first line is the password.
 */
import { createInterface } from 'node:readline';

function readLineFromPipe(): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: process.stdin, terminal: false });
    let done = false;
    lines.once('line', (line) => {
      done = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => (done ? undefined : reject(new Error('Aucun mot de passe sur l’entrée standard.'))));
  });
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error === undefined) resolve(typed);
      else reject(error);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new Error('Abandon.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

export async function readPassword(options: { confirm: boolean }): Promise<string> {
  if (!process.stdin.isTTY) return readLineFromPipe();
  const password = await readHidden('Mot de passe : ');
  if (options.confirm && (await readHidden('Confirmez le mot de passe : ')) !== password) throw new Error('Les deux saisies diffèrent.');
  return password;
}
