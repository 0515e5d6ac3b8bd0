/**
 * Node only, at build time: every script the extension ships is written in ASCII, non-ASCII
 * characters as `\uXXXX` escapes (in this project's code they occur in strings, template literals,
 * regular expressions and comments, where the escape means the same). A script that is all ASCII
 * is read and held by the browser at one byte a character; one non-ASCII character anywhere makes
 * the whole source — the compact list included — two bytes a character, for every result page.
 * Run on the finished bundle (after minification, which writes characters back as UTF-8).
 */
interface OutputChunk {
  type: 'chunk' | 'asset';
  code?: string;
}

interface AsciiPlugin {
  name: string;
  enforce: 'post';
  generateBundle(options: unknown, bundle: Record<string, OutputChunk>): void;
}

export function asciiScript(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function asciiOutputPlugin(): AsciiPlugin {
  return {
    name: 'sdc-ascii-output',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.code !== undefined) output.code = asciiScript(output.code);
      }
    },
  };
}
